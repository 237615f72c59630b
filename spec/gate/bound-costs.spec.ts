/**
 * src/gate/bound-costs.ts: every pair of the error-bound table has a measured cost, no cost names a
 * pair the table does not have, and the table's shards dealt by cost are balanced by those costs.
 */
import { describe, expect, it } from 'vitest';
import { BOUND_PAIR_SECONDS, boundPairCost, dealtBoundPairs } from '../../src/gate/bound-costs.js';
import { measuredConfigurations } from '../../src/gate/bound-pairs.js';

const pairs = measuredConfigurations().map((c) => `${c.rule}/${c.preset}`);

describe('the costs of the bound table’s pairs', () => {
  it('name every pair of the table, and only those (measure a new pair and add it)', () => {
    expect(Object.keys(BOUND_PAIR_SECONDS).sort()).toEqual([...pairs].sort());
    for (const seconds of Object.values(BOUND_PAIR_SECONDS)) expect(seconds).toBeGreaterThan(0);
  });

  it('give a pair not measured yet the median cost', () => {
    const sorted = Object.values(BOUND_PAIR_SECONDS).sort((a, b) => a - b);
    expect(boundPairCost('a-new-rule/paper')).toBe(sorted[Math.floor(sorted.length / 2)]);
    expect(boundPairCost('keras-wrapper/keras')).toBe(BOUND_PAIR_SECONDS['keras-wrapper/keras']);
  });

  it('deal the table to n shards each within the mean plus the costliest pair, below round-robin’s largest', () => {
    // By these costs (40.02 s in all), dealt in turn the largest of n = 2, 3, 4, 6 shards holds 1.097,
    // 1.254, 1.371 and 1.636 times the mean; dealt by cost 1.002, 1.003, 1.007 and 1.011.
    const cost = (ps: readonly { rule: string; preset: string }[]) =>
      ps.reduce((sum, p) => sum + boundPairCost(`${p.rule}/${p.preset}`), 0);
    const configurations = measuredConfigurations();
    const total = cost(configurations);
    const costliest = Math.max(...pairs.map(boundPairCost));
    for (const count of [2, 3, 4, 6]) {
      const shards = Array.from({ length: count }, (_, index) => dealtBoundPairs(configurations, { index, count }));
      expect(
        shards
          .flat()
          .map((c) => `${c.rule}/${c.preset}`)
          .sort(),
      ).toEqual([...pairs].sort());
      const largest = Math.max(...shards.map(cost));
      const inTurn = Math.max(
        ...Array.from({ length: count }, (_, index) => cost(configurations.filter((_, i) => i % count === index))),
      );
      expect(largest).toBeLessThanOrEqual(total / count + costliest);
      expect(largest).toBeLessThan(inTurn);
    }
  });
});
