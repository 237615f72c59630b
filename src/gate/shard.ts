/**
 * A part of a run for parallel machines: shard `index` of `count` takes every count-th item of the
 * run's list, from the index-th, so that the shards partition the list and each item keeps the seed
 * and cases it has in the whole run.
 *
 * @module
 */

/** Shard `index` of `count`: integers with 0 ≤ index < count. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The items of `shard`: those at positions i with i mod count = index, in their order. */
export function dealt<T>(items: readonly T[], shard: Shard): T[] {
  return items.filter((_, i) => i % shard.count === shard.index);
}
