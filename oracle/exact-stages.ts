/**
 * The stages between binary64 and the decimal ladder (./staged.ts), for the outputs binary64 left open
 * (or every output, where it could not decide an operation): first the exact rationals with a binary64
 * remainder (./rational-with-float64.ts), then p-bit dyadic intervals of unbounded exponent
 * (./big-float-intervals.ts) at each precision of {@link BIG_FLOAT_BITS} in turn, for the outputs the
 * rationals left. Both run lazily (./lazy-arithmetic.ts): only the open outputs are computed.
 *
 * @module
 */
import { BigFloatIntervals, roundBigIntervalToFloat32, type BigInterval } from './big-float-intervals.js';
import type { Arithmetic, Enclosure } from './enclosure.js';
import { Float64Enclosures } from './float64.js';
import { Undecided } from './interval.js';
import { force, LazyArithmetic } from './lazy-arithmetic.js';
import { roundPairToFloat32, RationalWithFloat64, type RationalPair } from './rational-with-float64.js';
import type { FallThroughReason, FastOutcome, Open } from './stage-outcome.js';

/**
 * The rational stage's arithmetic: computed only for the outputs binary64 left open, its tests asked
 * of binary64 enclosures first (./lazy-arithmetic.ts).
 */
const RATIONAL_STAGE = new LazyArithmetic(RationalWithFloat64.instance, Float64Enclosures.instance);

export const BIG_FLOAT_BITS: readonly number[] = [160, 640, 2560];
const BIG_FLOAT_STAGES = BIG_FLOAT_BITS.map(
  (bits) => new LazyArithmetic(BigFloatIntervals.at(bits), Float64Enclosures.instance),
);

/**
 * The `open` outputs (every output when undefined) decided by the big-float stage at each precision of
 * {@link BIG_FLOAT_BITS} in turn, beside the `decided` ones; else `why`, for the decimal stage. Only the
 * outputs asked for are computed (./lazy-arithmetic.ts).
 */
export function bigFloatStage<K extends string>(
  compute: (a: Arithmetic) => Record<K, Enclosure>,
  decided: Record<K, number>,
  open: readonly K[] | undefined,
  why: FallThroughReason,
): FastOutcome<K> {
  for (const arithmetic of BIG_FLOAT_STAGES) {
    const values = { ...decided };
    try {
      const outputs = compute(arithmetic);
      let all = true;
      for (const key of open ?? (Object.keys(outputs) as K[])) {
        const v = roundBigIntervalToFloat32(force(outputs[key]) as BigInterval);
        if (v === undefined) {
          all = false;
          break;
        }
        values[key] = v;
      }
      if (all) return { values, stage: 'big-float' };
    } catch (e) {
      if (!(e instanceof Undecided)) return { reason: 'error' };
    }
  }
  return { reason: why };
}

/**
 * When binary64 could not decide an operation (an underflow inside √, say), the rational stage and
 * then the big-float stage compute every output: each is certain where it answers.
 */
export function afterUndecided<K extends string>(
  compute: (a: Arithmetic) => Record<K, Enclosure>,
  reason: 'operation' | 'error',
): FastOutcome<K> {
  return reason === 'operation' ? rationalStage(compute, {} as Record<K, number>, undefined, reason) : { reason };
}

/** The outputs binary64 left open decided by exact rationals, or why they are not (as binary64 left them). */
export function decideOpen<K extends string>(
  compute: (a: Arithmetic) => Record<K, Enclosure>,
  { values, open, why }: Open<K>,
  stage: 'float64' | 'refined',
): FastOutcome<K> {
  return open.length === 0 ? { values, stage } : rationalStage(compute, values, open, why);
}

/**
 * The `open` outputs (every output when undefined) decided by exact rationals; those it leaves (a
 * remainder across a rounding boundary, a zero of unknown sign, an operation it cannot enclose) go to
 * the big-float stage beside the ones it decided, since each stage is certain where it answers: an
 * exact float32 midpoint in one output (β1 m + (1 − β1) g with β1 = 0.9) is the rational stage's to
 * decide and never the big-float stage's, an underflowed sign in another the converse.
 */
function rationalStage<K extends string>(
  compute: (a: Arithmetic) => Record<K, Enclosure>,
  decided: Record<K, number>,
  open: readonly K[] | undefined,
  why: FallThroughReason,
): FastOutcome<K> {
  let exact: Record<K, Enclosure>;
  try {
    exact = compute(RATIONAL_STAGE);
  } catch {
    return bigFloatStage(compute, decided, open, why);
  }
  const rational = { ...decided };
  const left: K[] = [];
  for (const key of open ?? (Object.keys(exact) as K[])) {
    // undefined for a remainder that straddles a rounding boundary or holds a zero of unknown sign,
    // and for what binary64 could not enclose.
    const v = rationalValue(exact[key]);
    if (v === undefined) left.push(key);
    else rational[key] = v;
  }
  return left.length === 0 ? { values: rational, stage: 'rational' } : bigFloatStage(compute, rational, left, why);
}

/** The float32 an output's exact rational decides, or undefined (an operation it could not compute included). */
function rationalValue(e: Enclosure): number | undefined {
  try {
    return roundPairToFloat32(force(e) as RationalPair);
  } catch {
    return undefined;
  }
}
