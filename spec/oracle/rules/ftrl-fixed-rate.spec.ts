/**
 * FTRL-Proximal with Keras's learning_rate_power p = 0 (keras/src/optimizers/ftrl.py): q(n) = n^0 = 1,
 * so σ = (q(n′) − q(n))/α = 0, z′ = z + g′ with g′ = g + 2 λs θ, and
 * θ′ = (clip(z′, −λ1, λ1) − z′) / (1/α + k λ2 + β/α), k = 2 (Keras's code) or 1 (the paper's reading),
 * evaluated here in plain 120-digit decimals and rounded once; n′ = n + g² as under p = −0.5.
 */
import { fc, test } from '@fast-check/vitest';
import { describe } from 'vitest';
import { D, exact, expectRounded, moderate, moment, oneStep, small } from './one-step.js';

describe('FTRL with a fixed rate (p = 0)', () => {
  test.prop([
    fc.constantFrom('paper', 'keras'),
    fc.record({ theta: moderate, g: moderate, n: moment, z: moderate }),
    fc.record({ lr: small, l1: fc.constantFrom('0', '0.5', '1e-3'), l2: small, beta: fc.constantFrom('0', '1') }),
    fc.constantFrom('0', '0.25'),
  ])(
    'the paper (k = 1) and Keras (k = 2, with λs ∈ {0, 1/4}): σ = 0, z′ = z + g′, θ′ = (clip(z′, −λ1, λ1) − z′)/(1/α + kλ2 + β/α)',
    (preset, c, h, shrinkage) => {
      const keras = preset === 'keras';
      const hyper = { ...h, ...(keras ? { l2Shrinkage: shrinkage } : {}) };
      const input = { param: c.theta, grad: c.g, t: 1, state: { accumulator: c.n, linear: c.z } };
      const out = oneStep('ftrl', preset, hyper, input, { learningRatePower: '0' });
      const [theta, alpha, l1] = [exact(c.theta), new D(h.lr), new D(h.l1)];
      const g = keras ? exact(c.g).plus(new D(shrinkage).times(2).times(theta)) : exact(c.g);
      const z = exact(c.z).plus(g);
      const clipped = D.min(D.max(z, l1.neg()), l1);
      const denominator = new D(1)
        .div(alpha)
        .plus(new D(keras ? 2 : 1).times(h.l2))
        .plus(new D(h.beta).div(alpha));
      expectRounded(out.param, clipped.minus(z).div(denominator), 'θ′');
      expectRounded(out.state['accumulator']!, exact(c.n).plus(exact(c.g).pow(2)), 'n′');
      expectRounded(out.state['linear']!, z, 'z′');
    },
  );
});
