/**
 * Where a long run stands, reported by the library (`runCheck`, `runClaims`, `measureBoundTable`)
 * and drawn by the command line: a count of units done out of the total, what runs now, and the time
 * spent, from which a display estimates the time left as elapsed · (total − done) / done.
 *
 * @module
 */
import { OptionError } from '../../core/catalogue/errors.js';
import { required } from '../../core/required.js';

/** One progress report. */
export interface Progress {
  /** Units of work finished (properties, claims, or rule/preset pairs). */
  readonly done: number;
  /** Units of work in the whole run. */
  readonly total: number;
  /** What runs now, e.g. `adam/pytorch one-step (100 cases)`. */
  readonly current: string;
  /** Seconds since the run started. */
  readonly elapsedSeconds: number;
}

/** Receives progress reports; called before each unit starts and once when the run ends. */
export type ProgressListener = (progress: Progress) => void;

/** Where a run stopped because it reached its `maxSeconds`. */
export interface StoppedAt {
  /** The time limit the run was given, in seconds. */
  readonly maxSeconds: number;
  /** Units that ran (the last one possibly cut short, with the cases it made). */
  readonly checked: number;
  /** The units that did not start, by name. */
  readonly notChecked: readonly string[];
}

/**
 * The `stoppedAt` field of a report: present when the time limit `maxSeconds` left units out
 * (`notChecked` not empty), with the `checked` units that ran; absent otherwise. Only a run with a
 * limit leaves units out.
 */
export function stoppedAtField(
  maxSeconds: number | undefined,
  checked: number,
  notChecked: readonly string[],
): { stoppedAt?: StoppedAt } {
  if (notChecked.length === 0) return {};
  return {
    stoppedAt: { maxSeconds: required(maxSeconds, 'the time limit of a run that stopped at it'), checked, notChecked },
  };
}

/** Throws an {@link OptionError} unless `maxSeconds` is undefined or a finite number > 0. */
export function checkMaxSeconds(maxSeconds: number | undefined): number | undefined {
  if (maxSeconds !== undefined && !(Number.isFinite(maxSeconds) && maxSeconds > 0))
    throw new OptionError(`max time must be a number of seconds > 0, got ${maxSeconds}`);
  return maxSeconds;
}

/** A run's clock: the time since it started, and what is left of its optional time limit. */
export interface RunClock {
  /** Seconds since the run started. */
  elapsedSeconds(): number;
  /**
   * True once the time limit has passed or a unit was cut by it ({@link RunClock.cut}); never without
   * a limit. Runs start their first unit regardless, so a run always checks something or fails.
   */
  expired(): boolean;
  /**
   * Records that fast-check cut a unit at the time limit. fast-check keeps its own timer (on
   * Date.now(), which the system may adjust), so this clock may not have expired yet when it fires;
   * the run must stop there all the same rather than start another unit with no time left.
   */
  cut(): void;
  /**
   * fast-check options that cut a property at the time limit after the case it is running, counting
   * the cases made as passed ones (`markInterruptAsFailure: false`); empty without a limit.
   */
  interruption(): { interruptAfterTimeLimit?: number; markInterruptAsFailure?: boolean };
}

/** Starts a clock now, with an optional limit of `maxSeconds` (checked by {@link checkMaxSeconds}). */
export function startClock(maxSeconds: number | undefined): RunClock {
  const start = performance.now();
  const left = () => (maxSeconds === undefined ? Infinity : start + maxSeconds * 1000 - performance.now());
  let cut = false;
  return {
    elapsedSeconds: () => (performance.now() - start) / 1000,
    expired: () => cut || left() <= 0,
    cut: () => {
      cut = maxSeconds !== undefined;
    },
    interruption: () =>
      maxSeconds === undefined
        ? {}
        : // fast-check counts the limit on Date.now(), in whole milliseconds, so its count may run up to
          // 1 ms ahead of the time elapsed: one more keeps the cut at or after this clock's deadline.
          { interruptAfterTimeLimit: Math.max(1, Math.ceil(left())) + 1, markInterruptAsFailure: false },
  };
}
