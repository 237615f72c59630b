/**
 * Averaged SGD as PyTorch 1.13 implements it (torch/optim/asgd.py, _single_tensor_asgd; Polyak &
 * Juditsky 1992, with the step-size schedule of Bottou 2012, "Stochastic Gradient Descent Tricks"):
 *
 *   g' = g + λ_wd θ,   θ ← θ (1 − λ η) − η g'
 *   ax ← θ                      when μ = 1   (a copy, as PyTorch does)
 *   ax ← ax + (θ − ax) μ        otherwise
 *   then, with this step's t:   η ← lr / (1 + λ lr t)^α,   μ ← 1 / max(1, t − t0)
 *
 * η and μ are per-parameter float32 scalars (0-d tensors, `torch.tensor(python float)`), which start
 * at float32(lr) and 1 and are rounded to float32 when stored; a step uses the η and μ the previous
 * step stored. ax, the running average, is kept in the state and never written into θ.
 *
 * @module
 */
import { defineEntry, slot, type SchemaOf } from '../define.js';
import { hyperparameters } from './common.js';

const asgdHyperparameters = {
  lr: { symbol: 'η₀', description: 'initial step size; η_t = lr / (1 + λ lr t)^α', domain: { min: '0' } },
  lambd: { symbol: 'λ', description: 'decay term: θ ← θ (1 − λ η)', domain: { min: '0' } },
  alpha: { symbol: 'α', description: 'power of the step-size schedule', domain: { min: '0' } },
  t0: {
    symbol: 't₀',
    description: 'the step after which averaging starts: μ = 1 / max(1, t − t₀)',
    domain: { min: '0' },
  },
  weightDecay: hyperparameters.weightDecay,
} as const;

const asgdFlags = {} as const;

const asgdSlots = {
  // An average of parameters, which a scaling of the gradients does not scale.
  ax: slot.signed(0),
  eta: { per: 'tensor', degree: 0, range: 'nonnegative' },
  mu: { per: 'tensor', degree: 0, range: 'unit-interval' },
} as const;

/** ASGD's hyperparameters, no flags, the average ax and the float32 scalars η and μ. */
export type AsgdSchema = SchemaOf<typeof asgdHyperparameters, typeof asgdFlags, typeof asgdSlots>;

/** ASGD: SGD with decay λ η, the step size η_t and the running average ax of PyTorch 1.13. */
export const asgd = defineEntry({
  name: 'asgd',
  kind: 'elementwise-update',
  title: 'ASGD',
  source: 'Polyak & Juditsky 1992; Bottou 2012; torch/optim/asgd.py (PyTorch 1.13)',
  hyperparameters: asgdHyperparameters,
  flags: asgdFlags,
  slots: asgdSlots,
  presets: {
    pytorch: {
      source: 'torch/optim/asgd.py (1.13), _single_tensor_asgd',
      defaults: { lr: '0.01', lambd: '0.0001', alpha: '0.75', t0: '1000000', weightDecay: '0' },
      flags: {},
    },
  },
});
