/**
 * A small histogram of err/bound, the ratio of each compared element's error to its own derived
 * bound: ten bins of width 0.1 on [0, 1) and [0.9, 1] (the tenth closed, since a ratio of exactly 1
 * passes), and an eleventh for ratios above 1 (failures). Counts add, so the histograms of shards
 * merge by adding bin by bin.
 *
 * @module
 */

/** Bins: [0, 0.1), [0.1, 0.2), …, [0.8, 0.9), [0.9, 1], (1, ∞]. */
export const HISTOGRAM_BINS = 11;

/** The bins' labels, in order. */
export const HISTOGRAM_LABELS: readonly string[] = [
  ...Array.from({ length: 9 }, (_, i) => `[${i / 10},${(i + 1) / 10})`),
  '[0.9,1]',
  '>1',
];

/** The bin of a ratio r ≥ 0: ⌊10 r⌋ below 0.9, 9 for 0.9 ≤ r ≤ 1, 10 above 1 (∞ included). */
export function binOf(ratio: number): number {
  if (ratio > 1) return HISTOGRAM_BINS - 1;
  return Math.min(9, Math.floor(ratio * 10));
}

/** An empty histogram. */
export function emptyHistogram(): number[] {
  return new Array<number>(HISTOGRAM_BINS).fill(0);
}

/** Adds `from`'s counts to `into`, bin by bin. */
export function addHistogram(into: number[], from: readonly number[]): void {
  for (let i = 0; i < HISTOGRAM_BINS; i++) into[i] = (into[i] ?? 0) + (from[i] ?? 0);
}
