/**
 * The monitors' float operations on values that carry an error bound: each value is the float the
 * framework computes and a bound e on its distance from the exact value of the same expression
 * (with every input and hyperparameter exact). For round to nearest in a format with unit roundoff u
 * and half-smallest-subnormal η (u = 2^−24, η = 2^−150 for float32; u = 2^−53, η = 2^−1075 for
 * float64), |fl(x) − x| ≤ u · |fl(x)| + η (Higham, Accuracy and Stability, 2nd ed., theorem 2.2 and
 * (2.5)), and a finite x that overflows has an infinite bound. The operations propagate
 *
 *   a ± b:  e_a + e_b + u |fl| + η       a · b:  |â| e_b + |b̂| e_a + e_a e_b + u |fl| + η
 *   a / b:  (|â| e_b + |b̂| e_a) / (|b̂| (|b̂| − e_b)) + u |fl| + η   (∞ when |b̂| ≤ e_b)
 *
 * and a comparison of â with b̂ can decide otherwise than the exact one only when the exact operands
 * lie within e_a + e_b of each other. Operations on ±∞ or NaN are exact in the extended reals, as
 * the oracle computes them. Each bound is computed in float64 and widened by 2^−40 relative, more
 * than the float64 rounding of its few operations. A conversion of a value that the format holds
 * already adds nothing.
 *
 * @module
 */
import type { MetricFormat } from '../../../core/catalogue/monitors/monitor-types.js';
import { exactOfDouble } from '../../../oracle/float64-decimal.js';
import type { FloatOps } from '../../production/monitors/float-ops.js';
import { floatOps } from '../../production/monitors/float-ops.js';

/** A computed float and a bound on its distance from the exact value. */
export interface Bounded {
  readonly v: number;
  readonly e: number;
}

const UNIT: Record<MetricFormat, number> = { float32: 2 ** -24, float64: 2 ** -53 };
const TINY: Record<MetricFormat, number> = { float32: 2 ** -150, float64: 2 ** -1075 };
const WIDEN = 1 + 2 ** -40;

/** The bound after one rounding to `format` of a result whose operands' error is `carried`. */
function rounded(v: number, carried: number, format: MetricFormat, operands: readonly Bounded[]): Bounded {
  if (operands.some((x) => !Number.isFinite(x.v))) return { v, e: 0 };
  if (!Number.isFinite(v)) return { v, e: Infinity };
  return { v, e: (carried + UNIT[format] * Math.abs(v) + TINY[format]) * WIDEN };
}

/** The bound on |Number(text) − text|: 0 when the double is the decimal, else u₆₄ |x| + η₆₄. */
function parseError(text: string): number {
  const x = Number(text);
  return exactOfDouble(x).eq(text) ? 0 : UNIT.float64 * Math.abs(x) + TINY.float64;
}

/** The operations with their error bounds. */
export const boundedOps: FloatOps<Bounded> = {
  exact: (x) => ({ v: x, e: 0 }),
  parse: (text) => ({ v: floatOps.parse(text), e: parseError(text) }),
  round: (x, f) => (f === 'float64' || Math.fround(x.v) === x.v ? x : rounded(Math.fround(x.v), x.e, f, [x])),
  add: (a, b, f) => rounded(floatOps.add(a.v, b.v, f), a.e + b.e, f, [a, b]),
  sub: (a, b, f) => rounded(floatOps.sub(a.v, b.v, f), a.e + b.e, f, [a, b]),
  mul: (a, b, f) =>
    rounded(floatOps.mul(a.v, b.v, f), Math.abs(a.v) * b.e + Math.abs(b.v) * a.e + a.e * b.e, f, [a, b]),
  div: (a, b, f) => {
    const q = floatOps.div(a.v, b.v, f);
    const denominator = Math.abs(b.v) * (Math.abs(b.v) - b.e);
    const carried = Math.abs(b.v) > b.e ? (Math.abs(a.v) * b.e + Math.abs(b.v) * a.e) / denominator : Infinity;
    return rounded(q, carried, f, [a, b]);
  },
  neg: (a) => ({ v: -a.v, e: a.e }),
  abs: (a) => ({ v: Math.abs(a.v), e: a.e }),
  valueOf: (a) => a.v,
};
