/**
 * AdaDelta (Zeiler 2012, Algorithm 1) in each framework's form, one step against the algorithm
 * evaluated here in plain 120-digit decimals and rounded once: E[g²]′ = ρ E[g²] + (1 − ρ) g′²,
 * Δ = √(E[Δ²] + ε) / √(E[g²]* + ε) · g′, E[Δ²]′ = ρ E[Δ²] + (1 − ρ) Δ², θ − α Δ, where E[g²]* is the
 * new average (the paper, PyTorch, Keras) or the old one (tfjs 4.22), and g′ = g + λθ under PyTorch.
 */
import { fc, test } from '@fast-check/vitest';
import { describe } from 'vitest';
import { D, exact, expectRounded, moderate, moment, oneStep, rate, small } from './one-step.js';

const cases = fc.record({
  theta: moderate,
  g: moderate,
  gradSquared: moment,
  updateSquared: moment,
  t: fc.integer({ min: 1, max: 1000 }),
  lr: small,
  rho: rate,
  eps: small,
});

describe('one step of each form against Algorithm 1 in plain decimals', () => {
  test.prop([fc.constantFrom('paper', 'pytorch', 'keras', 'tfjs'), cases, fc.constantFrom('0', '0.125')])(
    'every preset: Δ = √(E[Δ²] + ε) / √(E[g²]* + ε) · g′, with E[g²]* the old average under tfjs only, λ ∈ {0, 1/8} under PyTorch',
    (preset, c, lambda) => {
      const hyper = { lr: c.lr, rho: c.rho, eps: c.eps, ...(preset === 'pytorch' ? { weightDecay: lambda } : {}) };
      const out = oneStep('adadelta', preset, hyper, {
        param: c.theta,
        grad: c.g,
        t: c.t,
        state: { gradSquared: c.gradSquared, updateSquared: c.updateSquared },
      });
      const [theta, rho, eps] = [exact(c.theta), new D(c.rho), new D(c.eps)];
      const g = preset === 'pytorch' ? exact(c.g).plus(theta.times(lambda)) : exact(c.g);
      const average = (previous: number, x: InstanceType<typeof D>) =>
        rho.times(exact(previous)).plus(new D(1).minus(rho).times(x));
      const gradSquared = average(c.gradSquared, g.pow(2));
      const denominator = preset === 'tfjs' ? exact(c.gradSquared) : gradSquared;
      const delta = exact(c.updateSquared).plus(eps).sqrt().div(denominator.plus(eps).sqrt()).times(g);
      expectRounded(out.param, theta.minus(new D(c.lr).times(delta)), 'θ′');
      expectRounded(out.state['gradSquared']!, gradSquared, 'E[g²]′');
      expectRounded(out.state['updateSquared']!, average(c.updateSquared, delta.pow(2)), 'E[Δ²]′');
    },
  );
});
