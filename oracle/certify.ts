/**
 * Certified rounding to binary32 by Ziv's strategy: evaluate with interval arithmetic at a working
 * precision; when both ends of every result's interval round to the same binary32, that binary32 is
 * the correctly rounded value of the exact result; otherwise (an interval holds a rounding boundary,
 * or an operation could not be decided) evaluate again at twice the precision.
 *
 * @module
 */
import { nextFloat32, roundToFloat32 } from './binary32.js';
import { IntervalArithmetic, Undecided, type Interval } from './interval.js';

/**
 * Precisions tried, in significant decimal digits. Beyond about 150 digits a straddled boundary is
 * almost always an exact or near-exact case that no precision decides (Keras Nadam's 1 − ½ 0.96^t at
 * t = 10^6 needs 17,729 digits); 1280 digits costs a sixteenth of 5120 and leaves the rest to the
 * uncertified fallback.
 */
export const PRECISIONS: readonly number[] = [40, 80, 160, 320, 640, 1280];

/** Thrown when no precision in {@link PRECISIONS} certifies a result. */
export class CertificationError extends Error {
  constructor(readonly lastReason: string) {
    super(`could not certify the binary32 rounding at ${PRECISIONS.at(-1)} digits: ${lastReason}`);
    this.name = 'CertificationError';
  }
}

/**
 * The binary32 value that the interval certifies, or undefined when its ends round apart. Zeros of
 * either sign count as one value; the sign of a zero result is then that of the round-to-nearest
 * evaluation, which follows IEEE 754's rules for exact zero results.
 */
export function certifiedFloat32(i: Interval): number | undefined {
  const lo = roundToFloat32(i.lo);
  const hi = roundToFloat32(i.hi);
  if (Number.isNaN(lo) && Number.isNaN(hi)) return NaN;
  if (lo !== hi) return undefined;
  return lo === 0 ? (i.near.isNeg() ? -0 : 0) : lo;
}

/** The result of {@link certify}: the correctly rounded outputs and the precision that certified them. */
export interface Certified<K extends string> {
  readonly values: Record<K, number>;
  readonly precision: number;
  /**
   * Outputs whose exact value lies within 10^−1270 (relative) of a float32 rounding boundary, so
   * that no precision tried decides the rounding (Keras Nadam's β1 (1 − ½ 0.96^t) at t = 10^6 differs
   * from β1 by 10^−17729). Each holds the rounding of the nearest evaluation: a neighbour of the
   * boundary, within half an ulp plus 10^−1270 of the exact value, but not proven correctly rounded.
   */
  readonly uncertified: K[];
}

/** Both neighbours of one rounding boundary: the interval is decided but for that boundary. */
function nearlyDecided(i: Interval): boolean {
  const lo = roundToFloat32(i.lo);
  const hi = roundToFloat32(i.hi);
  return Number.isFinite(lo) && Number.isFinite(hi) && lo !== hi && (nextFloat32(lo, hi) === hi || (lo === 0 && hi === 0));
}

/**
 * Evaluates `compute` at increasing precisions until every named output is certified.
 * `compute` must be a pure function of its arithmetic: it is called again at each precision.
 */
export function certify<K extends string>(compute: (a: IntervalArithmetic) => Record<K, Interval>): Certified<K> {
  let reason = 'no precision tried';
  let last: Record<K, Interval> | undefined;
  for (const precision of PRECISIONS) {
    let outputs: Record<K, Interval>;
    try {
      outputs = compute(IntervalArithmetic.at(precision));
    } catch (e) {
      if (e instanceof Undecided) {
        reason = e.message;
        last = undefined;
        continue;
      }
      throw e;
    }
    last = outputs;
    const values = {} as Record<K, number>;
    let settled = true;
    for (const key of Object.keys(outputs) as K[]) {
      const v = certifiedFloat32(outputs[key]);
      if (v === undefined) {
        settled = false;
        reason = `output ${key} lies within [${outputs[key].lo.toSignificantDigits(12)}, ${outputs[key].hi.toSignificantDigits(12)}], across a rounding boundary`;
        break;
      }
      values[key] = v;
    }
    if (settled) return { values, precision, uncertified: [] };
  }
  if (last !== undefined) {
    const outputs = last;
    const keys = Object.keys(outputs) as K[];
    if (keys.every((k) => certifiedFloat32(outputs[k]) !== undefined || nearlyDecided(outputs[k]))) {
      const values = {} as Record<K, number>;
      const uncertified = keys.filter((k) => certifiedFloat32(outputs[k]) === undefined);
      for (const k of keys) values[k] = certifiedFloat32(outputs[k]) ?? roundToFloat32(outputs[k].near);
      return { values, precision: PRECISIONS.at(-1)!, uncertified };
    }
  }
  throw new CertificationError(reason);
}
