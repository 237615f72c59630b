/**
 * A rational's enclosure by doubles, for the rational stage (./rational-with-float64.ts): its whole
 * value w is computed in binary64 beside the exact part and remainder, and loses what they keep where
 * an operation cancels (Adafactor's β = 1 − t^−c with c = 8 · 10^−299 is c ln t, 10^−297, while w is
 * [−2^−50, 2^−50]), or underflows (3 · 10^−323 · 4.3 · 10^−6 is [−2^−1074, 2^−1074]). Where w is what
 * √, a product or a square goes on from, it is first narrowed to the doubles around q + r's exact
 * ends: √ of a positive value then has a whole, and a product by an exact zero a signed one. A
 * quotient keeps binary64's wholes: on the properties' cases the narrowing decides nothing more there.
 *
 * @module
 */
import { powerOfTwo } from './float64-exp.js';
import { MAX, nextDown, nextUp, point, TINY, type F64 } from './float64-rounding.js';
import { bits } from './integer-roots.js';
import type { Rational } from './rational.js';
import { exactEnds, type RationalPair } from './rational-pair.js';

/**
 * An enclosure of a rational r (not a surd, not NOT_RATIONAL) by doubles at most two ulps wide: with
 * |r| = n / d, k = bits(n) − bits(d) − 64 and q = ⌊|r| / 2^k⌋ ≥ 2^62, |r| lies in [q, q + 1) 2^k, and
 * v = Number(q), the double nearest q, is within ulp(v) / 2 ≥ 2^9 of it, so |r| / 2^k lies in
 * [nextDown(v), nextUp(v)]; the scaling by 2^k is exact for a normal result, and where it underflows
 * or overflows the ends are rounded outward. Past the double range: [0, 2^−1074] or [MAX_VALUE, ∞]
 * (and their negatives). r = 0 is the point +0.
 */
export function float64EnclosureOfRational(r: Rational): F64 {
  if (r.num === 0n) return point(0);
  const negative = r.num < 0n;
  const n = negative ? -r.num : r.num;
  const k = bits(n) - bits(r.den) - 64;
  const magnitude = k < -1200 ? { lo: 0, hi: TINY } : k > 1100 ? { lo: MAX, hi: Infinity } : scaled(n, r.den, k);
  return negative ? { lo: -magnitude.hi, hi: -magnitude.lo } : magnitude;
}

const MIN_NORMAL = 2 ** -1022;

/** [nextDown(v), nextUp(v)] · 2^k for v the double nearest ⌊n / (d 2^k)⌋, each end rounded outward. */
function scaled(n: bigint, d: bigint, k: number): F64 {
  const q = k < 0 ? (n << BigInt(-k)) / d : n / (d << BigInt(k));
  const v = Number(q);
  const half = Math.trunc(k / 2);
  const up = nextUp(v) * powerOfTwo(half) * powerOfTwo(k - half);
  const down = nextDown(v) * powerOfTwo(half) * powerOfTwo(k - half);
  // A product by a power of two is exact unless it leaves the normal range; then one step outward.
  const lo = down === Infinity ? MAX : down < MIN_NORMAL ? Math.max(0, nextDown(down)) : down;
  const hi = up < MIN_NORMAL ? nextUp(up) : up;
  return { lo, hi };
}

/**
 * x's whole enclosure w where it lies on one side of 0; else, where w holds 0 (an underflow, a
 * cancellation) or is undefined (binary64 could not go on), narrowed to the doubles around the exact
 * ends of q + r (q alone without a remainder), where they are finite rationals on one side of 0 (the
 * enclosure may then reach 0, [0, 2^−1074] for a positive value that underflows, but is not a point).
 * Ends that reach 0 leave w as it is, since its point ±0 is a zero with IEEE's sign, which the ends do
 * not know; without w they give their enclosure widened to hold ±2^−1074.
 */
export function narrowedWhole(x: RationalPair): F64 | undefined {
  if (x.whole !== undefined && (x.whole.lo > 0 || x.whole.hi < 0)) return x.whole;
  const ends = exactEnds(x);
  if (ends === undefined) return x.whole;
  const lo = float64EnclosureOfRational(ends.lo).lo;
  const hi = float64EnclosureOfRational(ends.hi).hi;
  if (ends.lo.num <= 0n && ends.hi.num >= 0n) return x.whole ?? { lo: Math.min(lo, -TINY), hi: Math.max(hi, TINY) };
  return x.whole === undefined ? { lo, hi } : { lo: Math.max(x.whole.lo, lo), hi: Math.min(x.whole.hi, hi) };
}
