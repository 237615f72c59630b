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
export { asgd } from './rules/asgd.js';
export { ftrl } from './rules/ftrl.js';
export { lamb } from './rules/lamb.js';
export { lars } from './rules/lars.js';
export { lion } from './rules/lion.js';
export { momentum, nesterov } from './rules/momentum.js';
export { nadam } from './rules/nadam.js';
export { nag } from './rules/nag.js';
export { radam } from './rules/radam.js';
export { rmsprop, rmspropCentered } from './rules/rmsprop.js';
export { rprop } from './rules/rprop.js';
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
export { clipByGlobalNorm, clipByNorm, clipByValue } from './gradient-transforms/clipping.js';
export { adafactor } from './rules/adafactor.js';
