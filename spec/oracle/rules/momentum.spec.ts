/**
 * Momentum and Nesterov momentum in each framework's form, one step against the form's formula
 * evaluated here in plain 120-digit decimals and rounded once (core/catalogue/rules/momentum.ts names
 * the sources), and the forms against each other: with α a power of two and the buffers in the ratio
 * each form keeps (paper v = α a, Keras m = −α a, PyTorch b = a), every form moves θ to the same float32.
 */
import { fc, test } from '@fast-check/vitest';
import type { Decimal } from 'decimal.js';
import { describe, expect } from 'vitest';
import { D, exact, expectRounded, moderate, oneStep, rate, small } from './one-step.js';

type Form = 'paper' | 'pytorch' | 'keras' | 'tfjs';

interface Case {
  readonly theta: number;
  readonly g: number;
  readonly buffer: number;
  readonly t: number;
  readonly lr: string;
  readonly mu: string;
}

/** θ' and the buffer's next value by the form's formula (PyTorch's options: dampening d and decay λ). */
function reference(
  form: Form,
  nesterov: boolean,
  c: Case,
  options: { readonly d?: string; readonly lambda?: string } = {},
): { param: Decimal; buffer: Decimal } {
  const [theta, b, lr, mu] = [exact(c.theta), exact(c.buffer), new D(c.lr), new D(c.mu)];
  const g = exact(c.g);
  switch (form) {
    case 'paper': {
      const v = mu.times(b).plus(lr.times(g));
      return { param: nesterov ? theta.minus(mu.times(v)).minus(lr.times(g)) : theta.minus(v), buffer: v };
    }
    case 'pytorch': {
      const gd = g.plus(new D(options.lambda ?? 0).times(theta));
      if (mu.isZero()) return { param: theta.minus(lr.times(gd)), buffer: b };
      const next = c.t === 1 ? gd : mu.times(b).plus(new D(1).minus(options.d ?? 0).times(gd));
      return { param: theta.minus(lr.times(nesterov ? gd.plus(mu.times(next)) : next)), buffer: next };
    }
    case 'keras': {
      const m = mu.times(b).minus(lr.times(g));
      return { param: nesterov ? theta.plus(mu.times(m)).minus(lr.times(g)) : theta.plus(m), buffer: m };
    }
    case 'tfjs': {
      const a = mu.times(b).plus(g);
      return { param: theta.minus(lr.times(nesterov ? g.plus(mu.times(a)) : a)), buffer: a };
    }
  }
}

/** The oracle's input for a case, its buffer in the slot. */
const input = (c: Case, t = c.t) => ({ param: c.theta, grad: c.g, t, state: { buffer: c.buffer } });
const entryName = (nesterov: boolean) => (nesterov ? 'nesterov' : 'momentum');
const cases = fc.record({
  theta: moderate,
  g: moderate,
  buffer: moderate,
  t: fc.integer({ min: 2, max: 1000 }),
  lr: small,
  mu: rate,
});

describe('one step of each form against its formula in plain decimals', () => {
  test.prop([fc.constantFrom<Form>('paper', 'keras', 'tfjs'), fc.boolean(), cases])(
    'paper, Keras and tfjs, with and without Nesterov: paper v′ = μv + αg, θ − v′ or θ − μv′ − αg; Keras m′ = μm − αg, θ + m′ or θ + μm′ − αg; tfjs a′ = μa + g, θ − αa′ or θ − α(g + μa′)',
    (form, nesterov, c) => {
      const out = oneStep(entryName(nesterov), form, { lr: c.lr, momentum: c.mu }, input(c));
      const expected = reference(form, nesterov, c);
      expectRounded(out.param, expected.param, 'θ′');
      expectRounded(out.state['buffer']!, expected.buffer, 'buffer′');
    },
  );

  test.prop([fc.boolean(), cases, fc.constantFrom('0', '0.25'), small])(
    'PyTorch, with and without Nesterov, t ≥ 2: b′ = μb + (1 − d) g′ with g′ = g + λθ, θ − α b′ or θ − α (g′ + μ b′)',
    (nesterov, c, d, lambda) => {
      const hyper = { lr: c.lr, momentum: c.mu, weightDecay: lambda, ...(nesterov ? {} : { dampening: d }) };
      const out = oneStep(entryName(nesterov), 'pytorch', hyper, input(c));
      const expected = reference('pytorch', nesterov, c, { lambda, d: nesterov ? '0' : d });
      expectRounded(out.param, expected.param, 'θ′');
      expectRounded(out.state['buffer']!, expected.buffer, 'buffer′');
    },
  );

  test.prop([fc.boolean(), cases])(
    'PyTorch, with and without Nesterov, at t = 1: the buffer is g′ itself, whatever the slot holds and whatever the dampening',
    (nesterov, c) => {
      const hyper = { lr: c.lr, momentum: c.mu, ...(nesterov ? {} : { dampening: '0.5' }) };
      const out = oneStep(entryName(nesterov), 'pytorch', hyper, input(c, 1));
      const expected = reference('pytorch', nesterov, { ...c, t: 1 });
      expectRounded(out.param, expected.param, 'θ′');
      expect(out.state['buffer']).toBe(c.g);
    },
  );

  test.prop([cases, fc.constantFrom('0', '0.5')])(
    'PyTorch with μ = 0 keeps no buffer: θ − α g, the slot passed through and any dampening ignored',
    (c, d) => {
      const out = oneStep('momentum', 'pytorch', { lr: c.lr, momentum: '0', dampening: d }, input(c));
      expectRounded(out.param, exact(c.theta).minus(new D(c.lr).times(exact(c.g))), 'θ′');
      expect(out.state).toEqual({ buffer: c.buffer });
    },
  );
});

describe('the forms against each other', () => {
  const powerOfTwo = fc.integer({ min: -8, max: 0 }).map((k) => 2 ** k);

  test.prop([fc.boolean(), moderate, moderate, moderate, powerOfTwo, rate, fc.integer({ min: 2, max: 1000 })])(
    'with and without Nesterov, with α = 2^k and the buffers αa (paper), −αa (Keras), a (PyTorch, tfjs), every form gives the same θ′',
    (nesterov, theta, g, a, lr, mu, t) => {
      const buffers: Record<Form, number> = { paper: lr * a, keras: -lr * a, pytorch: a, tfjs: a };
      const hyper = (form: Form) => ({
        lr: String(lr),
        momentum: mu,
        ...(form === 'pytorch' ? { weightDecay: '0' } : {}),
      });
      const params = (Object.keys(buffers) as Form[]).map(
        (form) =>
          oneStep(entryName(nesterov), form, hyper(form), {
            param: theta,
            grad: g,
            t,
            state: { buffer: buffers[form] },
          }).param,
      );
      fc.pre(params.every(Number.isFinite));
      expect(new Set(params.map(String)).size).toBe(1);
    },
  );
});
