/**
 * Early stopping on patience as each framework computes it: the rule's control flow
 * (core/catalogue/monitors/patience-rule.ts) with the framework's own floats.
 *
 * - Keras 3: log values reach the callback as Python floats (`pythonify_logs`: float(value), exact
 *   for a float32 metric); min_delta is a Python float, |δ| and its sign change exact; v − δ' is a
 *   float64 subtraction; `ops.less`/`ops.greater` convert both Python floats to backend tensors, which
 *   are float32 on the TensorFlow, JAX and torch backends (`convert_to_tensor` of a Python float:
 *   tf.convert_to_tensor's default dtype, jnp.asarray without x64, torch's floatx) and float64 on the
 *   numpy backend. So `comparison: 'float32'` compares fl32(fl64(v − δ')) with fl32(r), r the best
 *   value or fl64(baseline); `comparison: 'float64'` compares fl64(v − δ') with r.
 * - tfjs: values are JavaScript numbers (a float32 metric read from its tensor's data); v − δ' and the
 *   comparison are float64; the baseline is the JavaScript number the user wrote.
 * - Lightning: values are torch tensors of the metric's dtype F (float32 unless logged as float64);
 *   `current - min_delta` casts the Python float δ' to F and subtracts in F, fl_F(v − fl_F(fl64(δ')));
 *   the comparison with best (a tensor of dtype F) is exact; thresholds are Python floats cast to F.
 *
 * @module
 */
import { checkConfiguration, type Configuration } from '../../../core/catalogue/index.js';
import { earlyStopping, type EarlyStoppingSchema } from '../../../core/catalogue/monitors/early-stopping.js';
import {
  checkSequence,
  type Comparison,
  type EarlyStoppingOptions,
  type MetricFormat,
  type MetricSequence,
  type MonitorOutcome,
} from '../../../core/catalogue/monitors/monitor-types.js';
import { patienceRule, type PatienceArith } from '../../../core/catalogue/monitors/patience-rule.js';
import { required } from '../../../core/required.js';
import { floatOps, type FloatOps } from './float-ops.js';

/** The format Keras 3 compares in: float32 on the TensorFlow, JAX and torch backends, float64 on numpy. */
export type KerasComparison = MetricFormat;

/** Options of production that are not the user's: the Keras backend's comparison format. */
export interface ProductionMonitorOptions {
  readonly kerasComparison?: KerasComparison;
}

/** A configuration of `early-stopping`, checked. */
export function earlyStoppingConfiguration(config: Configuration): Configuration<EarlyStoppingSchema> {
  checkConfiguration(earlyStopping.name, config, 'monitor');
  // Checked just above: its entry is early-stopping.
  return config as Configuration<EarlyStoppingSchema>;
}

/** The patience rule's numbers as the framework of `config.preset` computes them, on the operations `o`. */
export function frameworkPatienceArith<T>(
  o: FloatOps<T>,
  config: Configuration<EarlyStoppingSchema>,
  values: MetricSequence,
  production: ProductionMonitorOptions = {},
): PatienceArith<T> {
  const epochValue = (epoch: number) => o.exact(required(values.values[epoch], `value of epoch ${epoch}`));
  const typed = o.parse(config.hyper.minDelta);
  const lightning = config.flags.minDelta === 'signed';
  const delta = lightning ? typed : o.abs(typed);
  const metric = values.format;
  const compared: MetricFormat = config.preset === 'keras' ? (production.kerasComparison ?? 'float32') : 'float64';
  const compare = (what: string, op: '<' | '>', left: T, right: T): Comparison<T> => {
    const [l, r] = [o.round(left, compared), o.round(right, compared)];
    const holds = op === '<' ? o.valueOf(l) < o.valueOf(r) : o.valueOf(l) > o.valueOf(r);
    return { what, op, left: l, right: r, holds };
  };
  return {
    value: epochValue,
    signedDelta: (direction) => (direction === 'min' ? o.neg(delta) : delta),
    shifted: (v, d) => (lightning ? o.sub(v, o.round(d, metric), metric) : o.sub(v, d, 'float64')),
    constant: (text, negate) => {
      const x = negate === true ? o.neg(o.parse(text)) : o.parse(text);
      return lightning ? o.round(x, metric) : x;
    },
    infinity: (sign) => o.exact(sign * Infinity),
    neg: (v) => o.neg(v),
    isFinite: (v) => Number.isFinite(o.valueOf(v)),
    compare,
  };
}

/** The patience rule on `values` as the framework of `config.preset` decides it, on the operations `o`. */
export function earlyStoppingWith<T>(
  o: FloatOps<T>,
  config: Configuration,
  values: MetricSequence,
  options: EarlyStoppingOptions = {},
  production: ProductionMonitorOptions = {},
): MonitorOutcome<T> {
  const c = earlyStoppingConfiguration(config);
  checkSequence(c.entry.name, 'values', values);
  return patienceRule(c, values.values.length, options, frameworkPatienceArith(o, c, values, production));
}

/** The patience rule as the framework decides it, on plain numbers. */
export function earlyStoppingProduction(
  config: Configuration,
  values: MetricSequence,
  options: EarlyStoppingOptions = {},
  production: ProductionMonitorOptions = {},
): MonitorOutcome<number> {
  return earlyStoppingWith(floatOps, config, values, options, production);
}
