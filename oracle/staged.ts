/**
 * Ziv's strategy with a fast first stage: every output is first enclosed in binary64
 * ({@link Float64Enclosures}); when each enclosure decides its float32 rounding, those are the
 * answers; what binary64 leaves open goes to the exact rational stage, then to the big-float stage
 * (./exact-stages.ts), and what they leave to the decimal ladder of {@link certify}, as without the
 * fast stages. The same formula (`compute`, written against {@link Arithmetic}) serves every stage.
 *
 * @module
 */
import { certify, type Certified } from './certify.js';
import type { Arithmetic, Enclosure } from './enclosure.js';
import { Float64Enclosures, type F64 } from './float64.js';
import { afterUndecided, decideOpen } from './exact-stages.js';
import type { FallThroughReason, FastOutcome, Open } from './stage-outcome.js';
import { Undecided, type Interval, type IntervalArithmetic } from './interval.js';

export type { FallThroughReason, FastOutcome } from './stage-outcome.js';

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

/** Counts of one label's computations (a rule's elements, say) by the stage that decided them. */
export interface StageCounts {
  /** Decided by the float64 stage. */
  fast: number;
  /** Decided by the float64 stage's second try, on a preparation computed in decimal (./refined-preparation.ts). */
  refined: number;
  /** Decided by the exact rational stage (after the float64 stage left an exact boundary case). */
  rational: number;
  /** Decided by the big-float stage (p-bit intervals of unbounded exponent) after the stages before it. */
  bigFloat: number;
  /** Left to the decimal stage, by reason (counted only while the fast stage runs). */
  fallThrough: Record<FallThroughReason, number>;
  /** Decided by the decimal stage alone because the stages were set to 'decimal'. */
  decimalOnly: number;
}

const statistics = new Map<string, StageCounts>();

