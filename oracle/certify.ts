/**
 * Certified rounding to binary32 by Ziv's strategy: evaluate with interval arithmetic at a working
 * precision; when both ends of every result's interval round to the same binary32, that binary32 is
 * the correctly rounded value of the exact result; otherwise (an interval holds a rounding boundary,
 * or an operation could not be decided) evaluate again at twice the precision, up to 1280 digits; past
 * that only while the one doubt left is a single boundary, up to 2560. What is still undecided then
 * comes back marked uncertified, with both candidates.
 *
 * @module
 */
import { required } from '../core/required.js';
import { nextFloat32, roundToFloat32, type Dec } from './binary32.js';
import { IntervalArithmetic, Undecided, type Interval } from './interval.js';

/**
 * Precisions tried, in significant decimal digits. Beyond about 150 digits a straddled boundary is
 * almost always an exact or near-exact case; {@link NEARLY_DECIDED_PRECISIONS} says what follows.
 */
export const PRECISIONS: readonly number[] = [40, 80, 160, 320, 640, 1280];

/**
 * Precisions tried after {@link PRECISIONS} only while every output is certified or nearly decided
 * (its interval holds one rounding boundary and nothing else): the exact value then lies within
 * about 10^−1270 of that boundary, which more digits may still separate (Adam with β1 = β2 = ½ at
 * t = 4300 needs about 1300). Each doubling costs three to four times the one before. Measured on the
 * costliest step the properties draw (Keras Nadam at t = 10^6: four powers β^t, one element straddling
 * 10^−17729 from a midpoint), the whole step takes 0.13–0.2 s with the ladder stopping at 1280 digits,
 * 0.45–0.5 s stopping at 2560 and 1.5 s at 5120; so the ladder stops at 2560 to keep the worst case
 * under a second. What lies closer still is returned uncertified.
 */
export const NEARLY_DECIDED_PRECISIONS: readonly number[] = [2560];

/** The largest precision {@link certify} ever uses. */
export const MAX_PRECISION: number = required(NEARLY_DECIDED_PRECISIONS.at(-1), 'the last precision');

/** Thrown when no precision in {@link PRECISIONS} certifies a result, nor leaves it nearly decided. */
export class CertificationError extends Error {
  constructor(readonly lastReason: string) {
    super(`could not certify the binary32 rounding at up to ${MAX_PRECISION} digits: ${lastReason}`);
    this.name = 'CertificationError';
  }
}

/**
 * The float that the interval certifies under `round` (a correctly rounding map from decimals to a
 * binary format: {@link roundToFloat32}, or the float64 nearest), or undefined when its ends round
 * apart. A result that rounds to zero takes the sign of the exact value: +0 for an interval above 0,
 * −0 below it, and for an exact zero (a point interval) the sign IEEE 754 gives the exact
 * computation, which the point's own evaluation carries (x − x = +0, −0 · 5 = −0). An interval that
 * holds 0 without being a point decides no sign: its exact value may be a tiny number of either sign
 * or an exact zero, and the nearest evaluation's sign is that of its rounding errors (θ = g =
 * 3 · 2^−149, lr = 1: lr · g rounded at 40 digits makes θ − lr · g a tiny negative, where IEEE's
 * x − x is +0).
 */
export function certifiedBy(round: (d: Dec) => number): (i: Interval) => number | undefined {
  return (i) => {
    const lo = round(i.lo);
    const hi = round(i.hi);
    if (Number.isNaN(lo) && Number.isNaN(hi)) return NaN;
    if (lo !== hi) return undefined;
    if (lo !== 0) return lo;
    if (i.lo.gt(0)) return 0;
    if (i.hi.lt(0)) return -0;
    if (i.lo.eq(i.hi)) return i.near.isNeg() ? -0 : 0;
    return undefined;
  };
}

/** The binary32 value that the interval certifies ({@link certifiedBy} with {@link roundToFloat32}). */
export const certifiedFloat32: (i: Interval) => number | undefined = certifiedBy(roundToFloat32);

