/**
 * The exact reference: decimal.js only, inputs taken exactly from float32 bits, outputs certified
 * correctly rounded to float32, or marked uncertified (with both candidates) where no precision tried
 * decides the rounding.
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
export * from './marks.js';
export * from './rules/index.js';
export { adamUpdate } from './rules/adam.js';
export * from './regularizers/penalties.js';
export * from './regularizers/dropout.js';
export * from './regularizers/dropconnect.js';
export * from './regularizers/stochastic-pooling.js';
