/**
 * Momentum's conventions: the paper form (v ← μ v + α g, θ ← θ − v), PyTorch's (b ← μ b + g,
 * θ ← θ − α b) and Keras's (m ← μ m − α g, θ ← θ + m) give the same θ, exactly over trajectories and
 * in float32 one step from corresponding buffers.
 *
 * @module
 */
import fc from 'fast-check';
import { checkProperty } from '../property.js';
import type { Claim, ClaimOptions, ClaimResult } from '../types.js';
import { agree, F, gradients, moderate, momentum, rate, trajectory } from './common.js';
import { float32Pair, namedProperty } from './pair.js';

type Form = 'paper' | 'pytorch' | 'keras';

/** Two momentum forms give the same θ trajectory from a zero buffer (exact). */
function momentumForms(a: Form, b: Form, o: ClaimOptions): ClaimResult {
  return checkProperty(
    {
      ...namedProperty(['θ', 'α', 'μ', 'g'], [moderate, rate, rate, gradients(30)], (theta, lr, mu, gs) =>
        agree(
          trajectory(() => momentum(a, lr, mu), theta, { buffer: '0' }, gs),
          trajectory(() => momentum(b, lr, mu), theta, { buffer: '0' }, gs),
        ),
      ),
      runs: 100,
    },
    o,
  );
}

/** The equivalences of momentum's paper, PyTorch and Keras forms. */
export const momentumClaims: readonly Claim[] = [
  {
    id: 'equivalence/momentum-paper-pytorch',
    statement:
      'momentum in the paper form (v ← μ v + α g, θ ← θ − v) and the PyTorch form (b ← μ b + g, θ ← θ − α b) give the same θ for a constant α',
    source: 'Ruder 2016, section 4.1; torch/optim/sgd.py',
    on: 'oracle',
    expected: 'holds',
    check: (o) => momentumForms('paper', 'pytorch', o),
  },
  {
    id: 'equivalence/momentum-paper-pytorch/float32',
    statement:
      'float32 production, one step with v = α b and α = 2^−k: bitwise equal (scaling by 2^−k commutes with rounding)',
    source: 'Ruder 2016, section 4.1; torch/optim/sgd.py',
    on: 'float32',
    expected: 'holds',
    check: (o) =>
      float32Pair(
        [moderate, moderate, moderate, fc.integer({ min: 0, max: 20 }), rate, fc.integer({ min: 2, max: 100 })],
        (theta, g, b, k, mu, t) => [
          { config: momentum('paper', 2 ** -k, mu), param: theta, grad: g, state: { buffer: b * 2 ** -k }, t },
          { config: momentum('pytorch', 2 ** -k, mu), param: theta, grad: g, state: { buffer: b }, t },
        ],
        ['θ', 'g', 'b', 'k (α = 2^−k)', 'μ', 't'],
        o,
        true,
      ),
  },
  {
    id: 'equivalence/momentum-paper-pytorch-any-rate/float32',
    statement: 'float32 production, one step with any α and v = float32(α b): |P_A − P_B − (X_A − X_B)| ≤ e_A + e_B',
    source: 'Ruder 2016, section 4.1; torch/optim/sgd.py',
    on: 'float32',
    expected: 'holds with bound',
    check: (o) =>
      float32Pair(
        [moderate, moderate, moderate, rate, rate, fc.integer({ min: 2, max: 100 })],
        (theta, g, b, lr, mu, t) => [
          { config: momentum('paper', lr, mu), param: theta, grad: g, state: { buffer: F(lr * b) }, t },
          { config: momentum('pytorch', lr, mu), param: theta, grad: g, state: { buffer: b }, t },
        ],
        ['θ', 'g', 'b', 'α', 'μ', 't'],
        o,
      ),
  },
  {
    id: 'equivalence/momentum-keras-paper',
    statement: "Keras's momentum (m ← μ m − α g, θ ← θ + m) is the paper form with m = −v",
    source: 'keras/src/optimizers/sgd.py',
    on: 'oracle',
    expected: 'holds',
    check: (o) => momentumForms('keras', 'paper', o),
  },
  {
    id: 'equivalence/momentum-keras-paper/float32',
    statement: 'float32 production, one step with m = −v: bitwise equal (negation commutes with rounding to nearest)',
    source: 'keras/src/optimizers/sgd.py',
    on: 'float32',
    expected: 'holds',
    check: (o) =>
      float32Pair(
        [moderate, moderate, moderate, rate, rate, fc.integer({ min: 1, max: 100 })],
        (theta, g, v, lr, mu, t) => [
          { config: momentum('keras', lr, mu), param: theta, grad: g, state: { buffer: -v }, t },
          { config: momentum('paper', lr, mu), param: theta, grad: g, state: { buffer: v }, t },
        ],
        ['θ', 'g', 'v', 'α', 'μ', 't'],
        o,
        true,
      ),
  },
];
