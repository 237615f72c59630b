/**
 * Pieces the schedule entries share: PyTorch's implementation and arithmetic flags, the initial
 * learning rate and step counts.
 *
 * @module
 */
import type { HyperparameterSpec } from '../catalogue/types.js';

/** Shared flag specs: how PyTorch's scheduler computes, and in which arithmetic. */
export const torchFlags = {
  implementation: {
    description:
      "'torch-get-lr': the chainable get_lr that step() calls (each value from the one before); 'torch-closed-form': _get_closed_form_lr, which step(epoch) calls",
    values: ['torch-get-lr', 'torch-closed-form'],
  },
  arithmetic: {
    description:
      "'float64': Python floats, as PyTorch computes; 'float32': the same operations each rounded to float32 (a port to float32)",
    values: ['float64', 'float32'],
  },
} as const;

/** A learning rate ≥ 0. */
export const learningRate: HyperparameterSpec = {
  symbol: 'α₀',
  description: 'the initial (base) learning rate',
  domain: { min: '0' },
};

/** A count of steps ≥ 1. */
export const stepCount = (symbol: string, description: string): HyperparameterSpec => ({
  symbol,
  description,
  domain: { min: '1', integer: true },
});
