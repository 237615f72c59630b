/**
 * The float operations the schedules' production code is written against, so that the same code
 * runs on the numbers the frameworks compute ({@link floatOps}) and, in the tests, on values that
 * carry an error bound (src/gate/schedules/bounded-ops.ts), which derives each value's bound from the
 * code itself. Each operation names its format: `float64` is a Python float (PyTorch's schedulers,
 * and the Python-side arithmetic of Keras and optax), `float32` a float32 tensor (Keras 3's
 * schedules, and optax's under JAX's default 32-bit mode).
 *
 * In {@link floatOps} a float64 operation is the JavaScript operation (IEEE 754, correctly rounded
 * like CPython's), a float32 one the float64 result of float32 operands rounded once by Math.fround
 * (correctly rounded for +, −, ×, ÷: float64 has the 2·24 + 2 bits that make the double rounding
 * harmless). cos and pow are the platform's Math.cos and Math.pow, as Python's math.cos and ** call
 * the C library's: their results may differ from CPython's by an ulp, which the derived bounds allow
 * for (two ulps each, checked in spec/schedules/cos-pi.spec.ts against the exact values).
 *
 * @module
 */

/** A binary format: `float64` (a Python float) or `float32` (a float32 tensor). */
export type FloatFormat = 'float32' | 'float64';

/** Float operations on values of type T. */
export interface ScheduleOps<T> {
  /** A Python float literal or argument (decimal text, read to the nearest float64), cast to `format`. */
  parse(text: string, format: FloatFormat): T;
  /** An integer (a step, a count), converted to `format` (exact up to 2^53, or 2^24 in float32). */
  integer(n: number, format: FloatFormat): T;
  /** Python's math.pi (the float64 nearest π), cast to `format`. */
  pi(format: FloatFormat): T;
  /** A value cast to `format` (a Python float passed to a float32 tensor operation). */
  round(x: T, format: FloatFormat): T;
  add(a: T, b: T, format: FloatFormat): T;
  sub(a: T, b: T, format: FloatFormat): T;
  mul(a: T, b: T, format: FloatFormat): T;
  div(a: T, b: T, format: FloatFormat): T;
  /** a^b (C's pow, ** on Python floats, ops.power and jnp.power). */
  pow(a: T, b: T, format: FloatFormat): T;
  /** cos a (C's cos, math.cos, ops.cos and jnp.cos). */
  cos(a: T, format: FloatFormat): T;
  /** ⌊a⌋, exact. */
  floor(a: T): T;
  /** min(a, b), exact. */
  min(a: T, b: T): T;
  /** a < b, as the framework decides it on its values. */
  lt(a: T, b: T): boolean;
  /** a ≤ b, as the framework decides it on its values. */
  le(a: T, b: T): boolean;
  /** The value the framework holds. */
  valueOf(a: T): number;
}

const inFormat = (x: number, format: FloatFormat): number => (format === 'float32' ? Math.fround(x) : x);

/** The operations on plain numbers, as the frameworks compute them. */
export const floatOps: ScheduleOps<number> = {
  parse: (text, f) => inFormat(Number(text), f),
  integer: (n, f) => inFormat(n, f),
  pi: (f) => inFormat(Math.PI, f),
  round: inFormat,
  add: (a, b, f) => inFormat(a + b, f),
  sub: (a, b, f) => inFormat(a - b, f),
  mul: (a, b, f) => inFormat(a * b, f),
  div: (a, b, f) => inFormat(a / b, f),
  pow: (a, b, f) => inFormat(Math.pow(a, b), f),
  cos: (a, f) => inFormat(Math.cos(a), f),
  floor: (a) => Math.floor(a),
  min: (a, b) => Math.min(a, b),
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
  valueOf: (a) => a,
};
