/**
 * A part of a run for parallel machines: shard `index` of `count` takes every count-th item of the
 * run's list, from the index-th ({@link dealt}), or the items dealt to it by their cost
 * ({@link dealtByCost}), so that the shards partition the list and each item keeps the seed and
 * cases it has in the whole run.
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

/**
 * The items of `shard` when the items are dealt by their cost: longest first, each to the shard with
 * the least cost dealt so far (the lowest index on a tie), which is Graham's LPT rule: the costliest
 * shard then costs at most 4/3 − 1/(3 count) of the best partition's costliest. Every shard deals
 * the same way from the same costs, so the shards partition the list whatever their count; each
 * shard's items come in their order in the list.
 */
export function dealtByCost<T>(items: readonly T[], shard: Shard, cost: (item: T) => number): T[] {
  const costs = items.map(cost);
  const order = items.map((_, i) => i).sort((a, b) => (costs[b] as number) - (costs[a] as number) || a - b);
  const loads = new Array<number>(shard.count).fill(0);
  const mine = new Set<number>();
  for (const i of order) {
    let least = 0;
    for (let s = 1; s < shard.count; s++) if ((loads[s] as number) < (loads[least] as number)) least = s;
    loads[least] = (loads[least] as number) + (costs[i] as number);
    if (least === shard.index) mine.add(i);
  }
  return items.filter((_, i) => mine.has(i));
}
