/** The progress display of long runs: a redrawn line on a terminal, sparse plain lines in a log. */
import { describe, expect, it } from 'vitest';
import { progressDisplay, progressLine } from '../../src/cli/progress-display.js';
import { sink } from './in-process.js';

describe('the progress display', () => {
  const at = (done: number, total: number, elapsedSeconds: number) => ({
    done,
    total,
    current: `unit ${done + 1}`,
    elapsedSeconds,
  });

  it('redraws one line on a terminal with the count, the unit and the time left', () => {
    const err = sink(true);
    const d = progressDisplay(err);
    d.listener(at(0, 4, 0));
    d.listener(at(1, 4, 30));
    d.finish();
    // 30 s for one unit of four: 90 s left.
    expect(err.text).toBe('\r\x1b[2K[0/4] unit 1 · 0 s\r\x1b[2K[1/4] unit 2 · 30 s · about 1 min 30 s left\r\x1b[2K');
  });

  it('prints a plain line at most every 10 s in a log, and nothing for a short run', () => {
    const err = sink(false);
    const d = progressDisplay(err);
    for (const [done, t] of [
      [0, 0],
      [1, 4],
      [2, 9],
      [3, 11],
      [4, 15],
      [5, 21.5],
    ] as const)
      d.listener(at(done, 100, t));
    expect(err.text.split('\n').filter(Boolean)).toEqual([
      '[3/100] unit 4 · 11 s · about 5 min 56 s left', // 11 · 97 / 3 = 355.67 s
      '[5/100] unit 6 · 22 s · about 6 min 49 s left', // 21.5 · 95 / 5 = 408.5 s
    ]);
  });

  it('ends with a line that says the run is done, not a time left', () => {
    expect(progressLine({ done: 23, total: 23, current: '', elapsedSeconds: 279 })).toBe('[23/23] done · 4 min 39 s');
  });

  it('warns once when the estimate passes an hour', () => {
    const err = sink(false);
    const d = progressDisplay(err);
    d.listener(at(1, 100, 60)); // 60 s + 60 · 99 s = 6000 s
    d.listener(at(2, 100, 120));
    expect(err.text.match(/this run will take/g)).toHaveLength(1);
    expect(err.text).toContain(
      'optim-oracle: this run will take about 1 h 40 min; --max-time SECONDS stops it earlier\n',
    );
  });
});
