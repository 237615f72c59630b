/**
 * A decoupled weight decay needs its λ: a configuration built by hand with a decoupled-decay flag on a
 * preset that has no `weightDecay` (the paper's) decays nothing, as λ = 0 would, instead of failing on
 * a missing hyperparameter (oracle/rules/adam.ts tests `lambda !== undefined` before each decay).
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { moderate, moment, oneStep, rate, small } from './one-step.js';

const decays = ['decoupled', 'decoupled-before', 'decoupled-unscaled'] as const;

test.prop([
  fc.constantFrom(...decays),
  fc.record({ lr: small, beta1: rate, beta2: rate, eps: small }),
  fc.record({
    param: moderate,
    grad: moderate,
    m: moderate,
    v: moment,
    t: fc.integer({ min: 1, max: 1000 }),
  }),
])(
  "Adam (paper) with a decoupled-decay flag and no λ takes the paper's step: the same θ′, m′ and v′",
  (weightDecay, hyper, { param, grad, m, v, t }) => {
    const input = { param, grad, state: { m, v }, t };
    const plain = oneStep('adam', 'paper', hyper, input);
    const flagged = oneStep('adam', 'paper', hyper, input, { weightDecay });
    expect(flagged).toEqual(plain);
  },
);
