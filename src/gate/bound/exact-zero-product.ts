/**
 * The product that the tensor arithmetics (./bounded-matrix.ts, ./bounded-region.ts) use: a factor
 * that is the float32 zero makes the product exact.
 *
 * @module
 */
import { boundedArith, isExactZero, type Bounded } from './bounded.js';

/**
 * x · y, where a factor is the float32 zero and the other is inside the domain: an exact zero, ≥ 0
 * (no η: x · 0 = ±0 in float32, no rounding); else {@link boundedArith}'s product.
 */
export function mulWithExactZeros(x: Bounded, y: Bounded): Bounded {
  const exact = (isExactZero(x) && y.out === undefined) || (isExactZero(y) && x.out === undefined);
  return exact ? { v: 0, e: 0, s: 0, nonneg: true } : boundedArith.mul(x, y);
}
