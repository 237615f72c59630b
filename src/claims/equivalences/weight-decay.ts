/**
 * Coupled against decoupled weight decay (Loshchilov & Hutter 2019): for plain SGD, decoupled decay
 * θ ← θ (1 − α λ) − α g equals coupled L2 θ ← θ − α (g + λ θ); for Adam it does not, and the first
 * step's difference is derived exactly.
 *
 * @module
 */
import fc from 'fast-check';
import type { Decimal } from 'decimal.js';
import { exactText } from '../../../oracle/binary32.js';
import { configure } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { nonnegative } from '../../gate/arbitraries/float32.js';
import { exactParam, exactStep } from '../one-step.js';
import { checkProperty } from '../property.js';
import type { Claim } from '../types.js';
import { adam, agree, D, F, gradients, moderate, rate, trajectory } from './common.js';
import { float32Pair, namedProperty } from './pair.js';

/** θ'_coupled − θ'_decoupled for Adam's first step from zero state, ε = 0, α = 0.001 (exact). */
function firstStepDifference(theta: number, g: number, b2: number, lambda: number, b1: number = F(0.9)): Decimal {
  const common = { beta1: exactText(b1), beta2: exactText(b2), eps: '0', lr: '0.001', weightDecay: exactText(lambda) };
  const coupled = exactParam({
    config: configure(entries.adam, 'pytorch', common),
    param: theta,
    grad: g,
    state: { m: 0, v: 0 },
    t: 1,
  });
  const decoupled = exactParam({
    config: configure(entries.adamw, 'pytorch', common),
    param: theta,
    grad: g,
    state: { m: 0, v: 0 },
    t: 1,
  });
  return coupled.minus(decoupled);
}

/** Adam (coupled λ) against AdamW (decoupled λ) in PyTorch's form, α = 0.001. */
const adamw = (b1: number, b2: number, eps: string, lambda: number) =>
  configure(entries.adamw, 'pytorch', {
    beta1: exactText(b1),
    beta2: exactText(b2),
    eps,
    lr: '0.001',
    weightDecay: exactText(lambda),
  });

