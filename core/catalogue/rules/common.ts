/**
 * Hyperparameters that several rules share, with their domains, and the catalogue's shared pieces.
 *
 * @module
 */
import type { HyperparameterSpec } from '../types.js';

const nonnegative = { min: '0' } as const;

export const hyperparameters = {
  learningRate: { symbol: 'α', description: 'learning rate (step size)', domain: nonnegative },
  epsilon: { symbol: 'ε', description: 'added to the denominator for numerical stability', domain: nonnegative },
  /** PyTorch's coupled weight decay: the gradient becomes g + λ θ. */
  weightDecay: { symbol: 'λ', description: 'coupled weight decay (L2): g ← g + λ θ', domain: nonnegative },
  momentum: { symbol: 'μ', description: 'momentum coefficient', domain: { min: '0', max: '1', maxOpen: true } },
  dampening: {
    symbol: 'd',
    description: 'dampening of the gradient in the momentum buffer',
    domain: { min: '0', max: '1' },
  },
  /** A decay rate β in [0, 1). */
  decay: (symbol: string, description: string): HyperparameterSpec => ({
    symbol,
    description,
    domain: { min: '0', max: '1', maxOpen: true },
  }),
} satisfies Record<string, HyperparameterSpec | ((...args: string[]) => HyperparameterSpec)>;
