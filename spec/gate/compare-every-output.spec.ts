import { describe, expect, it } from 'vitest';
import type { ElementBound } from '../../src/gate/bound/step-bound.js';
import { compareEveryOutput, compareOutputs } from '../../src/gate/compare.js';

const within = (bound: number, scale = 1): ElementBound => ({ bound, scale });

describe('a computation whose every output is judged', () => {
  const production = { x: [1], y: [2] };
  const oracle = { x: [1], y: [3] };
  it('fails an output both sides give that the bound does not name: a derivation that lost it', () => {
    const c = compareEveryOutput(production, oracle, { x: [within(0)] });
    expect(c.mismatches.map((m) => [m.output, m.index])).toEqual([['y', -1]]);
    expect(c.mismatches[0]?.why).toMatch(/no derived bound/);
    expect(compareEveryOutput(production, oracle, { x: [within(0)], y: [within(1)] }).mismatches).toEqual([]);
  });

  it('leaves an output only one side gives to the bound (none here), and a rule step may bound θ only', () => {
    expect(compareEveryOutput({ x: [1], extra: [5] }, { x: [1] }, { x: [within(0)] }).mismatches).toEqual([]);
    expect(compareOutputs(production, oracle, { x: [within(0)] }).mismatches).toEqual([]);
  });
});
