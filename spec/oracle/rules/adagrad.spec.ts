/**
 * Adagrad in each framework's form, one step against Duchi et al.'s update as each framework states it
 * (core/catalogue/rules/adagrad.ts names the sources), evaluated here in plain 120-digit decimals and
 * rounded once: G′ = G + g′², α_t = α / (1 + (t − 1) η), θ − α_t g′ / √(G′ + ε) with ε inside (the
 * paper, Keras, tfjs) or θ − α_t g′ / (√G′ + ε) with ε outside (PyTorch, where g′ = g + λθ).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { D, exact, expectRounded, moderate, moment, oneStep, small } from './one-step.js';

const cases = fc.record({
  theta: moderate,
  g: moderate,
  accumulator: moment,
  t: fc.integer({ min: 1, max: 1000 }),
  lr: small,
  eps: small,
});

describe('one step of each form against its formula in plain decimals', () => {
  test.prop([fc.constantFrom('paper', 'keras', 'tfjs'), cases])(
    'the paper, Keras and tfjs: ε inside the root, θ − α g / √(G + g² + ε), and G′ = G + g²',
    (preset, c) => {
      const out = oneStep(
        'adagrad',
        preset,
        { lr: c.lr, eps: c.eps },
        {
          param: c.theta,
          grad: c.g,
          t: c.t,
          state: { accumulator: c.accumulator },
        },
      );
      const G = exact(c.accumulator).plus(exact(c.g).pow(2));
      expectRounded(out.param, exact(c.theta).minus(new D(c.lr).times(exact(c.g)).div(G.plus(c.eps).sqrt())), 'θ′');
      expectRounded(out.state['accumulator']!, G, 'G′');
    },
  );

  test.prop([cases, fc.constantFrom('0', '0.5', '3'), fc.constantFrom('0', '0.25')])(
    'PyTorch with lr_decay η ∈ {0, 1/2, 3} and λ ∈ {0, 1/4}: g′ = g + λθ, θ − α / (1 + (t − 1) η) · g′ / (√(G + g′²) + ε)',
    (c, eta, lambda) => {
      const out = oneStep(
        'adagrad',
        'pytorch',
        { lr: c.lr, eps: c.eps, lrDecay: eta, weightDecay: lambda },
        {
          param: c.theta,
          grad: c.g,
          t: c.t,
          state: { accumulator: c.accumulator },
        },
      );
      const theta = exact(c.theta);
      const g = exact(c.g).plus(new D(lambda).times(theta));
      const G = exact(c.accumulator).plus(g.pow(2));
      const stepSize = new D(c.lr).div(new D(1).plus(new D(c.t - 1).times(eta)));
      expectRounded(out.param, theta.minus(stepSize.times(g).div(G.sqrt().plus(c.eps))), 'θ′');
      expectRounded(out.state['accumulator']!, G, 'G′');
    },
  );

  test.prop([moderate])('PyTorch at t = 1 ignores lr_decay: from G = 0 with ε = 0 the step is α sign(g)', (g) => {
    const out = oneStep(
      'adagrad',
      'pytorch',
      { lr: '0.5', eps: '0', lrDecay: '7' },
      {
        param: 4,
        grad: g,
        t: 1,
        state: { accumulator: 0 },
      },
    );
    expect(out.param).toBe(4 - 0.5 * Math.sign(g));
  });
});
