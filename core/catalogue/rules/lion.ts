/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms", arXiv:2302.06675,
 * Algorithm 2):
 *
 *   c = β1 m + (1 − β1) g,   θ ← θ − α (sign(c) + λ θ),   m ← β2 m + (1 − β2) g
 *
 * with sign(0) = 0 in the paper and in every framework (torch.sign, jnp.sign, keras.ops.sign), and
 * the decay on the old θ. The frameworks differ only in where they apply λ, which the flag
 * `weightDecay` records: `inside` the step (the paper; optax's `lion`, which chains scale_by_lion,
 * add_decayed_weights and scale_by_learning_rate, so that u = −α (sign(c) + λ θ)), or `before` it
 * (Keras 3: the base optimizer's θ ← θ − θ λ α, then θ ← θ − α sign(c)). Both are the same exact
 * value; the flag decides production's order of float32 operations. λ = 0 skips the decay, as
 * optax skips a zero constant and Keras skips `weight_decay=None`.
 *
 * @module
 */
import { defineEntry, slot, type SchemaOf } from '../define.js';
import { hyperparameters } from './common.js';

const lionHyperparameters = {
  lr: hyperparameters.learningRate,
  beta1: hyperparameters.decay('β1', 'interpolation between m and g inside the sign'),
  beta2: hyperparameters.decay('β2', 'exponential decay rate of the momentum m'),
  weightDecay: { symbol: 'λ', description: 'decoupled weight decay: θ ← θ − α λ θ', domain: { min: '0' } },
} as const;

const lionFlags = {
  weightDecay: {
    description: "where λ enters: 'inside' θ − α (sign(c) + λθ) (paper, optax), 'before' θ − θλα first (Keras)",
    values: ['inside', 'before'],
  },
} as const;

const lionSlots = { m: slot.signed(1) } as const;

/** Lion's hyperparameters, its decay-order flag and its momentum m. */
export type LionSchema = SchemaOf<typeof lionHyperparameters, typeof lionFlags, typeof lionSlots>;

/** Lion: θ ← θ − α (sign(β1 m + (1 − β1) g) + λ θ), m ← β2 m + (1 − β2) g. */
export const lion = defineEntry({
  name: 'lion',
  kind: 'elementwise-update',
  title: 'Lion',
  source: 'Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms", arXiv:2302.06675, Algorithm 2',
  hyperparameters: lionHyperparameters,
  flags: lionFlags,
  slots: lionSlots,
  presets: {
    paper: {
      source:
        "arXiv:2302.06675 Algorithm 2 (β1 0.9, β2 0.99; α 1e-4 and λ 0 are the authors' lion_pytorch.py defaults)",
      defaults: { lr: '0.0001', beta1: '0.9', beta2: '0.99', weightDecay: '0' },
      flags: { weightDecay: 'inside' },
    },
    keras: {
      source: 'keras/src/optimizers/lion.py and base_optimizer.py _apply_weight_decay (weight_decay None: λ 0)',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.99', weightDecay: '0' },
      flags: { weightDecay: 'before' },
    },
    optax: {
      source: 'optax/_src/alias.py lion (learning_rate required, 0.001 used; weight_decay 1e-3)',
      defaults: { lr: '0.001', beta1: '0.9', beta2: '0.99', weightDecay: '0.001' },
      flags: { weightDecay: 'inside' },
    },
  },
});
