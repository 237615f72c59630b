/**
 * Which shard of `bounds --shard i/n` measures a given rule/preset pair, for the specs that measure
 * one small shard of the table: the pairs are dealt by their cost (src/gate/bound-costs.ts), so the
 * shard that holds a pair depends on the costs, not on the pair's place in the table.
 */
import { dealtBoundPairs } from '../../src/gate/bound-costs.js';
import { measuredConfigurations } from '../../src/gate/bound-pairs.js';
import type { Shard } from '../../src/gate/shard.js';

/** The shard of `count` that measures `pair` (`sgd/paper`), and every pair it measures, in table order. */
export function boundShardHolding(pair: string, count: number): { shard: Shard; pairs: string[] } {
  for (let index = 0; index < count; index++) {
    const pairs = dealtBoundPairs(measuredConfigurations(), { index, count }).map((c) => `${c.rule}/${c.preset}`);
    if (pairs.includes(pair)) return { shard: { index, count }, pairs };
  }
  throw new Error(`no shard of ${count} measures ${pair}`);
}
