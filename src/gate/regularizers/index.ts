/**
 * The regularizers `check` runs, and the one property each has there: agreement of the production
 * implementation with the oracle within the derived bounds (penalty, gradient and prox; dropout's
 * training output given its mask and its inference; DropConnect's output and moments; stochastic
 * pooling's probabilities and inference, and the possibility of every sample). The property follows
 * the kind of the regularizer's record in the registry. The statistical claims are tested in
 * spec/regularizers/.
 *
 * @module
 */
import type fc from 'fast-check';
import type { CatalogueEntry, PresetName } from '../../../core/catalogue/index.js';
import { regularizerRecordOf } from '../../registry/regularizers.js';
import { regularizers } from '../../registry/registry.js';
import type { Tally } from '../properties.js';
import { productionDropConnect, dropConnectProperty } from './dropconnect.js';
import { productionDropout } from './dropout-implementation.js';
import { dropoutProperty } from './dropout-property.js';
import { penaltyProperty } from './penalty-property.js';
import { productionStochasticPooling, stochasticPoolingProperty } from './stochastic-pooling.js';

export { regularizers };

/** Whether `entry` is a regularizer rather than an update rule. */
export const isRegularizer = (entry: CatalogueEntry): boolean => regularizers.includes(entry);

/** The agreement property of a regularizer under a preset, folding its measures into `tally`. */
export function regularizerProperty(
  entry: CatalogueEntry,
  preset: PresetName,
  tally: Tally,
  implementation: string,
): fc.IProperty<unknown[]> {
  const record = regularizerRecordOf(entry.name);
  switch (record.kind) {
    case 'penalty':
      return penaltyProperty(implementation, record, preset, tally) as fc.IProperty<unknown[]>;
    case 'activation-mask':
      return dropoutProperty(productionDropout, record, preset, tally) as fc.IProperty<unknown[]>;
    case 'weight-mask':
      return dropConnectProperty(productionDropConnect, record, preset, tally) as fc.IProperty<unknown[]>;
    case 'pooling':
      return stochasticPoolingProperty(productionStochasticPooling, record, preset, tally) as fc.IProperty<unknown[]>;
  }
}
