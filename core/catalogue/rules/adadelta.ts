/**
 * AdaDelta (Zeiler 2012, Algorithm 1):
 *
 *   E[g²] ← ρ E[g²] + (1 − ρ) g²,   Δ = −√(E[Δ²] + ε) / √(E[g²] + ε) · g,
 *   E[Δ²] ← ρ E[Δ²] + (1 − ρ) Δ²,   θ ← θ + α Δ
 *
 * with the new E[g²] in Δ. TensorFlow.js 4.22 divides by the old E[g²] instead (flag
 * `denominator: 'previous'`; docs/conventions.md).
 *
 * @module
 */
import { defineEntry, optional, slot, type SchemaOf } from '../define.js';
import { hyperparameters } from './common.js';

const adadeltaHyperparameters = {
  lr: hyperparameters.learningRate,
  rho: hyperparameters.decay('ρ', 'decay rate of the running averages'),
  eps: hyperparameters.epsilon,
  weightDecay: optional(hyperparameters.weightDecay),
} as const;

const adadeltaFlags = {
  denominator: {
    description: "E[g²] in Δ: the updated one ('current', Zeiler) or the previous one (tfjs)",
    values: ['current', 'previous'],
    defects: [
      {
        value: 'previous',
        finding:
          "tfjs divides by the previous E[g²] (adadelta_optimizer.ts), where Zeiler's Algorithm 1 uses the one just updated",
      },
    ],
  },
} as const;

/** E[g²] scales as g²; E[Δ²] does not scale (Δ is invariant under g → c g once ε is negligible). */
const adadeltaSlots = { gradSquared: slot.nonnegative(2), updateSquared: slot.nonnegative(0) } as const;

/** AdaDelta's hyperparameters, its denominator flag and its running averages E[g²], E[Δ²]. */
export type AdadeltaSchema = SchemaOf<typeof adadeltaHyperparameters, typeof adadeltaFlags, typeof adadeltaSlots>;

/** AdaDelta: θ ← θ − α √(E[Δ²] + ε) / √(E[g²] + ε) · g. */
export const adadelta = defineEntry({
  name: 'adadelta',
  kind: 'elementwise-update',
  title: 'AdaDelta',
  source: 'Zeiler 2012, arXiv:1212.5701, Algorithm 1',
  hyperparameters: adadeltaHyperparameters,
  flags: adadeltaFlags,
  slots: adadeltaSlots,
  presets: {
    paper: {
      source: 'Zeiler 2012, Algorithm 1 (no α, that is α = 1; ρ 0.95, ε 1e-6)',
      defaults: { lr: '1', rho: '0.95', eps: '1e-6' },
      flags: { denominator: 'current' },
    },
    pytorch: {
      source: 'torch/optim/adadelta.py',
      defaults: { lr: '1', rho: '0.9', eps: '1e-6', weightDecay: '0' },
      flags: { denominator: 'current' },
    },
    keras: {
      source: 'keras/src/optimizers/adadelta.py',
      defaults: { lr: '0.001', rho: '0.95', eps: '1e-7' },
      flags: { denominator: 'current' },
    },
    tfjs: {
      source: 'tfjs-core/src/optimizers/adadelta_optimizer.ts',
      defaults: { lr: '0.001', rho: '0.95', eps: '1e-7' },
      flags: { denominator: 'previous' },
    },
  },
});
