/**
 * oracle/exact-stages.ts: outputs that only different stages decide, in one computation. The exact
 * rational stage decides an exact float32 midpoint that no interval can (0.9 · 16777205 =
 * 15099484.5: p-bit intervals hold 0.9, and so the product, only between two neighbours), and the
 * big-float stage decides what depends on the sign of δ = √2 − d, d the double nearest √2, which
 * binary64's enclosure of √2 spans (m + δ, m = 1 + 3 · 2^−24 the midpoint between 1 + 2^−23 and
 * 1 + 2^−22, rounds down). Each output goes to the stage that
 * decides it, and the computation no longer falls through to the decimal stage as a whole (LAMB with
 * β1 = 0.9 on m = 16777205 · 2^104, where 0.9 m is a midpoint, beside a step whose sign underflows in
 * binary64).
 */
import { describe, expect, it } from 'vitest';
import type { Arithmetic, Enclosure } from '../../oracle/enclosure.js';
import { afterUndecided, decideOpen } from '../../oracle/exact-stages.js';
import type { LazyArithmetic } from '../../oracle/lazy-arithmetic.js';
import { exactDouble } from '../exact-double.js';

const MIDPOINT = exactDouble(1 + 3 * 2 ** -24).toString();
/** 0.9 · 16777205 = 15099484.5, between the float32 neighbours 15099484 and 15099485: the tie goes to the even one. */
const EVEN = 15099484;
const BELOW = 1 + 2 ** -23;
const NEAREST_SQRT2 = exactDouble(Math.SQRT2).toString();

/** 0.9 · 16777205, exactly a float32 midpoint, which p-bit intervals never hold as a point (0.9 is not dyadic). */
const tie = (a: Arithmetic): Enclosure => a.mul(a.point('0.9'), a.point(16777205));

/** δ = √2 − d, about −9.7 · 10^−17. */
const delta = (a: Arithmetic): Enclosure => a.sub(a.sqrt(a.point(2)), a.point(NEAREST_SQRT2));

describe('the rational and the big-float stage share one computation', () => {
  it('decides a midpoint by rationals and m + δ by big floats, in one call of decideOpen', () => {
    const compute = (a: Arithmetic) => ({ x: tie(a), y: a.add(a.point(MIDPOINT), delta(a)), z: a.point(5) });
    expect(decideOpen<string>(compute, { values: { z: 5 }, open: ['x', 'y'], why: 'boundary' }, 'float64')).toEqual({
      values: { x: EVEN, y: BELOW, z: 5 },
      stage: 'big-float',
    });
  });

  it("sends on an output whose exact value throws when forced, keeping the rational stage's other decisions", () => {
    let calls = 0;
    const compute = (a: Arithmetic) => {
      calls++;
      const y =
        calls === 1
          ? (a as LazyArithmetic).later(() => {
              throw new RangeError('a defect in the rational stage');
            })
          : a.div(a.point(1), a.point(3));
      return { x: tie(a), y };
    };
    expect(decideOpen<string>(compute, { values: {}, open: ['x', 'y'], why: 'boundary' }, 'float64')).toEqual({
      values: { x: EVEN, y: Math.fround(1 / 3) },
      stage: 'big-float',
    });
  });

  it('does the same for every output after an operation binary64 could not decide', () => {
    const compute = (a: Arithmetic) => ({ x: tie(a), y: a.mul(a.point('5e-324'), delta(a)) });
    expect(afterUndecided<string>(compute, 'operation')).toEqual({ values: { x: EVEN, y: -0 }, stage: 'big-float' });
  });
});
