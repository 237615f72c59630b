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
import type { PresetName } from '../../../core/catalogue/index.js';
import type { RegularizerRecord } from '../../registry/index.js';
import type { Tally } from '../properties.js';
import { productionDropConnect, dropConnectProperty } from './dropconnect.js';
import { productionDropout } from './dropout-implementation.js';
import { dropoutProperty } from './dropout-property.js';
import { penaltyProperty } from './penalty-property.js';
import { productionStochasticPooling, stochasticPoolingProperty } from './stochastic-pooling.js';

/** The agreement property of a regularizer under a preset, folding its measures into `tally`. */
export function regularizerProperty(
  record: RegularizerRecord,
  preset: PresetName,
  tally: Tally,
  implementation: string,
): fc.IProperty<unknown[]> {
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
