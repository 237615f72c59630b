/**
 * Certified rounding of a learning rate to float32 and to float64 at once, by the ladder of
 * oracle/certify.ts (Ziv's strategy): the enclosure is evaluated at 40 digits, then at twice as many,
 * until both ends round to the same float32 and the same float64. Rational values are exact points
 * (./rational.ts), and every other value a schedule takes is irrational (a cosine at a rational
 * multiple of π off Niven's points, or γ^(t/s) off the rationals), so the ladder stops: an
 * enclosure narrower than the distance to the nearest boundary decides it.
 *
 * @module
 */
import type { Dec } from '../binary32.js';
import {
  certifiedBy,
  certifiedFloat32,
  CertificationError,
  NEARLY_DECIDED_PRECISIONS,
  PRECISIONS,
} from '../certify.js';
import { roundToFloat32 } from '../binary32.js';
import { roundToDouble } from '../augmentations/geometric-offsets.js';
import { IntervalArithmetic, Undecided, type Interval } from '../interval.js';
import { required } from '../../core/required.js';

/** A learning rate: its certified float32 and float64, and the enclosure that certified them. */
export interface CertifiedRate {
  /** The float32 nearest the exact value (ties to even). */
  readonly float32: number;
  /** The float64 nearest the exact value (ties to even). */
  readonly float64: number;
  /** The enclosure of the exact value at the precision that decided both roundings. */
  readonly enclosure: Interval;
  readonly precision: number;
  /** The formats whose rounding no precision decided (the nearest evaluation's rounding is returned). */
  readonly uncertified: readonly ('float32' | 'float64')[];
}

/** The float64 nearest a decimal: ±∞ past the range, NaN for NaN. */
export function nearestDouble(d: Dec): number {
  if (d.isNaN()) return NaN;
  if (!d.isFinite() || !Number.isFinite(Number(d.toString()))) return d.isNegative() ? -Infinity : Infinity;
  if (d.isZero()) return d.isNegative() ? -0 : 0;
  return roundToDouble(d);
}

/** The float64 the interval certifies ({@link certifiedBy} with {@link nearestDouble}). */
export const certifiedFloat64: (i: Interval) => number | undefined = certifiedBy(nearestDouble);

/**
 * Evaluates `compute` up the precision ladder until its value's float32 and float64 roundings are
 * both decided; what the last precision leaves undecided comes back with the nearest evaluation's
 * rounding and is listed in `uncertified`. `compute` must be a pure function of its arithmetic.
 */
export function certifyRate(compute: (a: IntervalArithmetic) => Interval): CertifiedRate {
  let reason: string | undefined;
  let last: { enclosure: Interval; precision: number } | undefined;
  for (const precision of [...PRECISIONS, ...NEARLY_DECIDED_PRECISIONS]) {
    let enclosure: Interval;
    try {
      enclosure = compute(IntervalArithmetic.at(precision));
    } catch (e) {
      if (!(e instanceof Undecided)) throw e;
      reason = e.message;
      continue;
    }
    last = { enclosure, precision };
    const float32 = certifiedFloat32(enclosure);
    const float64 = certifiedFloat64(enclosure);
    if (float32 !== undefined && float64 !== undefined)
      return { float32, float64, enclosure, precision, uncertified: [] };
  }
  // Every precision threw Undecided, so there is a reason.
  if (last === undefined) throw new CertificationError(required(reason, 'the reason an operation stayed undecided'));
  const { enclosure, precision } = last;
  const float32 = certifiedFloat32(enclosure);
  const float64 = certifiedFloat64(enclosure);
  return {
    float32: float32 ?? roundToFloat32(enclosure.near),
    float64: float64 ?? nearestDouble(enclosure.near),
    enclosure,
    precision,
    uncertified: [
      ...(float32 === undefined ? ['float32' as const] : []),
      ...(float64 === undefined ? ['float64' as const] : []),
    ],
  };
}
