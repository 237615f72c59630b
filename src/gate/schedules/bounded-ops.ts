/**
 * The schedules' float operations on values that carry an error bound (running error analysis,
 * Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed., §2.2 and §3.3), so that running
 * the production code (src/production/schedules/) on them derives the bound of each value it
 * returns from that code itself. A value is the float the framework computes, v, and a bound e on
 * |v − x|, x the exact value of the same expression with every decimal argument exact.
 *
 * Model, for round to nearest in a format with unit roundoff u and half-smallest-subnormal η
 * (u = 2^−24, η = 2^−150 for float32; 2^−53 and 2^−1074, the smallest double above 2^−1075, for float64): |fl(z) − z| ≤ u |fl(z)| + η, and
 *   a ± b:  e_a + e_b        a · b:  |a| e_b + |b| e_a + e_a e_b        a / b:  (|a| e_b/|b| + e_a) / (|b| − e_b)
 * before the operation's own rounding (a decimal read into float64 rounds once, to nearest); an
 * operation on exact operands whose result is exactly
 * representable (checked on the decimals) is exact. cos and pow are taken to be within 2 ulps of the
 * exact function of their float arguments (checked in spec/schedules/cos-pi.spec.ts against the oracle), and
 *   cos a: |sin a| e_a + e_a²/2 (Taylor at a)        a^b: |a^b| expm1(|b| L + e_b (|ln a| + L)), L = e_a/(a − e_a)
 * is what their arguments' errors add; for a base within its error of 0 and an exponent b > e_b,
 * the exact power lies in [0, X^y] for X = a + e_a and the least (X ≤ 1) or largest exponent y,
 * every base being ≥ 0 in the schedules. A product
 * with an exact 0 is exact. ⌊a⌋ is exact when no integer lies within e_a of a, and
 * unbounded (outside the analysed domain) otherwise. min is exact on the operands, so its bound is
 * the larger of theirs. Comparisons are decided on v, as production decides them. Each bound is
 * computed in float64 and widened by 2^−40 relative and 2^−1070 absolute (what its own few
 * operations can lose, relatively and where they underflow).
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { IntervalArithmetic } from '../../../oracle/interval.js';
import { exactOfDouble } from '../../../oracle/float64-decimal.js';
import { piEnclosure } from '../../../oracle/schedules/index.js';
import { floatOps, type FloatFormat, type ScheduleOps } from '../../production/schedules/index.js';
import { ExactMemo } from '../bound/exact-memo.js';

/** A computed float and a bound on its distance from the exact value. */
export interface Bounded {
  readonly v: number;
  readonly e: number;
}

const UNIT: Record<FloatFormat, number> = { float32: 2 ** -24, float64: 2 ** -53 };
const TINY: Record<FloatFormat, number> = { float32: 2 ** -150, float64: 2 ** -1074 };
const WIDEN = 1 + 2 ** -40;
/** What the bound's own float64 operations can lose below 2^−1022, where their errors are absolute. */
const SLACK = 2 ** -1070;
/** Two ulps of a float64 r are at most 2^−51 |r| + 2^−1073. */
const libm = (r: number): number => 2 ** -51 * Math.abs(r) + 2 ** -1073;
const Exact = Decimal.clone({ precision: 4000 });
const exact = (x: number): Decimal => new Exact(exactOfDouble(x));

/** An upper bound, as a double, on the decimal |d|. */
const upper = (d: Decimal): number => d.abs().toNumber() * WIDEN;

function rounded(v: number, carried: number, f: FloatFormat): Bounded {
  if (!Number.isFinite(v) || !Number.isFinite(carried)) return { v, e: Infinity };
  return { v, e: (carried + UNIT[f] * Math.abs(v) + TINY[f]) * WIDEN + SLACK };
}

/** The result of an operation on exact operands: exact when the decimal result equals v. */
function exactOr(v: number, result: () => Decimal, f: FloatFormat): Bounded {
  return Number.isFinite(v) && result().eq(exact(v)) ? { v, e: 0 } : rounded(v, 0, f);
}

const PI_ERROR: Record<FloatFormat, number> = (() => {
  const pi = piEnclosure(IntervalArithmetic.at(40));
  const error = (v: number) => Math.max(upper(exact(v).minus(pi.lo)), upper(exact(v).minus(pi.hi)));
  return { float64: error(Math.PI), float32: error(Math.fround(Math.PI)) };
})();

/** Hyperparameters read before, by format and text: a schedule reads its few texts at every step. */
const parsed = new ExactMemo<Bounded>();

