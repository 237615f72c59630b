/**
 * Ziv's strategy with a fast first stage: every output is first enclosed in binary64
 * ({@link Float64Enclosures}); when each enclosure decides its float32 rounding, those are the
 * answers, else the decimal ladder of {@link certify} decides, as without the fast stage. The same
 * formula (`compute`, written against {@link Arithmetic}) serves both stages.
 *
 * @module
 */
import { certify, type Certified } from './certify.js';
import type { Arithmetic, Enclosure } from './enclosure.js';
import { Float64Enclosures, type F64 } from './float64.js';
import { Undecided, type Interval, type IntervalArithmetic } from './interval.js';
import { RationalArithmetic, roundRationalToFloat32, type Rational } from './rational.js';

/** Which stages {@link certifyStaged} runs: the float64 stage first, or the decimal ladder alone. */
export type Stages = 'float64-then-decimal' | 'decimal';

let stages: Stages = 'float64-then-decimal';
let fastArithmetic: Arithmetic = Float64Enclosures.instance;

/**
 * Runs `f` with `arithmetic` in place of {@link Float64Enclosures} as the first stage: for the spec
 * that proves the agreement test fails when a deliberately too-narrow enclosure is injected.
 */
export function withFastArithmetic<T>(arithmetic: Arithmetic, f: () => T): T {
  const previous = fastArithmetic;
  fastArithmetic = arithmetic;
  try {
    return f();
  } finally {
    fastArithmetic = previous;
  }
}

/** The stages {@link certifyStaged} runs from now on; returns the previous setting. */
export function setCertifyStages(next: Stages): Stages {
  if (next !== 'float64-then-decimal' && next !== 'decimal')
    throw new RangeError(`stages must be 'float64-then-decimal' or 'decimal', got ${String(next)}`);
  const previous = stages;
  stages = next;
  return previous;
}

/** The stages {@link certifyStaged} runs now. */
export function certifyStages(): Stages {
  return stages;
}

/** Runs `f` with `s` as the stages, restoring the previous setting afterwards. */
export function withCertifyStages<T>(s: Stages, f: () => T): T {
  const previous = setCertifyStages(s);
  try {
    return f();
  } finally {
    setCertifyStages(previous);
  }
}

/** Why the fast stages left a computation to the decimal stage. */
export type FallThroughReason = 'boundary' | 'zero-sign' | 'operation' | 'error';

/** Counts of one label's computations (a rule's elements, say) by the stage that decided them. */
export interface StageCounts {
  /** Decided by the float64 stage. */
  fast: number;
  /** Decided by the exact rational stage (after the float64 stage left an exact boundary case). */
  rational: number;
  /** Left to the decimal stage, by reason (counted only while the fast stage runs). */
  fallThrough: Record<FallThroughReason, number>;
  /** Decided by the decimal stage alone because the stages were set to 'decimal'. */
  decimalOnly: number;
}

const statistics = new Map<string, StageCounts>();

function countsOf(label: string): StageCounts {
  let c = statistics.get(label);
  if (c === undefined) {
    c = { fast: 0, rational: 0, fallThrough: { boundary: 0, 'zero-sign': 0, operation: 0, error: 0 }, decimalOnly: 0 };
    statistics.set(label, c);
  }
  return c;
}

/**
 * The arithmetic of the first stage while the stages include it (for a driver that runs the first
 * stage itself, element by element, and hands {@link certifyStaged} only what it leaves undecided),
 * else undefined.
 */
export function firstStageArithmetic(): Arithmetic | undefined {
  return stages === 'decimal' ? undefined : fastArithmetic;
}

/** Counts `n` computations that a driver's own run of the first stage decided, under `label`. */
export function countFirstStageDecisions(label: string, n: number): void {
  countsOf(label).fast += n;
}

/** A copy of the counts per label since the last {@link resetCertifyStatistics}. */
export function certifyStatistics(): Record<string, StageCounts> {
  return Object.fromEntries([...statistics].map(([k, c]) => [k, { ...c, fallThrough: { ...c.fallThrough } }]));
}

/** Clears the counts of {@link certifyStatistics}. */
export function resetCertifyStatistics(): void {
  statistics.clear();
}

