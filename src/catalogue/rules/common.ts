/**
 * Hyperparameters that several rules share, with their domains.
 *
 * @module
 */
import type { HyperparameterSpec } from '../types.js';

export const hyperparameters = {
  learningRate: { symbol: 'α', description: 'learning rate (step size)', domain: { min: '0' } },
  epsilon: { symbol: 'ε', description: 'added to the denominator for numerical stability', domain: { min: '0' } },
  /** A decay rate β in [0, 1). */
  decay: (symbol: string, description: string): HyperparameterSpec => ({
    symbol,
    description,
    domain: { min: '0', max: '1', maxOpen: true },
  }),
} satisfies Record<string, HyperparameterSpec | ((...args: string[]) => HyperparameterSpec)>;
