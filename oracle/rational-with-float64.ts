/**
 * The exact rational stage with binary64 alongside: each value is kept as an exact part q (a rational,
 * or a quadratic surd; ./rational.ts) plus a remainder known only by its binary64 enclosure r, and
 * with the binary64 enclosure w of the whole value (./float64.ts):
 *
 *   x ∈ q + r,   x ∈ w.
 *
 * While the operations stay rational the remainder is the exact point 0 and this is the rational
 * stage as it was. An operation that leaves the rationals (√ of a non-square added to something, a
 * power with a real exponent) re-bases the value on q = 0, r = w; later operations carry the
 * remainder in interval arithmetic: (q1 + r1) + (q2 + r2) = (q1 + q2) + (r1 + r2),
 * (q1 + r1)(q2 + r2) = q1 q2 + (q1 r2 + r1 w2), (q1 + r1) / q2 = q1 / q2 + r1 / q2, and
 * (q1 + r1) / (q2 + r2) = q1 / q2 + (r1 − (q1 / q2) r2) / (q2 + r2).
 *
 * An output rounds to the float32 that both q + lo(r) and q + hi(r) round to, computed exactly (the
 * ends of r are doubles, so rationals); rounding is monotone, so every value between them rounds
 * there too. That decides an output whose exact part is a float32 midpoint and whose remainder is
 * tiny but of known sign: RMSProp's buffer μ b + α g / (√v + ε) with μ b a midpoint (μ = 0.9 makes
 * one for about one b in ten) and α g / (√v + ε) far below it. A test (`isZero`, `isNegative`) is
 * answered by the exact part where the remainder is 0, else by q + r's ends exactly, else by w: each
 * is certain where it answers, since all hold the same exact value (LAMB's trust ratio tests ‖r‖ = 0,
 * and ‖r‖ holds √v).
 *
 * @module
 */
import type { Dec } from './binary32.js';
import type { Arithmetic, Enclosure } from './enclosure.js';
import type { F64 } from './float64.js';
import { expm1Enclosure, lnEnclosure } from './float64-exp.js';
import { narrowedWhole } from './rational-float64.js';
import { quotientByPair } from './rational-quotient.js';
import { compareRationals, NOT_RATIONAL, RATIONAL_UNDECIDED, type Rational } from './rational.js';
import {
  both,
  enclosed,
  exactEnds,
  exactly,
  F,
  isRational,
  isSurd,
  NO_REST,
  positiveRest,
  Q,
  restless,
  surdAsRest,
  value,
  wholeCut,
  ZERO,
  type RationalPair,
} from './rational-pair.js';

export { roundPairToFloat32, type RationalPair } from './rational-pair.js';

/** The sign of q ρ for an exact q (not a surd) and a remainder ρ of sign `restSign`, where both are known and nonzero. */
function timesSign(q: Rational, restSign: 1 | -1 | undefined): 1 | -1 | undefined {
  if (restSign === undefined || q.num === 0n || isSurd(q)) return undefined;
  return q.num < 0n ? (restSign === 1 ? -1 : 1) : restSign;
}

const ONE: Rational = Object.freeze({ num: 1n, den: 1n });

/**
 * a^y for exact rationals a > 0 and y whose power w lies within [½, 2], as 1 + ρ: ρ = a^y − 1 has the
 * sign of (a − 1) y, so it is nonzero unless a = 1 or y = 0, where a^y is exactly 1. ρ is enclosed by
 * w − 1, whose ends are exact (Sterbenz), and where |y ln a| ≤ ½ also by e^(y ln a) − 1, which knows
 * ρ to its own size where w knows it only to 2^−52 (Adafactor's β = 1 − t^−c with c = 8 · 10^−299 is
 * c ln t, not [0, 2^−53]); the remainder is the intersection of the two. PyTorch's Nadam makes such
 * powers too, 0.96^(ψ t) with ψ t = 5 · 10^−249 below 1 by 2 · 10^−250, and its μ product
 * P β1 (1 − ½ 0.96^(ψ t)) is then a midpoint P β1 / 2 plus a remainder known to be positive. MPFR rounds
 * exp(x) for a tiny x the same way, as 1 plus a remainder of x's sign (exp.c, through
 * mpfr_round_near_x). Undefined elsewhere.
 */
function nearOne(x: RationalPair, y: RationalPair, whole: F64 | undefined): RationalPair | undefined {
  if (!restless(x) || !restless(y) || isSurd(x.exact) || isSurd(y.exact)) return undefined;
  if (whole === undefined || !(whole.lo >= 0.5 && whole.hi <= 2)) return undefined;
  const side = compareRationals(x.exact, ONE) * (y.exact.num > 0n ? 1 : y.exact.num < 0n ? -1 : 0);
  if (side === 0) return value(ONE, NO_REST, whole);
  const z = both(y.whole, x.whole, (u, v) => F.mul(u, lnEnclosure(v)));
  const tight = z === undefined ? undefined : expm1Enclosure(F, z);
  const lo = whole.lo - 1;
  const hi = whole.hi - 1;
  const rest = tight === undefined ? { lo, hi } : { lo: Math.max(lo, tight.lo), hi: Math.min(hi, tight.hi) };
  return value(ONE, rest, whole, side > 0 ? 1 : -1);
}

