/**
 * The float operations the monitors' production code is written against, so that the gate can run
 * the same code on values that carry an error bound (src/gate/monitors/bounded-ops.ts). In
 * production ({@link floatOps}) a value is the JavaScript number the framework holds: a float64
 * operation is the JavaScript operation, a float32 one the float64 result rounded once by
 * Math.fround (correctly rounded: for +, −, ×, ÷ of float32 operands float64 has the 2·24 + 2 bits
 * that make the double rounding harmless), and a conversion to float32 is Math.fround.
 *
 * @module
 */
import type { MetricFormat } from '../../../core/catalogue/monitors/monitor-types.js';

/** Float operations in a given format, on values of type T. */
export interface FloatOps<T> {
  /** A float the framework holds exactly (a metric value, ±∞). */
  exact(x: number): T;
  /** The float64 nearest to decimal text (a number the user typed, as Python or JavaScript reads it). */
  parse(text: string): T;
  /** x rounded to `format` (a float64 passed to a float32 tensor; the identity for float64). */
  round(x: T, format: MetricFormat): T;
  add(a: T, b: T, format: MetricFormat): T;
  sub(a: T, b: T, format: MetricFormat): T;
  mul(a: T, b: T, format: MetricFormat): T;
  div(a: T, b: T, format: MetricFormat): T;
  neg(a: T): T;
  abs(a: T): T;
  /** The float value. */
  valueOf(a: T): number;
}

const inFormat = (x: number, format: MetricFormat) => (format === 'float32' ? Math.fround(x) : x);

/** The operations on plain numbers, as the frameworks compute them. */
export const floatOps: FloatOps<number> = {
  exact: (x) => x,
  parse: (text) => Number(text),
  round: inFormat,
  add: (a, b, f) => inFormat(a + b, f),
  sub: (a, b, f) => inFormat(a - b, f),
  mul: (a, b, f) => inFormat(a * b, f),
  div: (a, b, f) => inFormat(a / b, f),
  neg: (a) => -a,
  abs: (a) => Math.abs(a),
  valueOf: (a) => a,
};
