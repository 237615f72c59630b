/**
 * oracle/exact-stages.ts: the stages between binary64 and the decimal ladder, on values made to be
 * decided at a known stage. m = 1 + 3 · 2^−24 is the midpoint between the float32 values 1 + 2^−23
 * and 1 + 2^−22, and a tie there goes up, to the even one; δ = √2 − d, where d is the double nearest √2, is about −9.7 · 10^−17: binary64's enclosure of
 * √2 spans d, so the rational stage (exact rationals plus a binary64 remainder) cannot tell the sign
 * of δ, while p-bit intervals know it to about 2^−p. m + δ · 10^−k rounds down, to 1 + 2^−23, and its
 * distance to the midpoint, about 10^−(k+16), picks the precision that decides it: 160 bits (about 10^−48)
 * for k = 0, 640 bits (10^−193) for k = 60, none of 160, 640 and 2560 bits (10^−771) for k = 800.
 */
import { describe, expect, it } from 'vitest';
import type { Arithmetic, Enclosure } from '../../oracle/enclosure.js';
import { afterUndecided, BIG_FLOAT_BITS, bigFloatStage, decideOpen } from '../../oracle/exact-stages.js';
import { Undecided } from '../../oracle/interval.js';
import { exactDouble } from '../exact-double.js';

type Compute = (a: Arithmetic) => Record<string, Enclosure>;

const MIDPOINT = exactDouble(1 + 3 * 2 ** -24).toString();
const BELOW = 1 + 2 ** -23;
const NEAREST_SQRT2 = exactDouble(Math.SQRT2).toString();

/** m + δ · 10^−k (see the module comment). */
const nearMidpoint = (a: Arithmetic, k: number): Enclosure =>
  a.add(a.point(MIDPOINT), a.mul(a.sub(a.sqrt(a.point(2)), a.point(NEAREST_SQRT2)), a.point(`1e-${k}`)));

/** `compute` with a count of its calls: one per stage and precision tried. */
function counted(compute: Compute) {
  let calls = 0;
  return {
    compute: (a: Arithmetic) => {
      calls++;
      return compute(a);
    },
    calls: () => calls,
  };
}

/** A compute that throws `error(call)` on the calls it names, and otherwise gives x = 1/3. */
function throwing(error: (call: number) => Error | undefined) {
  let calls = 0;
  const compute = (a: Arithmetic) => {
    const e = error(++calls);
    if (e !== undefined) throw e;
    return { x: a.div(a.point(1), a.point(3)) };
  };
  return { compute, calls: () => calls };
}

const THIRD = Math.fround(1 / 3);

describe('decideOpen', () => {
  it('hands on what binary64 decided when nothing is open, without computing', () => {
    const c = counted(() => ({}));
    expect(decideOpen<string>(c.compute, { values: { x: 2 }, open: [], why: 'boundary' }, 'refined')).toEqual({
      values: { x: 2 },
      stage: 'refined',
    });
    expect(c.calls()).toBe(0);
  });

  it('decides the open outputs with exact rationals, keeping the decided ones as they are', () => {
    const c = counted((a) => ({ x: a.div(a.point(1), a.point(3)), y: a.point(7) }));
    expect(decideOpen<string>(c.compute, { values: { x: 0, y: 42 }, open: ['x'], why: 'boundary' }, 'float64')).toEqual(
      {
        values: { x: THIRD, y: 42 },
        stage: 'rational',
      },
    );
    expect(c.calls()).toBe(1);
  });

  it('does not compute an output that is not open: one no stage decides', () => {
    const c = counted((a) => ({ x: a.point(3), y: nearMidpoint(a, 800) }));
    expect(decideOpen<string>(c.compute, { values: { x: 0, y: 42 }, open: ['x'], why: 'boundary' }, 'float64')).toEqual(
      {
        values: { x: 3, y: 42 },
        stage: 'rational',
      },
    );
  });

  it.each([
    [0, 2],
    [60, 3],
  ])('leaves m + δ·10^−%i to the big-float stage, which decides it after %i computations', (k, computations) => {
    const c = counted((a) => ({ x: nearMidpoint(a, k), y: a.point(5) }));
    expect(decideOpen<string>(c.compute, { values: { x: 0, y: 42 }, open: ['x'], why: 'boundary' }, 'float64')).toEqual(
      {
        values: { x: BELOW, y: 42 },
        stage: 'big-float',
      },
    );
    expect(c.calls()).toBe(computations);
  });

  it.each(['boundary', 'zero-sign'] as const)(
    "gives binary64's reason, %s, when no precision decides, after trying each",
    (why) => {
      const c = counted((a) => ({ x: nearMidpoint(a, 800) }));
      expect(decideOpen<string>(c.compute, { values: { x: 0 }, open: ['x'], why }, 'float64')).toEqual({ reason: why });
      expect(c.calls()).toBe(1 + BIG_FLOAT_BITS.length);
    },
  );

  it('goes on to the big-float stage after any error of the rational stage', () => {
    const c = throwing((call) => (call === 1 ? new RangeError('rational stage') : undefined));
    expect(decideOpen<string>(c.compute, { values: { x: 0 }, open: ['x'], why: 'boundary' }, 'float64')).toEqual({
      values: { x: THIRD },
      stage: 'big-float',
    });
  });
});

describe('bigFloatStage', () => {
  it('tries the next precision after an Undecided, and stops at the first that decides', () => {
    const c = throwing((call) => (call === 1 ? new Undecided('at 160 bits') : undefined));
    expect(bigFloatStage<string>(c.compute, {}, undefined, 'boundary')).toEqual({
      values: { x: THIRD },
      stage: 'big-float',
    });
    expect(c.calls()).toBe(2);
  });

  it("gives 'error' at the first error that is not an Undecided, trying no other precision", () => {
    const c = throwing(() => new TypeError('a defect'));
    expect(bigFloatStage<string>(c.compute, {}, undefined, 'boundary')).toEqual({ reason: 'error' });
    expect(c.calls()).toBe(1);
  });

  it('computes every output when none is named open, and then keeps none of the decided values', () => {
    const c = counted((a) => ({ x: a.point(3), y: nearMidpoint(a, 0) }));
    expect(bigFloatStage<string>(c.compute, { x: 9, y: 9 }, undefined, 'boundary')).toEqual({
      values: { x: 3, y: BELOW },
      stage: 'big-float',
    });
  });

  it('gives the reason it was handed when an output stays open at every precision', () => {
    const c = counted((a) => ({ x: a.point(3), y: nearMidpoint(a, 800) }));
    expect(bigFloatStage<string>(c.compute, {}, undefined, 'zero-sign')).toEqual({ reason: 'zero-sign' });
    expect(c.calls()).toBe(BIG_FLOAT_BITS.length);
  });
});

describe('afterUndecided', () => {
  it('computes every output in the exact stages after an operation binary64 could not decide', () => {
    const c = counted((a) => ({ x: a.div(a.point(1), a.point(3)), y: nearMidpoint(a, 0) }));
    expect(afterUndecided<string>(c.compute, 'operation')).toEqual({
      values: { x: THIRD, y: BELOW },
      stage: 'big-float',
    });
  });

  it('hands on an error as it is, computing nothing', () => {
    const c = counted(() => ({}));
    expect(afterUndecided<string>(c.compute, 'error')).toEqual({ reason: 'error' });
    expect(c.calls()).toBe(0);
  });
});
