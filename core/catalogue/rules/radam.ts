/**
 * RAdam (Liu et al. 2019, "On the Variance of the Adaptive Learning Rate and Beyond",
 * arXiv:1908.03265, Algorithm 2), with Adam's m', v', b1 = 1 − β1^t, b2 = 1 − β2^t, m̂ = m'/b1:
 *
 *   ρ∞ = 2/(1 − β2) − 1,   ρ_t = ρ∞ − 2 t β2^t / b2
 *   rectified (ρ_t past the threshold):
 *     r_t = √((ρ_t − 4)(ρ_t − 2) ρ∞ / ((ρ∞ − 4)(ρ∞ − 2) ρ_t)),   θ ← θ − α r_t m̂ / D
 *   otherwise (momentum SGD with bias correction):                θ ← θ − α m̂
 *
 * The flag `threshold` is the test on ρ_t: the paper's `> 4`, PyTorch 1.13's `> 5`
 * (torch/optim/radam.py), optax's `>= 5` (optax/_src/transform.py scale_by_radam, threshold=5.0).
 * The flag `epsPlacement` is where ε enters D: `before-correction`, PyTorch's
 * D = (√v' + ε)/√b2 (adaptive_lr = √b2 / (√v' + ε)), or `after-correction`, optax's
 * D = √(v'/b2 + ε_root) + ε, as in Adam. The paper has no ε (l_t = √(b2/v'), so D = √v̂): its preset
 * takes ε = 0. PyTorch adds coupled weight decay (g' = g + λ θ), optax the ε_root inside the root.
 *
 * @module
 */
import { defineEntry, optional, slot, type SchemaOf } from '../define.js';
import { hyperparameters } from './common.js';

const radamHyperparameters = {
  lr: hyperparameters.learningRate,
  beta1: hyperparameters.decay('β1', 'exponential decay rate of the first moment'),
  beta2: hyperparameters.decay('β2', 'exponential decay rate of the second moment'),
  eps: hyperparameters.epsilon,
  epsRoot: optional({
    symbol: 'ε_root',
    description: 'added to v̂ inside the square root (optax)',
    domain: { min: '0' },
  }),
  weightDecay: optional(hyperparameters.weightDecay),
} as const;

const radamFlags = {
  threshold: {
    description: "when the step is rectified: ρ_t '>4' (paper), '>5' (PyTorch 1.13), '>=5' (optax)",
    values: ['>4', '>5', '>=5'],
  },
  epsPlacement: {
    description: "'before-correction': √b2/(√v + ε) (PyTorch); 'after-correction': 1/(√(v̂ + ε_root) + ε) (optax)",
    values: ['before-correction', 'after-correction'],
  },
} as const;

const radamSlots = { m: slot.signed(1), v: slot.nonnegative(2) } as const;

/** RAdam's hyperparameters, its threshold and ε flags, and Adam's two moments. */
export type RadamSchema = SchemaOf<typeof radamHyperparameters, typeof radamFlags, typeof radamSlots>;

/** RAdam: Adam's step scaled by the variance rectifier r_t once ρ_t passes the threshold, momentum SGD before. */
export const radam = defineEntry({
  name: 'radam',
  kind: 'elementwise-update',
  title: 'RAdam',
  source: 'Liu et al. 2019, "On the Variance of the Adaptive Learning Rate and Beyond", arXiv:1908.03265, Algorithm 2',
  hyperparameters: radamHyperparameters,
  flags: radamFlags,
  slots: radamSlots,
  presets: {
    paper: {
      source: 'arXiv:1908.03265 Algorithm 2 (ρ_t > 4, no ε; α 0.001, β1 0.9, β2 0.999 as in its experiments)',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '0' },
      flags: { threshold: '>4', epsPlacement: 'after-correction' },
    },
    pytorch: {
      source: 'torch/optim/radam.py (1.13), _single_tensor_radam',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-8', weightDecay: '0' },
      flags: { threshold: '>5', epsPlacement: 'before-correction' },
    },
    optax: {
      source: 'optax/_src/alias.py radam and transform.py scale_by_radam (learning_rate required, 0.001 used)',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-8', epsRoot: '0' },
      flags: { threshold: '>=5', epsPlacement: 'after-correction' },
    },
  },
});
