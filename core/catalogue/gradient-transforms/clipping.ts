/**
 * Gradient clipping as catalogue entries (docs/gradient-clipping.md): transforms of the list of
 * gradients g_1 … g_k (one per variable) before an optimizer's step. With N_i = ‖g_i‖₂ and
 * N = √(Σ_i N_i²) the global norm:
 *
 *   clip-by-norm (Keras clipnorm, per variable):     g_i · c / max(N_i, c)
 *   clip-by-global-norm, form keras (global_clipnorm): g_i · c · min(1/N, 1/c) = g_i · c / max(N, c)
 *   clip-by-global-norm, form pytorch (clip_grad_norm_): g_i · min(c / (N + 10^−6), 1)
 *   clip-by-value (Keras clipvalue, clip_grad_value_):  min(max(g, −v), v) elementwise
 *
 * Sources: keras/src/optimizers/base_optimizer.py (`_clip_gradients`, `_clip_by_norm`,
 * `clip_by_global_norm`); keras/src/backend/tensorflow/optimizer.py (`_clip_by_norm` = tf.clip_by_norm,
 * the same formula); torch/nn/utils/clip_grad.py at v1.13.0 (`clip_grad_norm_`, `clip_grad_value_`).
 *
 * @module
 */
import { defineEntry, type SchemaOf } from '../define.js';
import type { CatalogueEntry, HyperparameterSpec } from '../types.js';

const positive = { min: '0', minOpen: true } as const;
const threshold = (symbol: string, description: string): HyperparameterSpec => ({
  symbol,
  description,
  domain: positive,
});
const noFlags = {} as const;
const noSlots = {} as const;
const globalFlags = {
  form: {
    description:
      "'keras': g · c · min(1/N, 1/c) (keras/src/optimizers/base_optimizer.py clip_by_global_norm); 'pytorch': g · min(c / (N + 1e-6), 1) (torch/nn/utils/clip_grad.py clip_grad_norm_)",
    values: ['keras', 'pytorch'],
  },
} as const;

const normHyperparameters = { clipnorm: threshold('c', 'largest ‖g_i‖₂ of each variable’s gradient') } as const;
const globalHyperparameters = { maxNorm: threshold('c', 'largest global norm √(Σ_i ‖g_i‖₂²)') } as const;
const valueHyperparameters = { clipValue: threshold('v', 'largest |g| of each gradient element') } as const;

/** Per-variable norm clipping: the threshold c; no flags, no state. */
export type ClipByNormSchema = SchemaOf<typeof normHyperparameters, typeof noFlags, typeof noSlots>;
/** Global norm clipping: the threshold c and the framework's form; no state. */
export type ClipByGlobalNormSchema = SchemaOf<typeof globalHyperparameters, typeof globalFlags, typeof noSlots>;
/** Elementwise value clipping: the threshold v; no flags, no state. */
export type ClipByValueSchema = SchemaOf<typeof valueHyperparameters, typeof noFlags, typeof noSlots>;

/** Keras's clipnorm: each variable's gradient scaled to norm at most c, g · c / max(‖g‖₂, c). */
export const clipByNorm = defineEntry({
  name: 'clip-by-norm',
  kind: 'gradient-transform',
  title: 'Clipping by norm, per variable',
  source: 'keras/src/optimizers/base_optimizer.py, _clip_by_norm (tf.clip_by_norm on the TensorFlow backend)',
  hyperparameters: normHyperparameters,
  flags: noFlags,
  slots: noSlots,
  presets: {
    keras: {
      source: 'keras/src/optimizers/base_optimizer.py, clipnorm (no default: None; 1 here)',
      defaults: { clipnorm: '1' },
      flags: {},
    },
  },
});

/** Global norm clipping: every gradient scaled by one factor so that the global norm is at most c. */
export const clipByGlobalNorm = defineEntry({
  name: 'clip-by-global-norm',
  kind: 'gradient-transform',
  title: 'Clipping by global norm',
  source: 'Pascanu, Mikolov & Bengio 2013, section 3.2',
  hyperparameters: globalHyperparameters,
  flags: globalFlags,
  slots: noSlots,
  presets: {
    keras: {
      source: 'keras/src/optimizers/base_optimizer.py, global_clipnorm and clip_by_global_norm (no default; 1 here)',
      defaults: { maxNorm: '1' },
      flags: { form: 'keras' },
    },
    pytorch: {
      source: 'torch/nn/utils/clip_grad.py (1.13), clip_grad_norm_(max_norm, norm_type=2) (no default; 1 here)',
      defaults: { maxNorm: '1' },
      flags: { form: 'pytorch' },
    },
  },
});

/** Value clipping: each gradient element clamped to [−v, v]. */
export const clipByValue = defineEntry({
  name: 'clip-by-value',
  kind: 'gradient-transform',
  title: 'Clipping by value',
  source: 'keras/src/optimizers/base_optimizer.py (clipvalue); torch/nn/utils/clip_grad.py (clip_grad_value_)',
  hyperparameters: valueHyperparameters,
  flags: noFlags,
  slots: noSlots,
  presets: {
    keras: {
      source: 'keras/src/optimizers/base_optimizer.py, clipvalue: ops.clip(g, −v, v) (no default; 1 here)',
      defaults: { clipValue: '1' },
      flags: {},
    },
    pytorch: {
      source: 'torch/nn/utils/clip_grad.py (1.13), clip_grad_value_: clamp_(−v, v) (no default; 1 here)',
      defaults: { clipValue: '1' },
      flags: {},
    },
  },
});

/** The clipping entries, in the order reports list them. */
export const clippingEntries: readonly CatalogueEntry[] = [clipByNorm, clipByGlobalNorm, clipByValue];