/** The exact rational stage with binary64 alongside (see the module's description). */
export class RationalWithFloat64 implements Arithmetic {
  /** The shared instance. */
  static readonly instance = new RationalWithFloat64();

  private constructor() {}

  /** A value that is q + r with q the exact part the rational stage gives (NOT_RATIONAL where it has none). */
  pair(exact: () => Rational, whole: () => F64): RationalPair {
    const q = exactly(exact);
    return value(q, isRational(q) ? NO_REST : undefined, enclosed(whole));
  }

  point(text: Dec | string | number): RationalPair {
    return this.pair(
      () => Q.point(text),
      () => F.point(text),
    );
  }
  fromFloat32(x: number): RationalPair {
    return this.pair(
      () => Q.fromFloat32(x),
      () => F.fromFloat32(x),
    );
  }

  add(a: Enclosure, b: Enclosure): RationalPair {
    const x = a as RationalPair;
    const y = b as RationalPair;
    const whole = both(x.whole, y.whole, (u, v) => F.add(u, v));
    if (restless(x) && restless(y)) {
      const q = exactly(() => Q.add(x.exact, y.exact));
      if (isRational(q)) return value(q, NO_REST, whole);
    }
    // (q1 + q2) + (r1 + r2), with a surd moved into the remainder (a surd plus a rational is neither).
    const u = surdAsRest(x);
    const v = surdAsRest(y);
    return value(
      exactly(() => Q.add(u.exact, v.exact)),
      restless(u) ? v.rest : restless(v) ? u.rest : both(u.rest, v.rest, (p, r) => F.add(p, r)),
      whole,
      restless(u) ? v.restSign : restless(v) ? u.restSign : u.restSign === v.restSign ? u.restSign : undefined,
    );
  }

  sub(a: Enclosure, b: Enclosure): RationalPair {
    return this.add(a, this.neg(b));
  }

  neg(a: Enclosure): RationalPair {
    const x = a as RationalPair;
    const whole = x.whole === undefined ? undefined : F.neg(x.whole);
    // Where the exact part is NOT_RATIONAL the remainder is undefined, and value() re-bases on w.
    return value(
      Q.neg(x.exact),
      restless(x) ? NO_REST : x.rest && F.neg(x.rest),
      whole,
      x.restSign === undefined ? undefined : x.restSign === 1 ? -1 : 1,
    );
  }

  abs(a: Enclosure): RationalPair {
    const x = a as RationalPair;
    const whole = enclosed(() => x.whole && F.abs(x.whole));
    if (restless(x))
      return value(
        exactly(() => Q.abs(x.exact)),
        NO_REST,
        whole,
      );
    const sign = this.signOf(x);
    if (sign === undefined) return value(NOT_RATIONAL, undefined, whole);
    return wholeCut(sign < 0 ? this.neg(x) : x, whole);
  }

  mul(a: Enclosure, b: Enclosure): RationalPair {
    const x = a as RationalPair;
    const y = b as RationalPair;
    // Narrowed ends can meet as ∞ · 0 ([2^1024 − 2^970, ∞] times [−2^−1074, −0]), which binary64's own wholes avoid.
    const whole =
      both(narrowedWhole(x), narrowedWhole(y), (u, v) => F.mul(u, v)) ?? both(x.whole, y.whole, (u, v) => F.mul(u, v));
    const q = exactly(() => Q.mul(x.exact, y.exact));
    if (restless(x) && restless(y)) return value(q, NO_REST, whole);
    if (isSurd(x.exact) || isSurd(y.exact)) return value(NOT_RATIONAL, undefined, whole);
    // q1 r2 + r1 w2, with q1 enclosed by w1 where r1 is 0, else by w1 − r1; q1 r2 has r2's sign times q1's.
    const sign = restless(x)
      ? timesSign(x.exact, y.restSign)
      : restless(y)
        ? timesSign(y.exact, x.restSign)
        : undefined;
    const rest = restless(x)
      ? both(x.whole, y.rest, (u, v) => F.mul(u, v))
      : restless(y)
        ? both(x.rest, y.whole, (u, v) => F.mul(u, v))
        : both(
            both(
              both(x.whole, x.rest, (u, v) => F.sub(u, v)),
              y.rest,
              (u, v) => F.mul(u, v),
            ),
            both(x.rest, y.whole, (u, v) => F.mul(u, v)),
            (u, v) => F.add(u, v),
          );
    return value(q, rest, whole, sign);
  }

