/**
 * LAMB (You et al. 2020, "Large Batch Optimization for Deep Learning: Training BERT in 76 minutes",
 * arXiv:1904.00962, Algorithm 2), per parameter tensor:
 *
 *   m ← β1 m + (1 − β1) g,   v ← β2 v + (1 − β2) g²,   u = (m / (1 − β1^t)) / (√(v / (1 − β2^t)) + ε)
 *   r = u + λ θ,   θ ← θ − α (‖θ‖ / ‖r‖) r          (‖·‖ the Euclidean norm of the whole tensor)
 *
 * with the paper's scaling φ the identity, as in every framework. Two flags record where the sources
 * part. `weightDecay`: `inside` the ratio (the paper; optax's `lamb`, a chain of scale_by_adam,
 * add_decayed_weights, scale_by_trust_ratio and scale_by_learning_rate) or `before` it (Keras 3: the
 * base optimizer's θ ← θ − θ λ α first, then the step above with λ = 0 on the decayed θ, whose norm
 * the ratio takes). λ = 0 skips the decay, as optax skips a zero constant and Keras `weight_decay=None`.
 * `trustRatio`, when a norm is zero or NaN: `positive-norms` (Keras: ‖θ‖/‖r‖ when both are > 0, else
 * 1, so a NaN norm gives 1), `zero-norm-one` (optax's scale_by_trust_ratio: 1 when either is 0, else
 * ‖θ‖/‖r‖, so a NaN norm gives NaN), `zero-norm-no-step` (the paper's formula, which has no fallback:
 * θ = 0 gives the ratio φ(0)/‖r‖ = 0, and r = 0 a zero step, so θ stays where it is in both cases).
 *
 * @module
 */
import { defineEntry, slot, type SchemaOf } from '../define.js';
import { hyperparameters } from './common.js';

const lambHyperparameters = {
  lr: hyperparameters.learningRate,
  beta1: hyperparameters.decay('β1', 'exponential decay rate of the first moment'),
  beta2: hyperparameters.decay('β2', 'exponential decay rate of the second moment'),
  eps: hyperparameters.epsilon,
  weightDecay: { symbol: 'λ', description: 'weight decay, inside or before the trust ratio', domain: { min: '0' } },
} as const;

const lambFlags = {
  weightDecay: {
    description: "where λ enters: 'inside' r = u + λθ under the ratio (paper, optax), 'before' θ − θλα first (Keras)",
    values: ['inside', 'before'],
  },
  trustRatio: {
    description:
      "the ratio at a zero or NaN norm: 'positive-norms' (Keras), 'zero-norm-one' (optax), 'zero-norm-no-step' (paper)",
    values: ['positive-norms', 'zero-norm-one', 'zero-norm-no-step'],
  },
} as const;

const lambSlots = { m: slot.signed(1), v: slot.nonnegative(2) } as const;

/** LAMB's hyperparameters, its two flags and its moments m and v. */
export type LambSchema = SchemaOf<typeof lambHyperparameters, typeof lambFlags, typeof lambSlots>;

/** LAMB: Adam's bias-corrected direction r, scaled per tensor by the trust ratio ‖θ‖/‖r‖. */
export const lamb = defineEntry({
  name: 'lamb',
  kind: 'elementwise-update',
  title: 'LAMB',
  source: 'You et al. 2020, "Large Batch Optimization for Deep Learning", arXiv:1904.00962, Algorithm 2',
  hyperparameters: lambHyperparameters,
  flags: lambFlags,
  slots: lambSlots,
  presets: {
    paper: {
      source: 'arXiv:1904.00962 Algorithm 2 (φ the identity; β1 0.9, β2 0.999, ε 1e-6, λ 0.01 of its BERT runs)',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '0.000001', weightDecay: '0.01' },
      flags: { weightDecay: 'inside', trustRatio: 'zero-norm-no-step' },
    },
    keras: {
      source: 'keras/src/optimizers/lamb.py update_step and base_optimizer.py _apply_weight_decay (Keras 3.16)',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '0.0000001', weightDecay: '0' },
      flags: { weightDecay: 'before', trustRatio: 'positive-norms' },
    },
    optax: {
      source: 'optax/_src/alias.py lamb, transform.py scale_by_trust_ratio (learning_rate required, 0.001 used)',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '0.000001', weightDecay: '0' },
      flags: { weightDecay: 'inside', trustRatio: 'zero-norm-one' },
    },
  },
});