/** The share of a label's computations that fell through to the decimal stage (NaN when none ran staged). */
export function fallThroughShare(c: StageCounts): number {
  const fell = Object.values(c.fallThrough).reduce((s, n) => s + n, 0);
  return fell / (fell + c.fast + c.rational);
}

/**
 * The float32 that a binary64 enclosure decides, or a reason it does not: both ends must round
 * (Math.fround, correctly rounded from binary64) to the same float32; a zero is signed by the side
 * of 0 the enclosure lies on, and is left to the decimal stage when the enclosure holds 0, even as
 * an exact point: the decimal stage signs an exact zero by its round-to-nearest evaluation, which
 * for inputs of more than 40 digits (3 · 2^−149 − 1 · 3 · 2^−149 gives −0 there, where IEEE's
 * x − x is +0) may differ from IEEE's sign, which the float64 stage would give.
 */
export function decidedFloat32(e: F64): number | 'boundary' | 'zero-sign' {
  const lo = e.lo;
  const hi = e.hi;
  if (lo !== lo) return NaN;
  const a = Math.fround(lo);
  if (a !== Math.fround(hi)) return 'boundary';
  if (a !== 0) return a;
  if (lo > 0) return 0;
  if (hi < 0) return -0;
  return 'zero-sign';
}

/** The outcome of the fast stages alone: the decided values, or why they fall through. */
export type FastOutcome<K extends string> =
  { values: Record<K, number>; stage: 'float64' | 'rational' } | { reason: FallThroughReason };

/**
 * Runs only the fast stages of {@link certifyStaged} on `compute`: the float64 enclosures; then, for
 * the outputs whose enclosure holds a rounding boundary, the exact rational evaluation
 * ({@link RationalArithmetic}), rounded to float32 ({@link roundRationalToFloat32}) where it stays
 * rational. For tests and benchmarks; `arithmetic` replaces
 * the float64 one (a deliberately wrong arithmetic, in the specs).
 */
export function fastStages<K extends string>(
  compute: (a: Arithmetic) => Record<K, Enclosure>,
  arithmetic: Arithmetic = fastArithmetic,
): FastOutcome<K> {
  let outputs: Record<K, Enclosure>;
  try {
    outputs = compute(arithmetic);
  } catch (e) {
    return { reason: e instanceof Undecided ? 'operation' : 'error' };
  }
  const values = {} as Record<K, number>;
  let open: K[] | undefined;
  for (const key of Object.keys(outputs) as K[]) {
    const v = decidedFloat32(outputs[key] as F64);
    if (v === 'zero-sign') return { reason: v };
    if (v === 'boundary') (open ??= []).push(key);
    else values[key] = v;
  }
  if (open === undefined) return { values, stage: 'float64' };
  let exact: Record<K, Enclosure>;
  try {
    exact = compute(RationalArithmetic.instance);
  } catch {
    return { reason: 'boundary' };
  }
  for (const key of open) {
    const v = roundRationalToFloat32(exact[key] as Rational);
    if (v === undefined) return { reason: 'boundary' };
    values[key] = v;
  }
  return { values, stage: 'rational' };
}

/**
 * Certifies each output of `compute` as {@link certify} does, trying the float64 stage first (unless
 * the stages are set to 'decimal'); counts the outcome under `label` for {@link certifyStatistics}.
 * A value the float64 stage decides is the correctly rounded float32 of the exact result, so the
 * result equals the decimal ladder's; `precision` is then 0, meaning the float64 stage.
 */
export function certifyStaged<K extends string>(
  label: string,
  compute: (a: Arithmetic) => Record<K, Enclosure>,
): Certified<K> {
  const counts = countsOf(label);
  if (stages === 'decimal') {
    counts.decimalOnly += 1;
  } else {
    const fast = fastStages(compute);
    if ('values' in fast) {
      counts[fast.stage === 'float64' ? 'fast' : 'rational'] += 1;
      return { values: fast.values, precision: 0, uncertified: [] };
    }
    counts.fallThrough[fast.reason] += 1;
  }
  return certify(compute as unknown as (a: IntervalArithmetic) => Record<K, Interval>);
}
