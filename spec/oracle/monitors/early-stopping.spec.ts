/**
 * oracle/monitors/early-stopping.ts and exact.ts, the patience rule's exact numbers, against a second
 * exact arithmetic that shares nothing with decimal.js (BigInt fractions read from the bits and the
 * digits: src/claims/early-stopping/rational.ts): under every preset, on the sequences the agreement
 * property draws (values within a few ulps of the best ± min_delta, NaN and ±∞ among them), the
 * oracle takes every decision the rule takes on the fractions, epoch by epoch, comparison by
 * comparison; and the exact values themselves, at their edges.
 */
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { configure, PRESET_NAMES, type Configuration } from '../../../core/catalogue/index.js';
import { earlyStopping, generalizationLoss } from '../../../core/catalogue/monitors/index.js';
import type { EarlyStoppingSchema } from '../../../core/catalogue/monitors/early-stopping.js';
import type { MonitorOutcome } from '../../../core/catalogue/monitors/monitor-types.js';
import { patienceRule } from '../../../core/catalogue/monitors/patience-rule.js';
import {
  compareExact,
  earlyStoppingMonitorOracle,
  earlyStoppingOracle,
  exactText,
  exactValue,
} from '../../../oracle/monitors/index.js';
import { isFiniteExact } from '../../../oracle/monitors/exact.js';
import { rationalPatienceArith } from '../../../src/claims/early-stopping/rational.js';
import { patienceCase } from '../../../src/gate/monitors/arbitraries.js';
import { D } from '../closed-forms.js';

const presets = PRESET_NAMES.filter((p) => earlyStopping.presets[p as keyof typeof earlyStopping.presets]);

/** Every decision of an outcome, without the comparisons' operands (whose types differ). */
const decisions = <V>(o: MonitorOutcome<V>) => ({
  stop: o.stopEpoch,
  reason: o.reason,
  best: o.bestEpoch,
  restored: o.restoredEpoch,
  epochs: o.epochs.map((e) => ({
    ...e,
    comparisons: e.comparisons.map((c) => ({ what: c.what, op: c.op, holds: c.holds })),
  })),
});

describe.each(presets)('the patience rule, exactly (%s)', (preset) => {
  test.prop([patienceCase(earlyStopping, preset)])(
    'decides as the rule on BigInt fractions, epoch by epoch',
    ({ config, input }) => {
      const c = config as Configuration<EarlyStoppingSchema>;
      const values = input.values.values;
      const fractions = patienceRule(c, values.length, input.options ?? {}, rationalPatienceArith(c, values));
      expect(decisions(earlyStoppingMonitorOracle(config, input))).toEqual(decisions(fractions));
      expect(decisions(earlyStoppingOracle(config, input.values, input.options))).toEqual(decisions(fractions));
    },
  );
});

describe('the patience rule refuses what is not its own', () => {
  it('a configuration of another monitor, and values not of their format', () => {
    const values = { format: 'float32' as const, values: [1, 0.5] };
    expect(() => earlyStoppingOracle(configure(generalizationLoss, 'paper'), values)).toThrow(
      "the oracle rule 'early-stopping' (for early-stopping) was given a configuration of 'early-stopping-gl'",
    );
    expect(() => earlyStoppingOracle(configure(earlyStopping, 'keras'), { ...values, values: [0.1] })).toThrow(
      'early-stopping: values[0] = 0.1 is not a float32',
    );
  });

  it('takes no options by default', () => {
    const out = earlyStoppingOracle(configure(earlyStopping, 'keras'), { format: 'float32', values: [1, 2, 3] });
    expect(out.stopEpoch).toBe(1);
  });
});

describe('the exact values', () => {
  it("are a float's bits as a decimal, NaN and ±∞ kept", () => {
    // 2^−1074 has 751 significant digits, all kept.
    expect(exactValue(2 ** -1074).eq(new D(2).pow(-1074))).toBe(true);
    expect(exactValue(0.1).toString()).toBe('0.1000000000000000055511151231257827021181583404541015625');
    expect(exactValue(-0).isZero()).toBe(true);
    expect(exactValue(NaN).isNaN()).toBe(true);
    expect([exactValue(Infinity).toString(), exactValue(-Infinity).toString()]).toEqual(['Infinity', '-Infinity']);
    expect(exactText('1e-3').eq('0.001')).toBe(true);
  });

  it('compare as IEEE 754 orders them, NaN never', () => {
    const [one, two, nan, inf] = [exactValue(1), exactValue(2), exactValue(NaN), exactValue(Infinity)];
    expect(compareExact('x', '<', one, two)).toEqual({ what: 'x', op: '<', left: one, right: two, holds: true });
    expect(compareExact('x', '>', one, two).holds).toBe(false);
    expect(compareExact('x', '<', two, one).holds).toBe(false);
    expect(compareExact('x', '>', two, one).holds).toBe(true);
    expect(compareExact('x', '<', one, one).holds).toBe(false);
    expect(compareExact('x', '>', one, one).holds).toBe(false);
    expect([compareExact('x', '<', nan, one).holds, compareExact('x', '>', nan, one).holds]).toEqual([false, false]);
    expect(compareExact('x', '<', two, inf).holds).toBe(true);
    expect([isFiniteExact(one), isFiniteExact(nan), isFiniteExact(inf)]).toEqual([true, false, false]);
  });

  it('hold sums of a float64 and a decimal exactly (20,000 digits)', () => {
    const sum = exactValue(2 ** -1074).plus(exactValue(2 ** 1023));
    expect(sum.minus(exactValue(2 ** 1023)).eq(exactValue(2 ** -1074))).toBe(true);
  });
});
