/**
 * oracle/regularizers/penalties.ts against the penalties' closed forms written again here in
 * decimal.js at 1,000 digits, each rounded once to float32 (exact but for smooth L1's square roots,
 * taken at 130 digits, and the proximal steps' quotients; a rounding could go wrong only within
 * 10^−129 relative of a float32 midpoint): the penalty, gradient and proximal step of
 * every penalty under every preset, bit for bit with the sign of every zero, nothing left uncertified;
 * the exact penalty and proximal step (not rounded) enclose the closed form; and the errors.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { exactText, roundToFloat32 } from '../../../oracle/binary32.js';
import {
  elasticNetExact,
  exactPenaltyValue,
  exactProx,
  l1Exact,
  l2Exact,
  penaltyOracle,
  smoothL1Exact,
  type ExactPenalty,
} from '../../../oracle/regularizers/penalties.js';
import { configure, type Configuration } from '../../../core/catalogue/index.js';
import { elasticNet, l1, l2, smoothL1 } from '../../../core/catalogue/regularizers/penalties.js';
import { APPROXIMATE, bits, D, exactD, holds, presetCases, root } from '../closed-forms.js';

/** The closed forms of one weight: its term, gradient and proximal step. */
interface Closed {
  term(w: D): D;
  gradient(w: D): D;
  prox?(w: D): D;
}

/** sign(w): −1, 0 or 1, with 0 (not −0) at w = ±0. */
const sign = (w: D): D => new D(w.isZero() ? 0 : w.isNeg() ? -1 : 1);
/** S_τ(w) = sign(w) max(|w| − τ, 0). */
const soft = (w: D, tau: D): D => sign(w).times(D.max(w.abs().minus(tau), 0));

/** The closed forms under a configuration's hyperparameters, written from the penalties' definitions. */
function closedForm(name: string, config: Configuration): Closed {
  const h = config.hyper as Record<string, string>;
  const k = new D(config.flags['convention'] === 'full' ? 2 : 1);
  const lr = new D(h['lr'] ?? '0');
  switch (name) {
    case 'l1': {
      const lambda = new D(h['lambda']!);
      return {
        term: (w) => lambda.times(w.abs()),
        gradient: (w) => lambda.times(sign(w)),
        prox: (w) => soft(w, lr.times(lambda)),
      };
    }
    case 'l2': {
      const kl = k.times(h['lambda']!);
      return {
        term: (w) => kl.div(2).times(w.times(w)),
        gradient: (w) => kl.times(w),
        prox: (w) => w.div(lr.times(kl).plus(1)),
      };
    }
    case 'elastic-net': {
      const [l1v, kl2] = [new D(h['lambda1']!), k.times(h['lambda2']!)];
      return {
        term: (w) => l1v.times(w.abs()).plus(kl2.div(2).times(w.times(w))),
        gradient: (w) => l1v.times(sign(w)).plus(kl2.times(w)),
        prox: (w) => soft(w, lr.times(l1v)).div(lr.times(kl2).plus(1)),
      };
    }
    default: {
      const [lambda, eps] = [new D(h['lambda']!), new D(h['eps']!)];
      // √ at 130 digits (at 1,000 it costs seconds a case): within 10^−129 relative.
      const norm = (w: D) => root(w.times(w).plus(eps));
      return {
        term: (w) => lambda.times(norm(w)),
        gradient: (w) => lambda.times(w.div(norm(w))),
      };
    }
  }
}

const CASES = presetCases<ExactPenalty>([
  [l1Exact as ExactPenalty, l1],
  [l2Exact as ExactPenalty, l2],
  [elasticNetExact as ExactPenalty, elasticNet],
  [smoothL1Exact as ExactPenalty, smoothL1],
]);

/** A strength or step as written: a short decimal or a dyadic of 24 bits, 0 included. */
const strength = fc.oneof(
  fc.constantFrom('0', '0.01', '0.5', '1', '3', '1e-4'),
  fc.integer({ min: 0, max: 2 ** 24 - 1 }).map((n) => exactText(n / 2 ** 24)),
);
const float32 = fc.oneof(
  fc.float({ noNaN: true, noDefaultInfinity: true }),
  fc.float({ min: -4, max: 4, noNaN: true }),
  fc.constantFrom(0, -0, 2 ** -149, -(2 ** -149), Math.fround(0.01), Math.fround(-0.01)),
);

