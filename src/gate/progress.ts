/**
 * Where a long run stands, reported by the library (`runCheck`, `runClaims`, `measureBoundTable`)
 * and drawn by the command line: a count of units done out of the total, what runs now, and the time
 * spent, from which a display estimates the time left as elapsed · (total − done) / done.
 *
 * @module
 */

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
