import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BigFloatIntervals, NAN, type BigInterval } from '../../oracle/big-float-intervals.js';
import * as d from '../../oracle/dyadic.js';
import type { Enclosure } from '../../oracle/enclosure.js';
import { Undecided } from '../../oracle/interval.js';
import { float32Value } from '../../src/gate/arbitraries/float32.js';

// Each operation of the big-float stage is the tightest enclosure at p bits: at p = 8, where most
// results of float32 operands are inexact, every result's ends are the exact result rounded down and
// up to 8 bits (a point exactly when the result is exact), and an interval operand's result is the
// hull of its corners rounded outward. The reference is decimal.js at 1,000 digits (exact for the
// sums, products and powers of two here, and for a quotient or root that is a dyadic), with the
// rounding to p bits written here: ⌊X / q⌋ q and ⌈X / q⌉ q for the quantum q = 2^(E − p + 1) of X's
// binade 2^E ≤ |X| < 2^(E+1).

const P = 8;
const B = BigFloatIntervals.at(P);
const X = Decimal.clone({ precision: 1000 });
const TWO = new X(2);
const exact = (x: d.Dyadic) => new X(d.toDecimal(x)!);

/** |v| > 0 rounded to P bits, toward 0 or away from it. */
function roundMagnitude(v: Decimal, away: boolean): Decimal {
  let e = Math.floor(Math.log2(v.toNumber()));
  while (TWO.pow(e).gt(v)) e--;
  while (TWO.pow(e + 1).lte(v)) e++;
  const q = TWO.pow(e - P + 1);
  const k = v.div(q);
  return (away ? k.ceil() : k.floor()).times(q);
}
/** v rounded down (up = false) or up to P bits. */
function rounded(v: Decimal, up: boolean): Decimal {
  if (v.isZero()) return v;
  return v.isNeg() ? roundMagnitude(v.abs(), !up).neg() : roundMagnitude(v, up);
}
/** The big-float result's ends as decimals, and whether it is a point. */
function ends(r: Enclosure): { lo: Decimal; hi: Decimal; point: boolean } {
  const v = r as BigInterval;
  return { lo: exact(v.lo), hi: exact(v.hi), point: v.lo === v.hi };
}
const text = (v: Decimal) => v.toSignificantDigits(12).toString();
/** The result is [lo, hi] exactly (−x, |x| and max round nothing). */
function expectExactly(r: Enclosure, lo: Decimal, hi: Decimal, name: string): void {
  const got = ends(r);
  expect(got.lo.eq(lo) && got.hi.eq(hi), `${name}: [${text(got.lo)}, ${text(got.hi)}]`).toBe(true);
  expect(got.point, `${name}: a point exactly for a point`).toBe(lo.eq(hi));
}
/** The result encloses [lo, hi] of exact values as tightly as P bits allow, and is a point only for one exact value. */
function expectTightest(r: Enclosure, lo: Decimal, hi: Decimal, name: string): void {
  const got = ends(r);
  expect([text(got.lo), text(got.hi)], name).toEqual([text(rounded(lo, false)), text(rounded(hi, true))]);
  expect(got.lo.eq(rounded(lo, false)) && got.hi.eq(rounded(hi, true)), name).toBe(true);
  if (got.point) expect(lo.eq(hi) && rounded(lo, false).eq(lo), `${name}: a point only when exact`).toBe(true);
}

const finite = float32Value().filter((x) => x !== 0);
/** A float32 operand as a point, or an interval of two float32 ends (rounded outward to P bits). */
const operand = fc.oneof(
  finite.map((x) => ({ value: B.fromFloat32(x), name: String(x) })),
  fc.tuple(finite, finite).map(([a, b]) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const value = B.ofDecimalInterval({ lo: new X(lo), hi: new X(hi), near: new X(lo) });
    return { value, name: `[${lo}, ${hi}]` };
  }),
);
const corners = (x: Enclosure, y: Enclosure, f: (u: Decimal, v: Decimal) => Decimal) => {
  const a = ends(x);
  const b = ends(y);
  const all = [f(a.lo, b.lo), f(a.lo, b.hi), f(a.hi, b.lo), f(a.hi, b.hi)];
  return [X.min(...all), X.max(...all)] as const;
};
const hasZero = (x: Enclosure) => ends(x).lo.lte(0) && ends(x).hi.gte(0);

describe('the big-float stage at 8 bits: each result is the tightest enclosure', () => {
  it('+, −, ·, /, max on points and intervals of float32 values', () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        const [x, y] = [a.value, b.value];
        const name = (op: string) => `${a.name} ${op} ${b.name}`;
        const sum = (u: Decimal, v: Decimal) => u.plus(v);
        expectTightest(B.add(x, y), ...corners(x, y, sum), name('+'));
        expectTightest(B.sub(x, y), ...corners(x, y, (u, v) => u.minus(v)), name('−'));
        expectTightest(B.mul(x, y), ...corners(x, y, (u, v) => u.times(v)), name('·'));
        expectExactly(B.max(x, y), ...corners(x, y, (u, v) => X.max(u, v)), name('max'));
        if (hasZero(y)) expect(() => B.div(x, y), name('/')).toThrow(Undecided);
        else expectTightest(B.div(x, y), ...corners(x, y, (u, v) => u.div(v)), name('/'));
      }),
    );
  });

  it('−x, |x|, x², √x on points and intervals of float32 values', () => {
    fc.assert(
      fc.property(operand, (a) => {
        const x = a.value;
        const { lo, hi, point } = ends(x);
        expectExactly(B.neg(x), hi.neg(), lo.neg(), `−${a.name}`);
        const low = hasZero(x) ? new X(0) : X.min(lo.abs(), hi.abs());
        const high = X.max(lo.abs(), hi.abs());
        expectExactly(B.abs(x), low, high, `|${a.name}|`);
        expectTightest(B.square(x), low.pow(2), high.pow(2), `${a.name}²`);
        if (hi.lt(0) || (point && lo.lt(0))) expect(B.sqrt(x), `√${a.name}`).toBe(NAN);
        else if (lo.lt(0)) expect(() => B.sqrt(x), `√${a.name}`).toThrow(Undecided);
        else expectTightest(B.sqrt(x), lo.sqrt(), hi.sqrt(), `√${a.name}`);
      }),
    );
  });
});