/** Hyperparameters for `config`'s entry: each of its names drawn, eps as 10^−k. */
function hyperFor(config: Configuration): fc.Arbitrary<Record<string, string>> {
  const names = Object.keys(config.hyper);
  return fc.record(
    Object.fromEntries(
      names.map((n) => [n, n === 'eps' ? fc.integer({ min: 1, max: 30 }).map((k) => `1e-${k}`) : strength]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
}

describe.each(CASES)('%s', (_, exact, base) => {
  const cases = hyperFor(base).chain((hyper) =>
    fc.tuple(fc.constant(hyper), fc.array(float32, { minLength: 0, maxLength: 12 })),
  );
  test.prop([cases])(
    'penalty, gradient and proximal step are the closed forms rounded once, with the sign of every zero',
    ([hyper, ws]) => {
      const config = configure(base.entry as never, base.preset, hyper);
      const closed = closedForm(exact.name, config);
      const w = Float32Array.from(ws);
      const exactW = Array.from(w, exactD);
      const out = penaltyOracle(exact, config, w);
      const total = exactW.reduce((s, x) => s.plus(closed.term(x)), new D(0));
      expect(bits(out.penalty)).toEqual(bits([roundToFloat32(total)]));
      expect(bits(out.gradient)).toEqual(bits(exactW.map((x) => roundToFloat32(closed.gradient(x)))));
      if (closed.prox) expect(bits(out.prox!)).toEqual(bits(exactW.map((x) => roundToFloat32(closed.prox!(x)))));
      else expect(out.prox).toBeUndefined();
      expect(out.uncertified).toEqual([]);
    },
  );

  test.prop([hyperFor(base), fc.array(float32, { maxLength: 6 })])(
    'the exact penalty and proximal step enclose the closed forms',
    (hyper, ws) => {
      const config = configure(base.entry as never, base.preset, hyper);
      const closed = closedForm(exact.name, config);
      const exactW = ws.map(exactD);
      const value = exactPenaltyValue(exact, config, ws, 100);
      const total = exactW.reduce((s, x) => s.plus(closed.term(x)), new D(0));
      expect(holds(value, total, APPROXIMATE), `${value.lo} ≤ ${total} ≤ ${value.hi}`).toBe(true);
      // The enclosure at 100 digits holds the closed form (exact, or within 10^−999) and is that narrow.
      expect(value.hi.minus(value.lo).lte(total.abs().times('1e-95'))).toBe(true);
      for (const x of ws) {
        if (!closed.prox) {
          expect(() => exactProx(exact, config, x)).toThrow(
            new RangeError(`${exact.name} has no closed-form proximal step`),
          );
          continue;
        }
        const p = exactProx(exact, config, exactText(x), 100);
        const expected = closed.prox(exactD(x));
        expect(holds(p, expected, APPROXIMATE)).toBe(true);
        expect(p.hi.minus(p.lo).lte(expected.abs().times('1e-95'))).toBe(true);
      }
    },
  );
});

describe('the penalties refuse what is not theirs', () => {
  it('a configuration of another penalty', () => {
    expect(() => penaltyOracle(l1Exact as ExactPenalty, configure(l2, 'keras'), Float32Array.of(1))).toThrow(/l1/);
  });

  it('an empty vector has penalty 0 and no gradient', () => {
    const out = penaltyOracle(l2Exact as ExactPenalty, configure(l2, 'keras'), new Float32Array(0));
    expect(bits(out.penalty)).toEqual(['0']);
    expect(out.gradient).toEqual(new Float32Array(0));
    expect(out.prox).toEqual(new Float32Array(0));
  });

  it('the exact values default to 60 digits', () => {
    const third = exactProx(l2Exact as ExactPenalty, configure(l2, 'keras', { lambda: '1', lr: '1' }), 1);
    expect(third.near.toSignificantDigits(60).eq(new D(1).div(3).toSignificantDigits(60))).toBe(true);
    expect(third.hi.minus(third.lo).lte('1e-59')).toBe(true);
    const sum = exactPenaltyValue(smoothL1Exact as ExactPenalty, configure(smoothL1, 'paper', { eps: '1' }), [1]);
    expect(sum.hi.minus(sum.lo).lte('1e-59')).toBe(true);
  });
});
