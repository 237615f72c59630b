/**
 * The regularizers `check` runs, and the one property each has there: agreement of the production
 * implementation with the oracle within the derived bounds (penalty, gradient and prox; dropout's
 * training output given its mask and its inference; DropConnect's output and moments; stochastic
 * pooling's probabilities and inference, and the possibility of every sample). The statistical
 * claims are tested in spec/regularizers/.
 *
 * @module
 */
import type fc from 'fast-check';
import { masks } from '../../../core/catalogue/regularizers/masks.js';
import { penalties } from '../../../core/catalogue/regularizers/penalties.js';
import type { CatalogueEntry, PresetName } from '../../../core/catalogue/index.js';
import type { Tally } from '../properties.js';
import { productionDropConnect, dropConnectProperty } from './dropconnect.js';
import { productionDropout } from './dropout-implementation.js';
import { dropoutProperty } from './dropout-property.js';
import { penaltyProperty } from './penalty-property.js';
import { productionStochasticPooling, stochasticPoolingProperty } from './stochastic-pooling.js';

/** The name of the regularizers' property in `check`. */
export const REGULARIZER_PROPERTY = 'agreement';

/** Every regularizer, in the order reports list them. */
export const regularizers: readonly CatalogueEntry[] = [...penalties, ...masks];

/** Whether `entry` is a regularizer rather than an update rule. */
export const isRegularizer = (entry: CatalogueEntry): boolean => regularizers.includes(entry);

/** The agreement property of a regularizer under a preset, folding its measures into `tally`. */
export function regularizerProperty(
  entry: CatalogueEntry,
  preset: PresetName,
  tally: Tally,
  implementation: string,
): fc.IProperty<unknown[]> {
  switch (entry.kind) {
    case 'penalty':
      return penaltyProperty(implementation, entry, preset, tally) as fc.IProperty<unknown[]>;
    case 'pooling':
      return stochasticPoolingProperty(productionStochasticPooling, entry, preset, tally) as fc.IProperty<unknown[]>;
    default:
      return (
        entry.name === 'dropconnect'
          ? dropConnectProperty(productionDropConnect, entry, preset, tally)
          : dropoutProperty(productionDropout, entry, preset, tally)
      ) as fc.IProperty<unknown[]>;
  }
}
