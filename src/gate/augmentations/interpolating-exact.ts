/**
 * Running error analysis for the positions the interpolating kernels compute, with exact operations
 * recognised: an operation on two exact values whose exact result is a float32 is exact in float32
 * and float64 alike (a scale of 1/2, i · 2, i + 1/2), so it carries no error; any other falls back to
 * {@link boundedArith}. And the window a position may take: where the error is 0 the value itself,
 * else v ± (e + the float64 slack of v).
 *
 * @module
 */
import type { Float32Arith } from '../../../core/arith.js';
import { compareRationals, RationalArithmetic, rationalOfDouble, type Rational } from '../../../oracle/rational.js';
import { boundedArith, type Bounded } from '../bound/bounded.js';

const Q = RationalArithmetic.instance;

type Operation = 'add' | 'sub' | 'mul' | 'div';

const float64: Record<Operation, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
};

const rational: Record<Operation, (a: Rational, b: Rational) => Rational> = {
  add: (a, b) => Q.add(a, b),
  sub: (a, b) => Q.sub(a, b),
  mul: (a, b) => Q.mul(a, b),
  div: (a, b) => Q.div(a, b),
};

/** The exact result of `op` on two exact values, when it is a float32; undefined otherwise. */
function exactResult(op: Operation, a: Bounded, b: Bounded): Bounded | undefined {
  if (a.e !== 0 || b.e !== 0 || a.out !== undefined || b.out !== undefined) return undefined;
  if (!Number.isFinite(a.v) || !Number.isFinite(b.v) || (op === 'div' && b.v === 0)) return undefined;
  const r = float64[op](a.v, b.v);
  if (!Number.isFinite(r) || Math.fround(r) !== r) return undefined;
  const exact = rational[op](rationalOfDouble(a.v), rationalOfDouble(b.v));
  if (exact.den === 0n || compareRationals(exact, rationalOfDouble(r)) !== 0) return undefined;
  return { v: r, e: 0, s: Math.abs(r), nonneg: r >= 0 };
}

/** {@link boundedArith} with exact operations kept exact (error 0). */
export const exactAwareArith: Float32Arith<Bounded> = {
  ...boundedArith,
  add: (a, b) => exactResult('add', a, b) ?? boundedArith.add(a, b),
  sub: (a, b) => exactResult('sub', a, b) ?? boundedArith.sub(a, b),
  mul: (a, b) => exactResult('mul', a, b) ?? boundedArith.mul(a, b),
  div: (a, b) => exactResult('div', a, b) ?? boundedArith.div(a, b),
};

/**
 * The interval a float computation of `b` may give: [v, v] when exact (error 0, v the exact value),
 * else v ± (e (1 + 2^−20) + 2^−40 (s + 1)), the last term covering the float64 evaluation of v itself
 * and of the trigonometric values it was built from.
 */
export function windowOf(b: Bounded): readonly [number, number] {
  if (b.out !== undefined || !Number.isFinite(b.e)) return [-Infinity, Infinity];
  if (b.e === 0) return [b.v, b.v];
  const w = b.e * (1 + 2 ** -20) + 2 ** -40 * (b.s + 1);
  return [b.v - w, b.v + w];
}

/** Every integer a floor of a value in [lo, hi] gives, clamped to [0, n − 1]. */
export function floorCandidates([lo, hi]: readonly [number, number], n: number): number[] {
  return integersBetween(Math.floor(lo), Math.floor(hi), n);
}

/** Every integer the rounding of a value in [lo, hi] gives, halves either way, clamped to [0, n − 1]. */
export function roundCandidates([lo, hi]: readonly [number, number], n: number): number[] {
  return integersBetween(Math.ceil(lo - 0.5), Math.floor(hi + 0.5), n);
}

/** The integers of [a, b], clamped to [0, n − 1] (duplicates dropped). */
function integersBetween(a: number, b: number, n: number): number[] {
  const clamp = (k: number) => Math.max(0, Math.min(k, n - 1));
  const out: number[] = [];
  for (let k = clamp(a); k <= clamp(b); k++) out.push(k);
  return out;
}

/** Every integer the rounding of a value in [lo, hi] gives, halves either way, unclamped (may be outside the image). */
export function roundCandidatesUnclamped([lo, hi]: readonly [number, number]): number[] {
  if (!(hi - lo < 2 ** 20)) throw new RangeError(`a source position known only within [${lo}, ${hi}]`);
  const out: number[] = [];
  for (let k = Math.ceil(lo - 0.5); k <= Math.floor(hi + 0.5); k++) out.push(k);
  return out;
}
