/**
 * The rational stage's quotient by a divisor that carries a remainder (./rational-with-float64.ts's
 * `div` for q2 + r2 with r2 not 0): (q1 + r1) / (q2 + r2) = q1 / q2 + (r1 − (q1 / q2) r2) / (q2 + r2).
 *
 * @module
 */
import type { F64 } from './float64.js';
import { float64EnclosureOfRational } from './rational-float64.js';
import { NOT_RATIONAL, type Rational } from './rational.js';
import { both, F, isRational, NO_REST, restless, value, type RationalPair } from './rational-pair.js';

/** −1, 0 or 1 for a remainder: 0 where it is the point 0, else its known sign (undefined when unknown). */
const restSignOf = (x: RationalPair): number | undefined => (restless(x) ? 0 : x.restSign);

/**
 * (q1 + r1) / (q2 + r2) for a divisor whose remainder is not 0 and whose whole is on one side of 0:
 * q = q1 / q2 plus ρ = (r1 − q r2) / (q2 + r2), enclosed from binary64 enclosures of q, r1, r2 and
 * the divisor's whole. ρ's sign is the numerator's times the divisor's, the numerator's known where
 * r1 and −q r2 are each 0 or of one sign; an enclosure that reaches across 0 is then cut to ρ's side.
 * RAdam's unrectified step θ − α m' / (1 − β1^t) at t = 473,274 is a float32 midpoint θ − α m' plus
 * a remainder of α m' β1^t's sign, which no precision of the decimal ladder separates from it.
 * NOT_RATIONAL where q is (q2 = 0 among them) or the divisor's whole reaches 0.
 */
export function quotientByPair(x: RationalPair, y: RationalPair, q: Rational, whole: F64 | undefined): RationalPair {
  const divisor = y.whole;
  if (!isRational(q) || divisor === undefined || !(divisor.lo > 0 || divisor.hi < 0))
    return value(NOT_RATIONAL, undefined, whole);
  const numerator = both(x.rest, y.rest, (r1, r2) => F.sub(r1, F.mul(float64EnclosureOfRational(q), r2)));
  const rest = both(numerator, divisor, (u, v) => F.div(u, v));
  const qSign = q.num > 0n ? 1 : q.num < 0n ? -1 : 0;
  const s1 = restSignOf(x);
  const s2 = y.restSign === undefined ? undefined : -y.restSign * qSign;
  // The numerator's sign: either term's where the other is 0, theirs where they agree.
  const top = s1 === 0 ? s2 : s2 === 0 || s1 === s2 ? s1 : undefined;
  if (top === 0) return value(q, NO_REST, whole);
  if (top === undefined || rest === undefined) return value(q, rest, whole);
  const positive = top === Math.sign(divisor.lo);
  return value(
    q,
    positive ? { lo: Math.max(rest.lo, 0), hi: rest.hi } : { lo: rest.lo, hi: Math.min(rest.hi, 0) },
    whole,
    positive ? 1 : -1,
  );
}
