/**
 * Every catalogue entry by its exported name, each with its own schema (not widened to
 * `CatalogueEntry`), for code that pairs an entry with its typed implementations.
 *
 * @module
 */
export { adadelta } from './rules/adadelta.js';
export { adagrad } from './rules/adagrad.js';
export { adam, adamw, amsgrad } from './rules/adam.js';
export { adamax } from './rules/adamax.js';
export { momentum, nesterov } from './rules/momentum.js';
export { nadam } from './rules/nadam.js';
export { nag } from './rules/nag.js';
export { rmsprop, rmspropCentered } from './rules/rmsprop.js';
export { sgd } from './rules/sgd.js';
export { dropConnect, dropout, stochasticPooling } from './regularizers/masks.js';
export { elasticNet, l1, l2, smoothL1 } from './regularizers/penalties.js';
export { earlyStopping, generalizationLoss, progressQuotient, successiveIncreases } from './monitors/index.js';
export {
  centralCrop,
  cropToBoundingBox,
  flipLeftRight,
  flipUpDown,
  randomCrop,
  randomFlipLeftRight,
  randomFlipUpDown,
  rot90,
} from './augmentations/geometric.js';
export { resizeBilinear, resizeNearest, rotate } from './augmentations/interpolating.js';
export { adjustBrightness, adjustContrast } from './augmentations/colour.js';