function countsOf(label: string): StageCounts {
  let c = statistics.get(label);
  if (c === undefined) {
    c = {
      fast: 0,
      refined: 0,
      rational: 0,
      bigFloat: 0,
      fallThrough: { boundary: 0, 'zero-sign': 0, operation: 0, error: 0 },
      decimalOnly: 0,
    };
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
  return fell / (fell + c.fast + c.refined + c.rational + c.bigFloat);
}

/**
 * The float32 that a binary64 enclosure decides, or a reason it does not: both ends must round
 * (Math.fround, correctly rounded from binary64) to the same float32. A result that rounds to zero
 * takes the sign of the exact value: +0 above 0, −0 below it, and for an exact zero (a point whose
 * ends are the same signed zero) the sign IEEE 754 gives the exact computation, which the point
 * carries (the arithmetic keeps a point only when the operation was exact, and then its double
 * operation signed the zero as IEEE signs the exact one). The decimal stage signs zeros the same way
 * (`certifiedFloat32` in ./certify.ts: only a point decides a sign there too). An enclosure that
 * holds 0 otherwise decides no sign ('zero-sign').
 */
export function decidedFloat32(e: F64): number | 'boundary' | 'zero-sign' {
  return decidedFloat32Between(e.lo, e.hi);
}

/** {@link decidedFloat32} of the enclosure [lo, hi] given by its ends. */
export function decidedFloat32Between(lo: number, hi: number): number | 'boundary' | 'zero-sign' {
  if (lo !== lo) return NaN;
  const a = Math.fround(lo);
  if (a !== Math.fround(hi)) return 'boundary';
  if (a !== 0) return a;
  if (lo > 0) return 0;
  if (hi < 0) return -0;
  // Here lo ≤ 0 ≤ hi: the same signed zero at both ends is an exact point.
  if (Object.is(lo, hi)) return lo;
  return 'zero-sign';
}

/** Options of {@link fastStages} and {@link certifyStaged}. */
export interface StageOptions {
  /**
   * Whether `compute` prepares its shared quantities in decimal when given
   * {@link Float64Enclosures.refined} (the elementwise driver does): then that arithmetic is tried
   * after the plain float64 stage (unless the plain one decided every output or threw an error other
   * than `Undecided`) and before the rational one; its outputs replace the plain ones when it leaves
   * no more of them open.
   */
  readonly refine?: boolean;
  /**
   * The arithmetic of that second try, for a formula that has no preparation of its own (a
   * whole-tensor rule: ./float64-shared-decimal.ts); {@link Float64Enclosures.refined} by default.
   */
  readonly refined?: Arithmetic;
  /**
   * Whether the caller already ran the first stage's arithmetic on this computation and it did not
   * decide (the elementwise driver, over every element at once): with `refine`, the refined stage is
   * then tried first, since the plain one would repeat the same operations.
   */
  readonly firstStageTried?: boolean;
}

/**
 * The float32 values the binary64 enclosures decide, and the outputs they leave open: at a rounding
 * boundary, or within the rounding to ±0 with no sign told (the exact rational stage decides both
 * when the exact value is a nonzero rational).
 */
function decideAll<K extends string>(outputs: Record<K, Enclosure>): Open<K> {
  const values = {} as Record<K, number>;
  const open: K[] = [];
  let why: 'boundary' | 'zero-sign' = 'boundary';
  for (const key of Object.keys(outputs) as K[]) {
    const v = decidedFloat32(outputs[key] as F64);
    if (typeof v === 'number') values[key] = v;
    else {
      open.push(key);
      if (v === 'zero-sign') why = v;
    }
  }
  return { values, open, why };
}

/** `compute` at `a`, decided, or the reason it is not ('operation' for an undecided operation). */
function tryFloat64<K extends string>(
  compute: (a: Arithmetic) => Record<K, Enclosure>,
  a: Arithmetic,
): Open<K> | { reason: 'operation' | 'error' } {
  try {
    return decideAll(compute(a));
  } catch (e) {
    return { reason: e instanceof Undecided ? 'operation' : 'error' };
  }
}

/**
 * Runs only the fast stages of {@link certifyStaged} on `compute`: the float64 enclosures; then, for
 * the outputs whose enclosure holds a rounding boundary or a zero of unknown sign, or for every output
 * when binary64 could not decide an operation, the exact rational and the big-float stages
 * (./exact-stages.ts). For tests and benchmarks; `arithmetic` replaces the float64 one (a
 * deliberately wrong arithmetic, in the specs).
 */
export function fastStages<K extends string>(
  compute: (a: Arithmetic) => Record<K, Enclosure>,
  arithmetic: Arithmetic = fastArithmetic,
  options: StageOptions = {},
): FastOutcome<K> {
  const refine = options.refine === true;
  const refinedArithmetic = options.refined ?? Float64Enclosures.refined;
  if (refine && options.firstStageTried === true) {
    const refined = tryFloat64(compute, refinedArithmetic);
    return 'reason' in refined ? afterUndecided(compute, refined.reason) : decideOpen(compute, refined, 'refined');
  }
  let first = tryFloat64(compute, arithmetic);
  let stage: 'float64' | 'refined' = 'float64';
  if (refine && ('reason' in first ? first.reason !== 'error' : first.open.length > 0)) {
    const second = tryFloat64(compute, refinedArithmetic);
    if (!('reason' in second) && ('reason' in first || second.open.length <= first.open.length)) {
      first = second;
      stage = 'refined';
    }
  }
  if ('reason' in first) return afterUndecided(compute, first.reason);
  return decideOpen(compute, first, stage);
}

/** The count each fast stage's decisions go to. */
const COUNTED = { float64: 'fast', refined: 'refined', rational: 'rational', 'big-float': 'bigFloat' } as const;

/**
 * Certifies each output of `compute` as {@link certify} does, trying the float64 stage first (unless
 * the stages are set to 'decimal'); counts the outcome under `label` for {@link certifyStatistics}.
 * A value the float64 stage decides is the correctly rounded float32 of the exact result, so the
 * result equals the decimal ladder's; `precision` is then 0, meaning the float64 stage.
 */
export function certifyStaged<K extends string>(
  label: string,
  compute: (a: Arithmetic) => Record<K, Enclosure>,
  options: StageOptions = {},
): Certified<K> {
  const counts = countsOf(label);
  if (stages === 'decimal') {
    counts.decimalOnly += 1;
  } else {
    const fast = fastStages(compute, fastArithmetic, options);
    if ('values' in fast) {
      counts[COUNTED[fast.stage]] += 1;
      return { values: fast.values, precision: 0, uncertified: [] };
    }
    counts.fallThrough[fast.reason] += 1;
  }
  return certify(compute as unknown as (a: IntervalArithmetic) => Record<K, Interval>);
}
