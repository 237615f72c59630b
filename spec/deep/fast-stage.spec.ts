/**
 * spec/deep/fast-stage.ts, the deep comparison of the oracle's stages, on a few hundred element-steps:
 * it compares what it is asked to, finds nothing where the stages agree, and finds the disagreements
 * a deliberately too-narrow multiplication in the fast stage makes (so a deep run that passes has
 * compared something that could have failed).
 */
import { describe, expect, it } from 'vitest';
import { Float64Enclosures, type F64 } from '../../oracle/float64.js';
import { withFastArithmetic } from '../../oracle/staged.js';
import type { StepOutput } from '../../core/catalogue/index.js';
import { countFromEnv, deepCases, differences, disagreements, DEEP_CASES_ENV, FAST_CASES_ENV } from './fast-stage.js';
import { fastCases } from './formula-stages.js';

/** Float64Enclosures with each product shrunk to the point nearest its exact value: no longer an enclosure. */
class TooNarrow extends Float64Enclosures {
  override mul(a: F64, b: F64): F64 {
    const r = super.mul(a, b);
    const mid = r.lo / 2 + r.hi / 2;
    return { lo: mid, hi: mid };
  }
}

describe('the deep comparison of the stages', () => {
  it('compares at least the element-steps asked for, and finds the stages in agreement', () => {
    const { found, compared } = disagreements('adam', 'pytorch', 300, 20171213);
    expect(found).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(300);
  });

  it('finds the disagreements a too-narrow multiplication in the fast stage makes, with the case', () => {
    const { found } = withFastArithmetic(new TooNarrow(), () => disagreements('adam', 'pytorch', 300, 20171213));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/≠ .* \(hyper \{.*\}, t \d+, params \[.*\], grads \[.*\], m \[.*\], v \[.*\]\)$/);
  });

  it(`reads its depth from $${DEEP_CASES_ENV} (10^5 by default) and refuses a depth that is not a count`, () => {
    expect(deepCases({})).toBe(100_000);
    expect(deepCases({ [DEEP_CASES_ENV]: '' })).toBe(100_000);
    expect(deepCases({ [DEEP_CASES_ENV]: '2500' })).toBe(2500);
    expect(() => deepCases({ [DEEP_CASES_ENV]: '1e5' })).toThrow(/OPTIM_ORACLE_DEEP_FAST_CASES must be an integer ≥ 1/);
    expect(() => deepCases({ [DEEP_CASES_ENV]: '0' })).toThrow(/OPTIM_ORACLE_DEEP_FAST_CASES must be an integer ≥ 1/);
  });

  it(`the comparisons in npm test read theirs from $${FAST_CASES_ENV}: a count, else their own default`, () => {
    expect(countFromEnv(FAST_CASES_ENV, 100, {})).toBe(100);
    expect(countFromEnv(FAST_CASES_ENV, 100, { [FAST_CASES_ENV]: '' })).toBe(100);
    expect(countFromEnv(FAST_CASES_ENV, 100, { [FAST_CASES_ENV]: '2500' })).toBe(2500);
    expect(fastCases({})).toBe(500);
    expect(fastCases({ [FAST_CASES_ENV]: '7' })).toBe(7);
    for (const bad of ['1e5', '-3', '2.5'])
      expect(() => fastCases({ [FAST_CASES_ENV]: bad })).toThrow(
        `OPTIM_ORACLE_FAST_CASES must be an integer ≥ 1, got '${bad}'`,
      );
  });
});

describe('what counts as a disagreement', () => {
  const step = (params: number[], uncertified?: StepOutput['uncertified']): StepOutput => ({
    params: Float32Array.from(params),
    state: { m: Float32Array.of(1) },
    ...(uncertified === undefined ? {} : { uncertified }),
  });
  const midpoint = { output: 'params', index: 0, below: -12, above: -11.999999046325684 };
  const zero = { output: 'params', index: 1, below: -0, above: 0 };

  it('any other bit, and an uncertified mark the ladder does not have', () => {
    const beyond = { count: 0 };
    expect(differences(step([1, -0]), step([1, 0]), beyond)).toEqual(['params[1] -0 ≠ 0']);
    expect(differences(step([1], [{ ...midpoint, below: 0, above: 2 }]), step([1]), beyond)).toHaveLength(1);
    expect(beyond.count).toBe(0);
  });

  it('a decision where the ladder left a mark, within the mark: accepted and counted; outside it: reported', () => {
    const beyond = { count: 0 };
    const ladder = step([-12, 0], [midpoint, zero]);
    expect(differences(step([-11.999999046325684, -0]), ladder, beyond)).toEqual([]);
    expect(beyond.count).toBe(2);
    expect(differences(step([-12.000000953674316, 0]), ladder, beyond)).toEqual([
      "params[0] decided as -12.000000953674316, outside the ladder's -12 and -11.999999046325684",
    ]);
    expect(differences(step([-12, 0], [midpoint, zero]), ladder, beyond)).toEqual([]);
  });
});
