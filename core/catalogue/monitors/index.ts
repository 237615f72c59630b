/**
 * The monitors (early stopping): the patience rule with the Keras, tfjs and Lightning presets, and
 * Prechelt's GL_α, PQ_α and UP_s with the paper preset; the types their implementations share.
 *
 * @module
 */
import type { CatalogueEntry } from '../types.js';
import { earlyStopping } from './early-stopping.js';
import { generalizationLoss, progressQuotient, successiveIncreases } from './prechelt.js';

export * from './monitor-types.js';
export { earlyStopping, type EarlyStoppingSchema } from './early-stopping.js';
export {
  generalizationLoss,
  progressQuotient,
  successiveIncreases,
  type GeneralizationLossSchema,
  type ProgressQuotientSchema,
  type SuccessiveIncreasesSchema,
} from './prechelt.js';

/** The monitors, in the order reports list them. */
export const monitors: readonly CatalogueEntry[] = [
  earlyStopping,
  generalizationLoss,
  progressQuotient,
  successiveIncreases,
];
