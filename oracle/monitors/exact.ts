/**
 * Exact arithmetic for the monitors: a metric value is the exact decimal of its float32 or float64
 * bits, a hyperparameter the exact decimal the user wrote, and every sum, difference and product of
 * them is computed without rounding (inputs have at most 767 significant digits, a float64's; the
 * working precision of 20 000 digits holds any product of four of them exactly). Comparisons follow
 * IEEE 754 on the extended reals: NaN compares false, ±∞ compare as the infinities.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import type { Comparison, MetricSequence } from '../../core/catalogue/monitors/monitor-types.js';
import { exactOfDouble } from '../float64-decimal.js';

/** Decimal arithmetic exact on sums and products of a few float64 values and decimal hyperparameters. */
export const Exact = Decimal.clone({ precision: 20_000, rounding: Decimal.ROUND_HALF_EVEN });

/** An exact value (decimal.js; NaN and ±∞ as decimal.js holds them). */
export type ExactValue = Decimal;

/** The exact value of a float (float32 or float64): its bits as a decimal; NaN and ±∞ kept. */
export function exactValue(x: number): ExactValue {
  return new Exact(exactOfDouble(x));
}

/** The exact values of a metric sequence (checked against its format by the caller). */
export const exactValues = (s: MetricSequence): ExactValue[] => s.values.map(exactValue);

/** The exact decimal `text` (a hyperparameter as written). */
export const exactText = (text: string): ExactValue => new Exact(text);

/** `left op right`, decided exactly (false when either is NaN), recorded for the trace. */
export function compareExact(what: string, op: '<' | '>', left: ExactValue, right: ExactValue): Comparison<ExactValue> {
  const holds = op === '<' ? left.lt(right) : left.gt(right);
  return { what, op, left, right, holds };
}

/** Whether an exact value is finite (not NaN, not ±∞). */
export const isFiniteExact = (x: ExactValue): boolean => x.isFinite();
