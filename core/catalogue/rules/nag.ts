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
import type { CatalogueEntry } from '../types.js';
import { elementSlots, hyperparameters } from './common.js';

export const nag: CatalogueEntry = {
  name: 'nag',
  kind: 'update-rule',
  title: 'NAG (look-ahead form, on a gradient function)',
  source: 'Nesterov 1983; Sutskever et al. 2013, eq. 3–4; Ruder 2016, section 4.2',
  hyperparameters: { lr: hyperparameters.learningRate, momentum: hyperparameters.momentum },
  flags: {},
  presets: {
    paper: {
      source: 'Ruder 2016, section 4.2 (γ 0.9; no default α, 0.01 used)',
      defaults: { lr: '0.01', momentum: '0.9' },
      flags: {},
    },
  },
  state: () => elementSlots(['velocity']),
  needsObjective: true,
};