  square(a: Enclosure): RationalPair {
    const x = a as RationalPair;
    if (restless(x))
      return value(
        exactly(() => Q.square(x.exact)),
        NO_REST,
        enclosed(() => x.whole && F.square(x.whole)),
      );
    const product = this.mul(x, x);
    const w = narrowedWhole(x);
    return { ...product, whole: enclosed(() => w && F.square(w)) };
  }

  div(a: Enclosure, b: Enclosure): RationalPair {
    const x = a as RationalPair;
    const y = b as RationalPair;
    const whole = both(x.whole, y.whole, (u, v) => F.div(u, v));
    const q = exactly(() => Q.div(x.exact, y.exact));
    if (restless(x) && restless(y)) return value(q, NO_REST, whole);
    if (isSurd(x.exact) || isSurd(y.exact)) return value(NOT_RATIONAL, undefined, whole);
    if (!restless(y)) return quotientByPair(x, y, q, whole);
    // (q1 + r1) / q2 = q1 / q2 + r1 / q2, q2 enclosed by w2.
    return value(q, both(x.rest, y.whole, F.div.bind(F)), whole, timesSign(y.exact, x.restSign));
  }

  sqrt(a: Enclosure): RationalPair {
    const x = a as RationalPair;
    const w = narrowedWhole(x);
    const whole = enclosed(() => w && F.sqrt(w));
    return value(restless(x) ? exactly(() => Q.sqrt(x.exact)) : NOT_RATIONAL, NO_REST, whole);
  }

  max(a: Enclosure, b: Enclosure): RationalPair {
    const x = a as RationalPair;
    const y = b as RationalPair;
    const whole = both(x.whole, y.whole, (u, v) => F.max(u, v));
    if (restless(x) && restless(y))
      return value(
        exactly(() => Q.max(x.exact, y.exact)),
        NO_REST,
        whole,
      );
    // Where q + r's exact ends put one operand strictly below the other, the max is the other, exactly
    // (Adafactor's clipped update, max(u, −d), with u far below −d, keeps −d's exact part).
    const ex = exactEnds(x);
    const ey = exactEnds(y);
    if (ex !== undefined && ey !== undefined) {
      if (compareRationals(ex.hi, ey.lo) < 0) return wholeCut(y, whole);
      if (compareRationals(ey.hi, ex.lo) < 0) return wholeCut(x, whole);
    }
    return value(NOT_RATIONAL, undefined, whole);
  }

  powInt(a: Enclosure, n: number): RationalPair {
    const x = a as RationalPair;
    const whole = enclosed(() => x.whole && F.powInt(x.whole, n));
    const power = value(restless(x) ? exactly(() => Q.powInt(x.exact, n)) : NOT_RATIONAL, NO_REST, whole);
    return this.signOf(x) === 1 ? positiveRest(power) : power;
  }

  powReal(a: Enclosure, b: Enclosure): RationalPair {
    const x = a as RationalPair;
    const y = b as RationalPair;
    const whole = both(x.whole, y.whole, (u, v) => F.powReal(u, v));
    if (this.signOf(x) !== 1) return value(NOT_RATIONAL, undefined, whole);
    return nearOne(x, y, whole) ?? positiveRest(value(NOT_RATIONAL, undefined, whole));
  }

  /**
   * −1, 0 or 1 as x < 0, x = 0, x > 0 where the exact part and remainder tell; undefined otherwise.
   * Without a remainder the exact part is a rational or a surd (value() re-bases everything else),
   * and either has its numerator's sign.
   */
  private signOf(x: RationalPair): number | undefined {
    if (restless(x)) return x.exact.num < 0n ? -1 : x.exact.num > 0n ? 1 : 0;
    // A remainder of known sign on an exact part (a rational or a surd, of its numerator's sign) of that sign or 0.
    if (x.restSign !== undefined && isRational(x.exact) && (x.exact.num === 0n || x.exact.num < 0n === x.restSign < 0))
      return x.restSign;
    const ends = exactEnds(x);
    if (ends === undefined) return undefined;
    if (compareRationals(ends.lo, ZERO) > 0) return 1;
    if (compareRationals(ends.hi, ZERO) < 0) return -1;
    return undefined;
  }

  /** Whether x = 0: by the exact part and remainder where they tell, else by the whole enclosure. */
  isZero(a: Enclosure): boolean {
    const x = a as RationalPair;
    const sign = this.signOf(x);
    if (sign !== undefined) return sign === 0;
    if (x.whole === undefined) throw RATIONAL_UNDECIDED;
    return F.isZero(x.whole);
  }

  /**
   * Whether x < 0 (−0 counts): by the exact part and remainder where they tell a nonzero sign, else by
   * the whole enclosure (whose exact point keeps IEEE's sign of a zero).
   */
  isNegative(a: Enclosure): boolean {
    const x = a as RationalPair;
    const sign = this.signOf(x);
    if (sign !== undefined && sign !== 0) return sign < 0;
    if (x.whole === undefined) throw RATIONAL_UNDECIDED;
    return F.isNegative(x.whole);
  }
}
