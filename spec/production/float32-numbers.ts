import type { Float32Arith } from '../../core/arith.js';

const f = Math.fround;

/**
 * Float32 arithmetic on plain numbers for the production specs: each operation's float64 result
 * rounded once to float32 (correct rounding, since float64 holds every +, −, ×, ÷, √ of two float32
 * values closely enough that one rounding to float32 is the correctly rounded result).
 */
export const float32Numbers: Float32Arith<number> = {
  add: (a, b) => f(a + b),
  sub: (a, b) => f(a - b),
  mul: (a, b) => f(a * b),
  div: (a, b) => f(a / b),
  sqrt: (a) => f(Math.sqrt(a)),
  square: (a) => f(a * a),
  max: (a, b) => Math.max(a, b),
  abs: (a) => Math.abs(a),
  sign: (a) => (a > 0 ? 1 : a < 0 ? -1 : a === 0 ? 0 : NaN),
  wherePositive: (c, a, b) => (c > 0 ? a : b),
};
