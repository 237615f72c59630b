/**
 * The dropout family as catalogue entries (docs/update-rules.md, section Regularizers): dropout,
 * DropConnect and stochastic pooling. Masks are Bernoulli with keep probability p; PyTorch, Keras and
 * tfjs take the drop rate 1 − p instead, which is a different hyperparameter here, not a flag.
 *
 * @module
 */
import { defineEntry, optional, type SchemaOf } from '../define.js';
import type { CatalogueEntry } from '../types.js';

const keep = {
  symbol: 'p',
  description: 'keep probability (each unit or weight kept with probability p)',
  domain: { min: '0', max: '1', minOpen: true },
} as const;
const rate = {
  symbol: 'r',
  description: 'drop rate 1 − p (PyTorch, Keras, tfjs)',
  domain: { min: '0', max: '1', maxOpen: true },
} as const;
const noFlags = {} as const;
const noSlots = {} as const;

const dropoutHyperparameters = { keep: optional(keep), rate: optional(rate) } as const;
const dropoutFlags = {
  form: {
    description:
      "'original': y = m ⊙ x in training, p x at inference; 'inverted': y = m ⊙ x / p in training, x at inference",
    values: ['original', 'inverted'],
  },
} as const;

/** Dropout's hyperparameters (p in the paper, the drop rate r elsewhere) and its form flag; no state. */
export type DropoutSchema = SchemaOf<typeof dropoutHyperparameters, typeof dropoutFlags, typeof noSlots>;

/** Dropout: y = m ⊙ x with m_i ~ Bernoulli(p), scaled by p at inference or by 1/p in training. */
export const dropout = defineEntry({
  name: 'dropout',
  kind: 'activation-mask',
  title: 'Dropout',
  source: 'Srivastava et al. 2014, JMLR 15, section 4 and 10',
  hyperparameters: dropoutHyperparameters,
  flags: dropoutFlags,
  slots: noSlots,
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
});

const dropConnectHyperparameters = { keep } as const;

/** DropConnect's keep probability p; no flags, no state. */
export type DropConnectSchema = SchemaOf<typeof dropConnectHyperparameters, typeof noFlags, typeof noSlots>;

/** DropConnect: y = (M ⊙ W) x with M_ij ~ Bernoulli(p). */
export const dropConnect = defineEntry({
  name: 'dropconnect',
  kind: 'weight-mask',
  title: 'DropConnect',
  source: 'Wan et al. 2013, ICML, sections 2 and 3',
  hyperparameters: dropConnectHyperparameters,
  flags: noFlags,
  slots: noSlots,
  presets: {
    paper: {
      source:
        'Wan et al. 2013: y = (M ⊙ W) x, M_ij ~ Bernoulli(p); inference by moment matching, N(p W x, p (1 − p) (W ⊙ W)(x ⊙ x))',
      defaults: { keep: '0.5' },
      flags: {},
    },
  },
});

const noHyperparameters = {} as const;

/** Stochastic pooling has no hyperparameters, flags or state. */
export type StochasticPoolingSchema = SchemaOf<typeof noHyperparameters, typeof noFlags, typeof noSlots>;

/** Stochastic pooling: sample a_i with probability a_i / Σ a_j; at inference Σ p_i a_i. */
export const stochasticPooling = defineEntry({
  name: 'stochastic-pooling',
  kind: 'pooling',
  title: 'Stochastic pooling',
  source: 'Zeiler & Fergus 2013, ICLR, section 3',
  hyperparameters: noHyperparameters,
  flags: noFlags,
  slots: noSlots,
  presets: {
    paper: {
      source: 'Zeiler & Fergus 2013: p_i = a_i / Σ a_j, sample one a_i; inference Σ p_i a_i',
      defaults: {},
      flags: {},
    },
  },
});

/** The dropout family, in the order reports list it. */
export const masks: readonly CatalogueEntry[] = [dropout, dropConnect, stochasticPooling];
