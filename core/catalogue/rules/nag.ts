/**
 * Nesterov accelerated gradient in the look-ahead form (Nesterov 1983; Ruder 2016, section 4.2):
 *
 *   v ← γ v + α ∇J(θ − γ v),   θ ← θ − v
 *
 * The step evaluates ∇J itself, at the look-ahead point, from the input's objective (test objectives
 * with exact gradients: core/catalogue/objectives.ts). The frameworks use the reformulated form on given
 * gradients instead (entry `nesterov`); the two are equal under θ' = θ − γ v.
 *
 * @module
 */
import { defineEntry, slot, type SchemaOf } from '../define.js';
import { hyperparameters } from './common.js';

const nagHyperparameters = { lr: hyperparameters.learningRate, momentum: hyperparameters.momentum } as const;
const nagFlags = {} as const;
const nagSlots = { velocity: slot.signed(1) } as const;

/** NAG's hyperparameters (α, γ) and its velocity slot; no flags. */
export type NagSchema = SchemaOf<typeof nagHyperparameters, typeof nagFlags, typeof nagSlots>;

/** NAG on a gradient function: v ← γ v + α ∇J(θ − γ v), θ ← θ − v. */
export const nag = defineEntry({
  name: 'nag',
  kind: 'gradient-function-update',
  title: 'NAG (look-ahead form, on a gradient function)',
  source: 'Nesterov 1983; Sutskever et al. 2013, eq. 3–4; Ruder 2016, section 4.2',
  hyperparameters: nagHyperparameters,
  flags: nagFlags,
  slots: nagSlots,
  presets: {
    paper: {
      source: 'Ruder 2016, section 4.2 (γ 0.9; no default α, 0.01 used)',
      defaults: { lr: '0.01', momentum: '0.9' },
      flags: {},
    },
  },
});
