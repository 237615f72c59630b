/**
 * LARS (You, Gitman & Ginsburg 2017, "Large Batch Training of Convolutional Networks",
 * arXiv:1708.03888) as optax writes it (optax/_src/alias.py `lars`: a chain of add_decayed_weights,
 * scale_by_trust_ratio, scale_by_learning_rate and trace), per parameter tensor:
 *
 *   u = g + λ θ,   ρ = η ‖θ‖ / (‖u‖ + ε)  (1 when ‖θ‖ = 0 or ‖u‖ = 0),
 *   b ← μ b − α ρ u,   θ ← θ + b      (Nesterov: θ ← θ + μ b − α ρ u, with the new b)
 *
 * (‖·‖ the Euclidean norm of the whole tensor). The buffer holds steps already scaled by α, and the
 * denominator is ‖g + λθ‖, where the paper's equation (6) has ‖g‖ + λ‖θ‖; the paper gives no value for
 * a zero norm, so only optax's form is a preset. λ = 0 skips the decay, as optax skips a zero constant.
 *
 * @module
 */
import { defineEntry, slot, type SchemaOf } from '../define.js';
import { hyperparameters } from './common.js';

const larsHyperparameters = {
  lr: hyperparameters.learningRate,
  momentum: hyperparameters.momentum,
  weightDecay: { symbol: 'λ', description: 'weight decay inside the trust ratio: u = g + λ θ', domain: { min: '0' } },
  trustCoefficient: { symbol: 'η', description: 'multiplier of the trust ratio', domain: { min: '0' } },
  eps: hyperparameters.epsilon,
} as const;

const larsFlags = {
  nesterov: { description: "Nesterov momentum: θ + μ b' − α ρ u instead of θ + b'", values: [false, true] },
} as const;

/**
 * The buffer b of α-scaled steps. Its degree is 0: with λ = 0, ρ u = η ‖θ‖ u / ‖u‖ does not change when
 * every gradient is scaled by c > 0.
 */
const larsSlots = { trace: slot.signed(0) } as const;

/** LARS's hyperparameters, its Nesterov flag and its buffer. */
export type LarsSchema = SchemaOf<typeof larsHyperparameters, typeof larsFlags, typeof larsSlots>;

/** LARS: SGD with momentum on steps scaled per tensor by the trust ratio η ‖θ‖/‖g + λθ‖. */
export const lars = defineEntry({
  name: 'lars',
  kind: 'elementwise-update',
  title: 'LARS',
  source: 'You, Gitman & Ginsburg 2017, "Large Batch Training of Convolutional Networks", arXiv:1708.03888',
  hyperparameters: larsHyperparameters,
  flags: larsFlags,
  slots: larsSlots,
  presets: {
    optax: {
      source: 'optax/_src/alias.py lars, transform.py scale_by_trust_ratio (learning_rate required, 0.001 used)',
      defaults: { lr: '0.001', momentum: '0.9', weightDecay: '0', trustCoefficient: '0.001', eps: '0' },
      flags: { nesterov: false },
    },
  },
});
