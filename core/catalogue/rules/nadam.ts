/**
 * Nadam (Dozat 2016): Adam with a Nesterov look-ahead on the first moment.
 *
 *   paper (the survey's formula, no momentum schedule):
 *     θ ← θ − α / (√v̂ + ε) · (β1 m̂ + (1 − β1) g / (1 − β1^t))
 *   pytorch (documented algorithm; ψ = momentum_decay):  μ_t = β1 (1 − ½ · 0.96^(t ψ)),
 *     P_t = P_{t−1} μ_t,  d = √(v / (1 − β2^t)) + ε,
 *     θ ← θ − α (1 − μ_t) / (1 − P_t) · g / d − α μ_{t+1} / (1 − P_t μ_{t+1}) · m / d
 *   keras (Keras 3): u_t = β1 (1 − ½ · 0.96^t), P_t = P_{t−1} u_t,
 *     m̂ = u_{t+1} m / (1 − P_t u_{t+1}) + (1 − u_t) g / (1 − P_t),  θ ← θ − α m̂ / (√v̂ + ε)
 *
 * P is the float32 state slot `muProduct` (a float32 tensor in PyTorch 1.13, a float32 variable in
 * Keras), starting at 1.
 *
 * @module
 */
import { defineEntry, optional, slot, type FlagValuesOf, type SchemaOf } from '../define.js';
import { hyperparameters } from './common.js';

const nadamHyperparameters = {
  lr: hyperparameters.learningRate,
  beta1: hyperparameters.decay('β1', 'exponential decay rate of the first moment'),
  beta2: hyperparameters.decay('β2', 'exponential decay rate of the second moment'),
  eps: hyperparameters.epsilon,
  momentumDecay: optional({
    symbol: 'ψ',
    description: 'μ_t = β1 (1 − ½ 0.96^(t ψ)) (PyTorch)',
    domain: { min: '0' },
  }),
  weightDecay: optional(hyperparameters.weightDecay),
} as const;

const nadamFlags = {
  schedule: {
    description: "'none' (the paper's formula), 'pytorch' (0.96^(tψ)), 'keras' (0.96^t)",
    values: ['none', 'pytorch', 'keras'],
  },
  productNext: optional({
    description:
      "Π_{i≤t+1} μ_i as documented ('documented'), or P_t μ_t μ_{t+1} as PyTorch 1.13's code computes it ('torch-1.13'); no preset uses the latter",
    values: ['documented', 'torch-1.13'],
    defects: [
      {
        value: 'torch-1.13',
        finding:
          "PyTorch 1.13's NAdam multiplies μ_t into the product twice (P_t μ_t μ_{t+1}), against its own documentation",
      },
    ],
  }),
} as const;

type NadamFlags = FlagValuesOf<typeof nadamFlags>;

const nadamSlots = {
  m: slot.signed(1),
  v: slot.nonnegative(2),
  muProduct: { ...slot.runningProduct(), when: (f: NadamFlags) => f.schedule !== 'none' },
} as const;

/** Nadam's hyperparameters, flags (`productNext` set by no preset) and slots (P under a schedule). */
export type NadamSchema = SchemaOf<typeof nadamHyperparameters, typeof nadamFlags, typeof nadamSlots>;

/** Nadam: Adam with the Nesterov look-ahead on m, and a momentum schedule under PyTorch and Keras. */
export const nadam = defineEntry({
  name: 'nadam',
  kind: 'elementwise-update',
  title: 'Nadam',
  source: 'Dozat 2016, "Incorporating Nesterov Momentum into Adam"; arXiv:1712.04711',
  hyperparameters: nadamHyperparameters,
  flags: nadamFlags,
  slots: nadamSlots,
  presets: {
    paper: {
      source: 'arXiv:1712.04711 (the survey), last formula; Dozat 2016 without the schedule',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-8' },
      flags: { schedule: 'none' },
    },
    pytorch: {
      source: 'torch.optim.NAdam documentation (algorithm box); torch/optim/nadam.py',
      defaults: { lr: '0.002', beta1: '0.9', beta2: '0.999', eps: '1e-8', momentumDecay: '0.004', weightDecay: '0' },
      flags: { schedule: 'pytorch' },
    },
    keras: {
      source: 'keras/src/optimizers/nadam.py (Keras 3)',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.999', eps: '1e-7' },
      flags: { schedule: 'keras' },
    },
  },
});
