/**
 * Piecewise-linear and one-cycle schedules of PyTorch 1.13:
 *
 * - LinearLR: α_t = α₀ (f₀ + (f₁ − f₀) min(t, T)/T), from f₀ α₀ at t = 0 to f₁ α₀ at t = T.
 * - OneCycleLR (Smith & Topin 2019, "Super-Convergence"): from α_max/d up to α_max over the first
 *   phase, then down to α_max/(d d_f); the phases end at steps E₁ = ρ N − 1 and E₂ = N − 1 (three
 *   phases: E₁ = ρ N − 1, E₂ = 2 ρ N − 2 back to α_max/d, E₃ = N − 1 down to the minimum); within a
 *   phase from a to b over [s, E], with x = (t − s)/(E − s), the cosine anneal is
 *   b + (a − b)(1 + cos(π x))/2 and the linear one a + (b − a) x.
 *
 * @module
 */
import { torchFlags, learningRate, stepCount } from './common.js';
import { defineSchedule } from './define.js';
import type { ScheduleSchemaOf } from './types.js';

const factor = (symbol: string, description: string) => ({ symbol, description, domain: { min: '0', max: '1' } });

const linearHyperparameters = {
  lr: learningRate,
  startFactor: factor('f₀', 'the factor at t = 0 (PyTorch accepts 0, then raises ZeroDivisionError at t = 1)'),
  endFactor: factor('f₁', 'the factor from t = T on'),
  totalIters: stepCount('T', 'steps over which the factor moves from f₀ to f₁'),
} as const;

/** LinearLR's hyperparameters and flags. */
export type LinearSchema = ScheduleSchemaOf<typeof linearHyperparameters, typeof torchFlags, Record<never, never>>;

/** α_t = α₀ (f₀ + (f₁ − f₀) min(t, T)/T). */
export const linear = defineSchedule({
  name: 'linear',
  title: 'Linear warmup or decay',
  source: 'torch/optim/lr_scheduler.py LinearLR',
  hyperparameters: linearHyperparameters,
  lists: {},
  flags: torchFlags,
  presets: {
    pytorch: {
      source:
        'torch/optim/lr_scheduler.py LinearLR (PyTorch 1.13): start_factor=1.0/3 (the double 0.3333333333333333), end_factor=1.0, total_iters=5; lr from the optimizer (0.05 used, its docstring example)',
      className: 'torch.optim.lr_scheduler.LinearLR',
      defaults: { lr: '0.05', startFactor: '0.3333333333333333', endFactor: '1', totalIters: '5' },
      lists: {},
      flags: { implementation: 'torch-get-lr', arithmetic: 'float64' },
      options: { implementation: ['torch-get-lr', 'torch-closed-form'], arithmetic: ['float64', 'float32'] },
    },
  },
});

const oneCycleHyperparameters = {
  maxLr: { symbol: 'α_max', description: 'the peak learning rate', domain: { min: '0' } },
  totalSteps: stepCount('N', 'steps in the cycle (PyTorch raises ValueError past t = N)'),
  pctStart: factor('ρ', 'the fraction of the cycle spent rising'),
  divFactor: { symbol: 'd', description: 'the start is α_max/d', domain: { min: '0', minOpen: true } },
  finalDivFactor: { symbol: 'd_f', description: 'the end is α_max/(d d_f)', domain: { min: '0', minOpen: true } },
} as const;

const oneCycleFlags = {
  anneal: { description: "'cos': cosine anneal within each phase; 'linear': linear", values: ['cos', 'linear'] },
  threePhase: {
    description: 'three phases (up, back down to α_max/d, then to the minimum) instead of two',
    values: [false, true],
  },
  arithmetic: torchFlags.arithmetic,
} as const;

/** OneCycleLR's hyperparameters and flags. */
export type OneCycleSchema = ScheduleSchemaOf<
  typeof oneCycleHyperparameters,
  typeof oneCycleFlags,
  Record<never, never>
>;

/** The one-cycle policy of PyTorch 1.13 (learning rate only; its momentum cycling is not modelled). */
export const oneCycle = defineSchedule({
  name: 'one-cycle',
  title: 'One-cycle policy',
  source: 'Smith & Topin 2019, "Super-Convergence", arXiv:1708.07120; torch/optim/lr_scheduler.py OneCycleLR',
  hyperparameters: oneCycleHyperparameters,
  lists: {},
  flags: oneCycleFlags,
  presets: {
    pytorch: {
      source:
        "torch/optim/lr_scheduler.py OneCycleLR (PyTorch 1.13): pct_start=0.3, anneal_strategy='cos', div_factor=25., final_div_factor=1e4, three_phase=False; max_lr and total_steps required (0.01 used, its docstring example; 1000 used)",
      className: 'torch.optim.lr_scheduler.OneCycleLR',
      defaults: { maxLr: '0.01', totalSteps: '1000', pctStart: '0.3', divFactor: '25', finalDivFactor: '10000' },
      lists: {},
      flags: { anneal: 'cos', threePhase: false, arithmetic: 'float64' },
      options: { anneal: ['cos', 'linear'], threePhase: [false, true], arithmetic: ['float64', 'float32'] },
    },
  },
});
