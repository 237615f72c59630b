/**
 * src/gate/shard.ts: the shards of a list partition it, each item in exactly one shard, in order,
 * dealt in turn or by cost (then the costliest shard within list scheduling's bound).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dealt, dealtByCost } from '../../src/gate/shard.js';

describe('dealt', () => {
  it('deals every count-th item from the index-th', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect([0, 1, 2].map((index) => dealt(items, { index, count: 3 }))).toEqual([
      ['a', 'd', 'g'],
      ['b', 'e'],
      ['c', 'f'],
    ]);
    expect(dealt(items, { index: 0, count: 1 })).toEqual(items);
  });

  it('the shards of any list partition it, keeping its order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), (xs, count) => {
        const items = xs.map((x, i) => ({ x, i }));
        const shards = Array.from({ length: count }, (_, index) => dealt(items, { index, count }));
        const joined = shards.flat().sort((a, b) => a.i - b.i);
        expect(joined).toEqual(items);
        for (const s of shards) expect(s.map((e) => e.i)).toEqual([...s.map((e) => e.i)].sort((a, b) => a - b));
      }),
    );
  });
});

describe('dealtByCost', () => {
  it('deals the costliest first, each to the shard with the least so far, the lowest index on a tie', () => {
    const items = [
      { name: 'a', cost: 1 },
      { name: 'b', cost: 5 },
      { name: 'c', cost: 2 },
      { name: 'd', cost: 4 },
      { name: 'e', cost: 2 },
    ];
    // b → 0 (5); d → 1 (4); c → 1 (6); e → 0 (7); a → 1 (7).
    const names = (index: number) => dealtByCost(items, { index, count: 2 }, (x) => x.cost).map((x) => x.name);
    expect([names(0), names(1)]).toEqual([
      ['b', 'e'],
      ['a', 'c', 'd'],
    ]);
    // Equal costs: in list order, one each, round and round.
    expect([0, 1, 2].map((index) => dealtByCost(['p', 'q', 'r', 's'], { index, count: 3 }, () => 1))).toEqual([
      ['p', 's'],
      ['q'],
      ['r'],
    ]);
  });

  it('the shards of any list partition it, keep its order, and the costliest is within the mean plus the costliest item', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 9 }),
        (costs, count) => {
          const items = costs.map((cost, i) => ({ cost, i }));
          const shards = Array.from({ length: count }, (_, index) =>
            dealtByCost(items, { index, count }, (x) => x.cost),
          );
          expect(shards.flat().sort((a, b) => a.i - b.i)).toEqual(items);
          for (const s of shards) expect(s.map((e) => e.i)).toEqual([...s.map((e) => e.i)].sort((a, b) => a - b));
          // Greedy list scheduling: the shard finishing last took its last item when it had the least.
          const loads = shards.map((s) => s.reduce((sum, e) => sum + e.cost, 0));
          const total = costs.reduce((a, b) => a + b, 0);
          expect(Math.max(0, ...loads)).toBeLessThanOrEqual(total / count + Math.max(0, ...costs));
        },
      ),
    );
  });
});
