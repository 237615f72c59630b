/**
 * Checks shared by the drivers' specs of `enclose` and `exact` (elementwise-exact-outputs.spec.ts,
 * tensor-rule-exact-outputs.spec.ts): decimal inputs that no binary64 holds, and the comparison of a
 * driver's outputs with a reference written out in plain 120-digit decimals.
 */
import { fc } from '@fast-check/vitest';
import type { Decimal } from 'decimal.js';
import { expect } from 'vitest';
import type { Interval } from '../../oracle/interval.js';
import { D } from './rules/one-step.js';

/** Decimal text that no float32 (nor binary64) holds: ±k · 10^e with k of up to seven digits. */
export const decimalText = fc
  .tuple(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: -12, max: 6 }), fc.boolean())
  .map(([k, e, negative]) => `${negative ? '-' : ''}${k}e${e}`);

/** {@link decimalText} without its sign. */
export const nonnegativeText = decimalText.map((s) => s.replace('-', ''));

/** The outputs are exactly the reference's, one value per element. */
function expectLayout<V>(out: Record<string, readonly V[]>, expected: Record<string, readonly Decimal[]>): void {
  expect(Object.keys(out).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, values] of Object.entries(expected)) expect(out[k], k).toHaveLength(values.length);
}

/**
 * `enclose`'s outputs against the reference: each interval holds the reference value and its `near`,
 * and is narrower than 10^−30 of the value (at 40 digits). Where `slack` gives an output's bound on
 * the reference's own error, the interval need only hold the reference within it: an exact point (the
 * oracle's one-element LAMB, θ (1 − α s)) cannot hold a reference rounded at 120 digits.
 */
export function expectEnclosures(
  out: Record<string, readonly Interval[]>,
  expected: Record<string, readonly Decimal[]>,
  slack: Record<string, readonly Decimal[]> = {},
): void {
  expectLayout(out, expected);
  for (const [k, values] of Object.entries(expected))
    values.forEach((ref, i) => {
      const e = out[k]![i]!;
      const [lo, hi, near] = [new D(e.lo), new D(e.hi), new D(e.near)];
      const error = slack[k]?.[i] ?? new D(0);
      const what = `${k}[${i}] = ${ref.toPrecision(40)} in [${e.lo.toString()}, ${e.hi.toString()}]`;
      expect(lo.minus(error).lte(ref) && ref.lte(hi.plus(error)), what).toBe(true);
      expect(lo.lte(near) && near.lte(hi), what).toBe(true);
      expect(hi.minus(lo).lte(ref.abs().times('1e-30')), what).toBe(true);
    });
}

/** `exact`'s outputs against the reference: each within 10^−50 of the value, relative (at 60 digits). */
export function expectExactOutputs(
  out: Record<string, readonly (Decimal | string)[]>,
  expected: Record<string, readonly Decimal[]>,
): void {
  expectLayout(out, expected);
  for (const [k, values] of Object.entries(expected))
    values.forEach((ref, i) => {
      const near = new D(out[k]![i]!);
      expect(near.minus(ref).abs().lte(ref.abs().times('1e-50')), `${k}[${i}]: ${near} against ${ref}`).toBe(true);
    });
}