/** The operations with their error bounds. */
export const boundedOps: ScheduleOps<Bounded> = {
  parse: (text, f) =>
    parsed.get(`${f}:${text}`, () => {
      const x = Number(text);
      const read: Bounded = { v: x, e: exact(x).eq(text) ? 0 : (UNIT.float64 * Math.abs(x) + TINY.float64) * WIDEN };
      return boundedOps.round(read, f);
    }),
  integer(n, f) {
    const v = floatOps.integer(n, f);
    return { v, e: Math.abs(v - n) };
  },
  pi: (f) => ({ v: floatOps.pi(f), e: PI_ERROR[f] }),
  round: (x, f) => (Math.fround(x.v) === x.v || f === 'float64' ? x : rounded(Math.fround(x.v), x.e, f)),
  add: (a, b, f) => {
    const v = floatOps.add(a.v, b.v, f);
    return a.e + b.e === 0 ? exactOr(v, () => exact(a.v).plus(exact(b.v)), f) : rounded(v, a.e + b.e, f);
  },
  sub: (a, b, f) => {
    const v = floatOps.sub(a.v, b.v, f);
    return a.e + b.e === 0 ? exactOr(v, () => exact(a.v).minus(exact(b.v)), f) : rounded(v, a.e + b.e, f);
  },
  mul: (a, b, f) => {
    const v = floatOps.mul(a.v, b.v, f);
    if ((a.v === 0 && a.e === 0) || (b.v === 0 && b.e === 0)) return { v, e: 0 };
    if (a.e + b.e === 0) return exactOr(v, () => exact(a.v).times(exact(b.v)), f);
    return rounded(v, Math.abs(a.v) * b.e + Math.abs(b.v) * a.e + a.e * b.e, f);
  },
  div: (a, b, f) => {
    const v = floatOps.div(a.v, b.v, f);
    if (a.e + b.e === 0 && b.v !== 0 && Number.isFinite(v))
      return exact(v).times(exact(b.v)).eq(exact(a.v)) ? { v, e: 0 } : rounded(v, 0, f);
    const m = Math.abs(b.v);
    return rounded(v, m > b.e ? (Math.abs(a.v) * (b.e / m) + a.e) / (m - b.e) : Infinity, f);
  },
  pow(a, b, f) {
    const r = Math.pow(a.v, b.v);
    const v = floatOps.pow(a.v, b.v, f);
    if (b.e === 0 && b.v === 0) return { v: 1, e: 0 };
    if (b.e === 0 && b.v === 1) return a;
    if (a.e === 0 && (a.v === 1 || (a.v === 0 && b.v > 0 && b.e < b.v))) return { v, e: 0 };
    let carried: number;
    if (a.v > a.e) {
      const L = a.e / (a.v - a.e);
      const delta = Math.abs(b.v) * L + b.e * (Math.abs(Math.log(a.v)) + L);
      carried = (Math.abs(r) * (1 + 2 ** -51) + 2 ** -1073) * Math.expm1(delta) * WIDEN + libm(r);
    } else if (b.v > b.e && a.v >= 0) {
      // The base lies in [0, X], X = v + e: every power's base in the schedules is ≥ 0 exactly (γ by
      // its domain, (1 + cos)/2 by construction); x^y ≤ X^y, largest at the least y when X ≤ 1.
      const X = a.v + a.e;
      const top = Math.pow(X, X <= 1 ? b.v - b.e : b.v + b.e) * (1 + 2 ** -50);
      carried = Math.max(Math.abs(r), top) + libm(r);
    } else return { v, e: Infinity };
    return f === 'float64' ? { v, e: carried * WIDEN + SLACK } : rounded(v, carried, f);
  },
  cos(a, f) {
    const r = Math.cos(a.v);
    const v = floatOps.cos(a.v, f);
    if (a.e === 0 && a.v === 0) return { v: 1, e: 0 };
    const carried = (Math.abs(Math.sin(a.v)) + 2 ** -50) * a.e + (a.e * a.e) / 2 + libm(r);
    return f === 'float64' ? { v, e: carried * WIDEN + SLACK } : rounded(v, carried, f);
  },
  floor(a) {
    const v = Math.floor(a.v);
    if (a.e === 0) return { v, e: 0 };
    // a.v − ⌊a.v⌋ is exact; 1 − it is within 2^−53 of the distance to the next integer.
    const below = a.v - v;
    const reach = a.e * WIDEN;
    return below > reach && 1 - below - 2 ** -52 > reach ? { v, e: 0 } : { v, e: Infinity };
  },
  min: (a, b) => ({ v: Math.min(a.v, b.v), e: Math.max(a.e, b.e) }),
  lt: (a, b) => a.v < b.v,
  le: (a, b) => a.v <= b.v,
  valueOf: (a) => a.v,
};
