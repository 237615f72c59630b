/**
 * Progress of a long run on stderr: on a terminal one line redrawn in place (count, current unit,
 * time left); in a log (not a terminal) a plain line at most every `interval` seconds, so CI logs show
 * the run advancing without being flooded, and nothing for a run shorter than that. The time left is
 * estimated as elapsed · (total − done) / done. A run estimated at more than an hour after its first
 * unit warns once, naming `--max-time`.
 *
 * A few lines of our own rather than cli-progress, ora or listr2: the estimate must come from the
 * library's own report (its elapsed time and units), the log mode must rate-limit plain lines, and the
 * warning must use the same estimate; cli-progress (3.12, last released 2023) computes its own ETA from
 * a window of updates, ora and listr2 draw spinners and task lists with several dependencies each.
 *
 * @module
 */
import type { Progress, ProgressListener } from '../gate/progress.js';

/** Where the display writes: stderr, or a stand-in for it in tests. */
export interface DisplayStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Options of {@link progressDisplay}. */
export interface DisplayOptions {
  /** Seconds between plain lines when the stream is not a terminal (default 10). */
  readonly interval?: number;
  /** Estimated seconds above which the run warns once (default 3600). */
  readonly warnAbove?: number;
}

/** A display: its listener for the library, and `finish` to clear the line when the run ends. */
export interface ProgressDisplay {
  readonly listener: ProgressListener;
  finish(): void;
}

/** `s` seconds as `42 s`, `3 min 5 s` or `3 h 20 min`. */
export function formatDuration(s: number): string {
  const seconds = Math.max(0, Math.round(s));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

/** Seconds left, elapsed · (total − done) / done, or undefined before the first unit is done. */
export function secondsLeft(p: Progress): number | undefined {
  return p.done > 0 ? (p.elapsedSeconds * (p.total - p.done)) / p.done : undefined;
}

/**
 * One progress line: `[12/64] adam/pytorch one-step · 1 min 3 s · about 4 min 10 s left`, or
 * `[64/64] done · 5 min 2 s` for the report that ends the run (its `current` is empty).
 */
export function progressLine(p: Progress): string {
  if (p.current === '') return `[${p.done}/${p.total}] done · ${formatDuration(p.elapsedSeconds)}`;
  const left = secondsLeft(p);
  return `[${p.done}/${p.total}] ${p.current} · ${formatDuration(p.elapsedSeconds)}${left === undefined ? '' : ` · about ${formatDuration(left)} left`}`;
}

/** A display writing to `stream`. */
export function progressDisplay(stream: DisplayStream, options: DisplayOptions = {}): ProgressDisplay {
  const interval = options.interval ?? 10;
  const warnAbove = options.warnAbove ?? 3600;
  let warned = false;
  let lastPrinted = 0;
  let drawn = false;
  const clear = () => {
    if (drawn && stream.isTTY) stream.write('\r\x1b[2K');
    drawn = false;
  };
  const listener: ProgressListener = (p) => {
    const left = secondsLeft(p);
    if (!warned && left !== undefined && p.elapsedSeconds + left > warnAbove) {
      warned = true;
      clear();
      stream.write(
        `optim-oracle: this run will take about ${formatDuration(p.elapsedSeconds + left)}; --max-time SECONDS stops it earlier\n`,
      );
    }
    if (stream.isTTY) {
      const width = Math.max(20, (stream.columns ?? 100) - 1);
      const line = progressLine(p);
      stream.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
      drawn = true;
    } else if (p.elapsedSeconds - lastPrinted >= interval) {
      lastPrinted = p.elapsedSeconds;
      stream.write(`${progressLine(p)}\n`);
    }
  };
  return { listener, finish: clear };
}
