/**
 * Early stopping on patience, exact: the rule of each framework (core/catalogue/monitors/patience-rule.ts)
 * with every number exact. A metric value is the exact decimal of its float32 or float64 bits;
 * min_delta, the baseline and the thresholds are the exact decimals written; v − δ' is computed
 * without rounding, and every comparison is decided on the exact values (NaN compares false, ±∞ as
 * the infinities, as IEEE 754 orders them).
 *
 * @module
 */
import type { Configuration } from '../../core/catalogue/index.js';
import type { EarlyStoppingSchema } from '../../core/catalogue/monitors/early-stopping.js';
import {
  checkSequence,
  type EarlyStoppingOptions,
  type MetricSequence,
  type MonitorOutcome,
} from '../../core/catalogue/monitors/monitor-types.js';
import { patienceRule, type PatienceArith } from '../../core/catalogue/monitors/patience-rule.js';
import { required } from '../../core/required.js';
import { checkEntry } from '../marks.js';
import { compareExact, Exact, exactText, exactValues, type ExactValue } from './exact.js';

/** The patience rule's numbers, exact, for `values` under `config`. */
export function exactPatienceArith(
  config: Configuration<EarlyStoppingSchema>,
  values: readonly ExactValue[],
): PatienceArith<ExactValue> {
  const given = exactText(config.hyper.minDelta);
  const delta = config.flags.minDelta === 'absolute' ? given.abs() : given;
  return {
    value: (epoch) => required(values[epoch], `value of epoch ${epoch}`),
    signedDelta: (direction) => (direction === 'min' ? delta.neg() : delta),
    shifted: (v, d) => v.minus(d),
    constant: (text, negate) => (negate === true ? exactText(text).neg() : exactText(text)),
    infinity: (sign) => new Exact(sign * Infinity),
    neg: (v) => v.neg(),
    isFinite: (v) => v.isFinite(),
    compare: compareExact,
  };
}

/** The exact decisions of the patience rule on `values` under `config` and `options`. */
export function earlyStoppingOracle(
  config: Configuration,
  values: MetricSequence,
  options: EarlyStoppingOptions = {},
): MonitorOutcome<ExactValue> {
  checkEntry('early-stopping', ['early-stopping'], config);
  // Checked just above: a configuration of early-stopping.
  const c = config as Configuration<EarlyStoppingSchema>;
  checkSequence(c.entry.name, 'values', values);
  return patienceRule(c, values.values.length, options, exactPatienceArith(c, exactValues(values)));
}
