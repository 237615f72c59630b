/**
 * The dropout family as catalogue entries (docs/update-rules.md, section Regularizers): dropout,
 * DropConnect and stochastic pooling. Masks are Bernoulli with keep probability p; PyTorch, Keras and
 * tfjs take the drop rate 1 − p instead, which is a different hyperparameter here, not a flag.
 *
 * @module
 */
import type { CatalogueEntry, HyperparameterSpec } from '../types.js';
import { elementSlots } from '../rules/common.js';

const keep: HyperparameterSpec = {
  symbol: 'p',
  description: 'keep probability (each unit or weight kept with probability p)',
  domain: { min: '0', max: '1', minOpen: true },
};
const rate: HyperparameterSpec = {
  symbol: 'r',
  description: 'drop rate 1 − p (PyTorch, Keras, tfjs)',
  domain: { min: '0', max: '1', maxOpen: true },
};

export const dropout: CatalogueEntry = {
  name: 'dropout',
  kind: 'mask',
  title: 'Dropout',
  source: 'Srivastava et al. 2014, JMLR 15, section 4 and 10',
  hyperparameters: { keep, rate },
  flags: {
    form: {
      description:
        "'original': y = m ⊙ x in training, p x at inference; 'inverted': y = m ⊙ x / p in training, x at inference",
      values: ['original', 'inverted'],
    },
  },
  presets: {
    paper: {
      source: 'Srivastava et al. 2014, section 4 (p = 0.5 for hidden units)',
      defaults: { keep: '0.5' },
      flags: { form: 'original' },
    },
    pytorch: {
      source: 'torch/nn/modules/dropout.py (p is the drop probability, 0.5)',
      defaults: { rate: '0.5' },
      flags: { form: 'inverted' },
    },
    keras: {
      source: 'keras/src/layers/regularization/dropout.py (rate required; 0.5 used)',
      defaults: { rate: '0.5' },
      flags: { form: 'inverted' },
    },
    tfjs: {
      source: 'tfjs-core/src/ops/dropout.ts, tf.dropout(x, rate) (rate required; 0.5 used)',
      defaults: { rate: '0.5' },
      flags: { form: 'inverted' },
    },
  },
  state: () => elementSlots([]),
};

export const dropConnect: CatalogueEntry = {
  name: 'dropconnect',
  kind: 'mask',
  title: 'DropConnect',
  source: 'Wan et al. 2013, ICML, sections 2 and 3',
  hyperparameters: { keep },
  flags: {},
  presets: {
    paper: {
      source:
        'Wan et al. 2013: y = (M ⊙ W) x, M_ij ~ Bernoulli(p); inference by moment matching, N(p W x, p (1 − p) (W ⊙ W)(x ⊙ x))',
      defaults: { keep: '0.5' },
      flags: {},
    },
  },
  state: () => elementSlots([]),
};

export const stochasticPooling: CatalogueEntry = {
  name: 'stochastic-pooling',
  kind: 'pooling',
  title: 'Stochastic pooling',
  source: 'Zeiler & Fergus 2013, ICLR, section 3',
  hyperparameters: {},
  flags: {},
  presets: {
    paper: {
      source: 'Zeiler & Fergus 2013: p_i = a_i / Σ a_j, sample one a_i; inference Σ p_i a_i',
      defaults: {},
      flags: {},
    },
  },
  state: () => elementSlots([]),
};

/** The dropout family, in the order reports list it. */
export const masks: readonly CatalogueEntry[] = [dropout, dropConnect, stochasticPooling];
