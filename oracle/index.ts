/**
 * The exact reference: decimal.js only, inputs taken exactly from float32 bits, outputs certified
 * correctly rounded to float32, or marked uncertified (with both candidates) where no precision tried
 * decides the rounding. The update rules are exported by name (`adamOracle`, ...); the registry of the
 * main entry point pairs them with their catalogue entries.
 *
 * @module
 */
export * from './binary32.js';
export * from './interval.js';
export * from './certify.js';
export * from './enclosure.js';
export * from './float64.js';
export * from './staged.js';
export * from './rational.js';
export * from './rule.js';
export * from './elementwise.js';
export * from './marks.js';
export { sgdOracle } from './rules/sgd.js';
export { momentumOracle } from './rules/momentum.js';
export { nagOracle, encloseNag } from './rules/nag.js';
export { adagradOracle } from './rules/adagrad.js';
export { adadeltaOracle } from './rules/adadelta.js';
export { rmspropOracle } from './rules/rmsprop.js';
export { adamOracle, adamUpdate } from './rules/adam.js';
export { adamaxOracle } from './rules/adamax.js';
export { nadamOracle } from './rules/nadam.js';
export * from './regularizers/penalties.js';
export * from './regularizers/dropout.js';
export * from './regularizers/dropconnect.js';
export * from './regularizers/stochastic-pooling.js';
