/**
 * The enclosure of e^z − 1 for |z| ≤ ½ (oracle/float64-exp.ts), which the rational stage uses for a
 * real power near 1. Its lower end is z itself, within z²/2 of the exact value, so the check is made
 * on the differences from z, where nothing cancels: e^z − 1 − z = Σ_{k≥2} z^k / k!, summed in 80-digit
 * decimals on z's exact value (60 terms leave less than 10^−90 of the sum), against lo − z and hi − z
 * computed exactly, with 10^−70 of the sum to spare.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { expm1Enclosure } from '../../oracle/float64-exp.js';
import { Float64Enclosures } from '../../oracle/float64.js';
import { exactDouble } from '../exact-double.js';

const f = Float64Enclosures.instance;
const D = Decimal.clone({ precision: 80 });
const Exact = Decimal.clone({ precision: 2000 });

/** e^z − 1 − z by its series from z²/2, in 80-digit decimals. */
function beyondLinear(z: number): Decimal {
  const x = new D(exactDouble(z));
  let term = x;
  let sum = new D(0);
  for (let k = 2; k <= 60; k++) {
    term = term.times(x).div(k);
    sum = sum.plus(term);
  }
  return sum;
}

/** Whether [lo, hi] holds e^z − 1, with 10^−70 of e^z − 1 − z to spare on each side. */
function holds(lo: number, hi: number, z: number): boolean {
  const s = beyondLinear(z);
  const slack = s.times('1e-70');
  const below = new Exact(exactDouble(lo)).minus(exactDouble(z));
  const above = new Exact(exactDouble(hi)).minus(exactDouble(z));
  return below.lte(s.minus(slack)) && s.plus(slack).lte(above);
}

const small = fc.oneof(
  fc.double({ min: -0.5, max: 0.5, noNaN: true }),
  fc.double({ min: -1e-10, max: 1e-10, noNaN: true }).filter((z) => z !== 0),
);

describe('expm1Enclosure', () => {
  test.prop([small, small], { numRuns: 2000 })('holds e^z − 1 for every z between two doubles of [−½, ½]', (u, v) => {
    const [lo, hi] = u <= v ? [u, v] : [v, u];
    const e = expm1Enclosure(f, { lo, hi })!;
    expect(holds(e.lo, e.hi, lo)).toBe(true);
    expect(holds(e.lo, e.hi, hi)).toBe(true);
  });

  test.prop([fc.double({ min: 1e-300, max: 1e-100, noNaN: true }), fc.boolean()])(
    'knows e^z − 1 to its own size for a tiny z, where e^z is 1 or a neighbour of 1 in binary64',
    (size, negative) => {
      const z = negative ? -size : size;
      const e = expm1Enclosure(f, { lo: z, hi: z })!;
      expect(Math.sign(e.lo)).toBe(Math.sign(z));
      expect(Math.sign(e.hi)).toBe(Math.sign(z));
      expect(Math.abs(e.hi - e.lo)).toBeLessThanOrEqual(Math.abs(z) * 2 ** -50);
    },
  );

  it.each([
    [-0.5000000000000001, -0.1],
    [0.1, 0.5000000000000001],
    [-Infinity, 0],
  ])('is undefined for z in [%s, %s], past ½', (lo, hi) => {
    expect(expm1Enclosure(f, { lo, hi })).toBeUndefined();
  });

  it('is [z, z + z²] at the ends of its range: e^½ − 1 = 0.6487…, e^−½ − 1 = −0.3934…', () => {
    const up = expm1Enclosure(f, { lo: 0.5, hi: 0.5 })!;
    expect(up.lo).toBe(0.5);
    expect(up.hi).toBe(0.75);
    const down = expm1Enclosure(f, { lo: -0.5, hi: -0.5 })!;
    expect(down.lo).toBe(-0.5);
    expect(down.hi).toBe(-0.25);
  });
});
