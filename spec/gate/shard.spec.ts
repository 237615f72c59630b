/**
 * src/gate/shard.ts: the shards of a list partition it, each item in exactly one shard, in order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dealt } from '../../src/gate/shard.js';

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