/**
 * An output whose exact value no precision tried separates from a float32 rounding boundary: its last
 * enclosure holds the boundary between the adjacent float32 values `below` < `above` and rounds to
 * nothing else, so the exact value lies within that enclosure's width (about 10^−2550 relative at
 * 2560 digits, unless the computation cancelled) of the boundary and rounds to one of them.
 */
export interface UncertifiedOutput<K extends string> {
  readonly output: K;
  readonly below: number;
  readonly above: number;
}

/** The result of {@link certify}: the correctly rounded outputs and the precision that certified them. */
export interface Certified<K extends string> {
  readonly values: Record<K, number>;
  /** The precision that certified every output, or the last one evaluated when some stayed uncertified. */
  readonly precision: number;
  /**
   * Outputs that stayed nearly decided at the last precision (Keras Nadam's β1 (1 − ½ 0.96^t) at
   * t = 10^6 differs from a midpoint by 10^−17729). Each value holds the rounding of the nearest
   * evaluation: one of the two neighbours, not proven correctly rounded. Empty when all are certified.
   */
  readonly uncertified: readonly UncertifiedOutput<K>[];
}

/**
 * For an interval that certifies nothing: the two float32 values `below` < `above` on either side of
 * the one rounding boundary it holds, when it rounds to nothing else (−0 and +0 for an interval that
 * holds 0 and rounds to zero at both ends); undefined when it reaches further, or to ±∞.
 */
function neighbours(i: Interval): { below: number; above: number } | undefined {
  const below = roundToFloat32(i.lo);
  const above = roundToFloat32(i.hi);
  if (below === 0 && above === 0) return { below: -0, above: 0 };
  return Number.isFinite(below) && Number.isFinite(above) && nextFloat32(below, above) === above
    ? { below, above }
    : undefined;
}

function allNearlyDecided(outputs: Record<string, Interval>): boolean {
  return Object.values(outputs).every((i) => certifiedFloat32(i) !== undefined || neighbours(i) !== undefined);
}

/**
 * Evaluates `compute` at the precisions of {@link PRECISIONS} until every named output is certified;
 * then, while every output is certified or nearly decided, at those of
 * {@link NEARLY_DECIDED_PRECISIONS}. Outputs still nearly decided at the end come back with the
 * nearest evaluation's rounding and are listed in `uncertified`; any other failure throws
 * {@link CertificationError}. `compute` must be a pure function of its arithmetic: it is called again
 * at each precision.
 */
export function certify<K extends string>(compute: (a: IntervalArithmetic) => Record<K, Interval>): Certified<K> {
  const cap = required(PRECISIONS.at(-1), 'the last precision');
  let reason = 'no precision tried';
  let last: { outputs: Record<K, Interval>; precision: number } | undefined;
  for (const precision of [...PRECISIONS, ...NEARLY_DECIDED_PRECISIONS]) {
    if (precision > cap && (last === undefined || !allNearlyDecided(last.outputs))) break;
    let outputs: Record<K, Interval>;
    try {
      outputs = compute(IntervalArithmetic.at(precision));
    } catch (e) {
      if (e instanceof Undecided) {
        reason = e.message;
        if (precision <= cap) last = undefined;
        continue;
      }
      throw e;
    }
    last = { outputs, precision };
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
  if (last === undefined || !allNearlyDecided(last.outputs)) throw new CertificationError(reason);
  const { outputs, precision } = last;
  const values = {} as Record<K, number>;
  const uncertified: UncertifiedOutput<K>[] = [];
  for (const key of Object.keys(outputs) as K[]) {
    const i = outputs[key];
    const v = certifiedFloat32(i);
    values[key] = v ?? roundToFloat32(i.near);
    if (v === undefined) uncertified.push({ output: key, ...required(neighbours(i), 'the neighbours of an output') });
  }
  return { values, precision, uncertified };
}