/** Coupled and decoupled decay, for SGD and for Adam. */
export const weightDecayClaims: readonly Claim[] = [
  {
    id: 'equivalence/decoupled-coupled-sgd',
    statement: 'for plain SGD, decoupled decay θ ← θ (1 − α λ) − α g equals coupled L2 θ ← θ − α (g + λ θ)',
    source: 'Loshchilov & Hutter 2019, proposition 1',
    on: 'oracle',
    expected: 'holds',
    check: (o) =>
      checkProperty(
        {
          ...namedProperty(['θ', 'α', 'λ', 'g'], [moderate, rate, rate, gradients(20)], (theta, lr, lambda, gs) => {
            const coupled = trajectory(
              () => configure(entries.sgd, 'pytorch', { lr: exactText(lr), weightDecay: exactText(lambda) }),
              theta,
              {},
              gs,
            );
            const sgd = configure(entries.sgd, 'paper', { lr: exactText(lr) });
            const factor = new D(1).minus(new D(exactText(lr)).times(exactText(lambda)));
            let th = new D(exactText(theta));
            const decoupled = gs.map((g, i) => (th = exactStep(sgd, th.times(factor), exactText(g), {}, i + 1).theta));
            return agree(coupled, decoupled);
          }),
          runs: 100,
        },
        o,
      ),
  },
  {
    id: 'equivalence/decoupled-coupled-sgd/float32',
    statement:
      'float32 production, one step: SGD with weight_decay λ against plain SGD on float32(θ (1 − α λ)): |P_A − P_B − (X_A − X_B)| ≤ e_A + e_B',
    source: 'Loshchilov & Hutter 2019, proposition 1',
    on: 'float32',
    expected: 'holds with bound',
    check: (o) =>
      float32Pair(
        [moderate, moderate, rate, rate, fc.integer({ min: 1, max: 100 })],
        (theta, g, lr, lambda, t) => [
          {
            config: configure(entries.sgd, 'pytorch', { lr: exactText(lr), weightDecay: exactText(lambda) }),
            param: theta,
            grad: g,
            state: {},
            t,
          },
          {
            config: configure(entries.sgd, 'paper', { lr: exactText(lr) }),
            param: F(theta * F(1 - F(lr * lambda))),
            grad: g,
            state: {},
            t,
          },
        ],
        ['θ', 'g', 'α', 'λ', 't'],
        o,
      ),
  },
  {
    id: 'equivalence/decoupled-coupled-adam',
    statement: "for Adam, decoupled decay (AdamW, PyTorch's θ (1 − α λ)) equals coupled L2 (Adam's weight_decay λ)",
    source: 'Loshchilov & Hutter 2019, section 2',
    on: 'oracle',
    expected: 'refuted',
    check: (o) =>
      checkProperty(
        {
          ...namedProperty(
            ['θ', 'g', 'β2', 'λ'],
            [moderate, moderate, rate, fc.integer({ min: 1, max: 2 ** 24 - 1 }).map((n) => n / 2 ** 24)],
            (theta, g, b2, lambda) => {
              const state = { m: 0, v: 0 };
              const coupledConfig = adam('pytorch', F(0.9), b2, '0', { lr: '0.001', weightDecay: exactText(lambda) });
              const coupled = exactParam({ config: coupledConfig, param: theta, grad: g, state, t: 1 });
              const decoupled = exactParam({
                config: adamw(F(0.9), b2, '0', lambda),
                param: theta,
                grad: g,
                state,
                t: 1,
              });
              return agree([coupled], [decoupled]);
            },
          ),
          runs: 100,
          reason: ([theta, g, b2, lambda]) =>
            `first step from zero state, ε = 0, α = 0.001: θ' differs by ${firstStepDifference(theta, g, b2, lambda).toSignificantDigits(6).toString()}, ` +
            'which is α λ θ − α sign(g + λ θ) + α sign(g)',
        },
        o,
      ),
  },
  {
    id: 'equivalence/decoupled-coupled-adam-difference',
    statement:
      "by how much: Adam's first step from zero state with ε = 0 gives θ'_coupled − θ'_decoupled = α λ θ − α sign(g + λ θ) + α sign(g), exactly",
    source: 'derived here (|Δ_1| = α for any gradient, including g + λ θ)',
    on: 'oracle',
    expected: 'holds with bound',
    check: (o) =>
      checkProperty(
        {
          ...namedProperty(
            ['θ', 'g', 'β1', 'β2', 'λ'],
            [moderate, moderate, rate, rate, rate],
            (theta, g, b1, b2, lambda) => {
              const alpha = new D('0.001');
              const L = new D(exactText(lambda));
              const T = new D(exactText(theta));
              const coupledGrad = new D(exactText(g)).plus(L.times(T));
              const predicted = alpha
                .times(L)
                .times(T)
                .minus(alpha.times(coupledGrad.s))
                .plus(alpha.times(Math.sign(g)));
              return firstStepDifference(theta, g, b2, lambda, b1)
                .minus(predicted)
                .abs()
                .lte(T.abs().plus(1).times('1e-60'));
            },
          ),
          runs: 100,
          bound: 'α λ θ − α sign(g + λ θ) + α sign(g): up to 2α + α λ |θ| apart',
        },
        o,
      ),
  },
  {
    id: 'equivalence/decoupled-coupled-adam/float32',
    statement:
      'float32 production, one step of Adam (coupled λ) and AdamW (decoupled λ) from the same state: |P_A − P_B − (X_A − X_B)| ≤ e_A + e_B',
    source: 'Loshchilov & Hutter 2019',
    on: 'float32',
    expected: 'holds with bound',
    check: (o) =>
      float32Pair(
        [moderate, moderate, moderate, nonnegative(moderate), rate, rate, rate, fc.integer({ min: 1, max: 100 })],
        (theta, g, m, v, b1, b2, lambda, t) => [
          {
            config: adam('pytorch', b1, b2, '1e-8', { lr: '0.001', weightDecay: exactText(lambda) }),
            param: theta,
            grad: g,
            state: { m, v },
            t,
          },
          { config: adamw(b1, b2, '1e-8', lambda), param: theta, grad: g, state: { m, v }, t },
        ],
        ['θ', 'g', 'm', 'v', 'β1', 'β2', 'λ', 't'],
        o,
      ),
  },
];
