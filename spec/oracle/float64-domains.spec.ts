import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { exactOfDouble, Float64Enclosures, type F64 } from '../../oracle/float64.js';
import { IntervalArithmetic, Undecided, type Interval } from '../../oracle/interval.js';

/**
 * Where the float64 stage's powers, tests and constants may answer, against the decimal stage on the
 * same exact values (./interval.ts at 60 digits): it never decides what the decimal stage refuses
 * (a negative base), a decided answer always agrees with the decimal one, and what binary64 can
 * decide it does decide (a zero base, a NaN, an interval clear of 0), so that such outputs never
 * fall through to the slow stage.
 */

const f = Float64Enclosures.instance;
const d = IntervalArithmetic.at(60);

/** The ends the drawn enclosures take: signed zeros, the range's ends, ±∞ and ordinary values. */
const END = fc.constantFrom(-Infinity, -2, -0.5, -0, 0, 2 ** -1074, 0.5, 0.96, 1, 2, 1e300, Number.MAX_VALUE, Infinity);
/** A point or an interval [lo, hi] of those ends, or NaN. */
const enclosure = fc.oneof(
  END.map((x): F64 => ({ lo: x, hi: x })),
  fc.tuple(END, END).map(([a, b]): F64 => (a <= b ? { lo: a, hi: b } : { lo: b, hi: a })),
  fc.constant<F64>({ lo: NaN, hi: NaN }),
);

/** The decimal interval with the same ends (its round-to-nearest value is the lower end). */
function decimalOf(x: F64): Interval {
  if (Number.isNaN(x.lo)) return { lo: new Decimal(NaN), hi: new Decimal(NaN), near: new Decimal(NaN) };
  return { lo: exactOfDouble(x.lo), hi: exactOfDouble(x.hi), near: exactOfDouble(x.lo) };
}

type Outcome<T> = { value: T } | { undecided: true } | { refused: Error };

/** What an operation gives: a value, Undecided, or another error (the decimal stage's RangeError for a base out of its domain). */
function outcome<T>(op: () => T): Outcome<T> {
  try {
    return { value: op() };
  } catch (e) {
    if (e instanceof Undecided) return { undecided: true };
    if (e instanceof Error) return { refused: e };
    throw e;
  }
}

/**
 * The binary64 enclosure holds the decimal one (NaN only with NaN), or, when it is an exact point,
 * lies in it and the decimal one is a single value's 60-digit enclosure: an exact point such as 2^−86
 * is narrower than the interval around it. Zero points carry the same sign.
 */
function agrees(r: F64, x: Interval): boolean {
  if (x.near.isNaN()) return Number.isNaN(r.lo) && Number.isNaN(r.hi);
  if (Number.isNaN(r.lo) || Number.isNaN(r.hi)) return false;
  const [lo, hi] = [exactOfDouble(r.lo), exactOfDouble(r.hi)];
  // A point claims one exact value: the decimal enclosure must be as narrow as 60 digits make it, around it.
  const narrow = x.lo.eq(x.hi) || x.hi.minus(x.lo).lte(lo.abs().times('1e-50'));
  const exactPoint = x.lo.lte(lo) && hi.lte(x.hi) && narrow;
  if (r.lo === r.hi ? !exactPoint : !(lo.lte(x.lo) && x.hi.lte(hi))) return false;
  const zeroPoints = r.lo === r.hi && r.lo === 0 && x.lo.isZero() && x.hi.isZero();
  return !zeroPoints || Object.is(r.lo, -0) === x.near.isNeg();
}

const show = (a: F64): string => `[${a.lo}, ${a.hi}]`;

describe('the float64 stage answers where the decimal stage does, and agrees with it', () => {
  test.prop([enclosure, fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 10_000 }))], {
    numRuns: 300,
  })('a^n: refused below 0 (−0 included) as the decimal stage refuses it, decided from +0 up, and the same', (a, n) => {
    const fast = outcome(() => f.powInt(a, n));
    const slow = outcome(() => d.powInt(decimalOf(a), n));
    const what = `${show(a)}^${n}`;
    if ('refused' in slow) expect('undecided' in fast, what).toBe(true);
    else if ('value' in fast && 'value' in slow) expect(agrees(fast.value, slow.value), what).toBe(true);
    if (a.lo >= 0 && !Object.is(a.lo, -0)) expect('value' in fast, `${what} is decided`).toBe(true);
  });

  test.prop([enclosure, enclosure], { numRuns: 300 })(
    'a^y: never decided where the decimal stage refuses or differs, decided for finite bases above 0',
    (a, y) => {
      const fast = outcome(() => f.powReal(a, y));
      const slow = outcome(() => d.powReal(decimalOf(a), decimalOf(y)));
      const what = `${show(a)}^${show(y)}`;
      if ('refused' in fast) throw fast.refused;
      const finiteAbove0 = a.lo > 0 && Number.isFinite(a.hi) && Number.isFinite(y.lo) && Number.isFinite(y.hi);
      if (finiteAbove0) expect('value' in fast, `${what} is decided`).toBe(true);
      if ('value' in fast) {
        expect('value' in slow, `${what}: decided in binary64, not in decimal`).toBe(true);
        if ('value' in slow) expect(agrees(fast.value, slow.value), `${what}: ${show(fast.value)}`).toBe(true);
      }
    },
  );

  test.prop([enclosure])(
    'whether a value is zero, or negative: decided as in decimal wherever 0 is not inside',
    (a) => {
      for (const [name, fast, slow] of [
        ['isZero', () => f.isZero(a), () => d.isZero(decimalOf(a))],
        ['isNegative', () => f.isNegative(a), () => d.isNegative(decimalOf(a))],
      ] as const) {
        const got = outcome(fast);
        const want = outcome(slow);
        const clear = Number.isNaN(a.lo) || a.lo === a.hi || a.lo > 0 || a.hi < 0;
        if (clear) expect(got, `${name}${show(a)}`).toEqual(want);
        else expect('undecided' in got, `${name}${show(a)}`).toBe(true);
      }
    },
  );

  it('decides 0^n, exact powers and a NaN without the decimal stage', () => {
    expect(f.powInt({ lo: 0, hi: 0 }, 0)).toEqual({ lo: 1, hi: 1 });
    expect(f.powInt({ lo: 0, hi: 0 }, 3)).toEqual({ lo: 0, hi: 0 });
    expect(f.powInt({ lo: 0, hi: 0.5 }, 2)).toEqual({ lo: 0, hi: expect.any(Number) as number });
    // An exact power stays an exact point (a 300-case run once asked it to hold the 60-digit interval around it).
    const p = f.powInt({ lo: 0.5, hi: 0.5 }, 86);
    expect(p.lo === p.hi && exactOfDouble(p.lo).eq(new (Decimal.clone({ precision: 100 }))(2).pow(-86))).toBe(true);
    expect(f.isZero({ lo: NaN, hi: NaN })).toBe(false);
    expect(f.isNegative({ lo: NaN, hi: NaN })).toBe(false);
    expect(f.isNegative({ lo: 1, hi: 2 })).toBe(false);
    expect(() => f.powInt({ lo: -0, hi: -0 }, 2)).toThrow(Undecided);
    expect(() => f.powReal({ lo: 0, hi: 0 }, { lo: 0.5, hi: 0.5 })).toThrow(Undecided);
    // A property's counterexample: 0 · ln a had no decided sign for ln a holding 0, so a^0 was left to decimal.
    expect(f.powReal({ lo: 0.5, hi: 2 }, { lo: 0, hi: 0 })).toEqual({ lo: 1, hi: 1 });
    expect(f.powReal({ lo: 1, hi: 1 }, { lo: -0, hi: -0 })).toEqual({ lo: 1, hi: 1 });
  });
});

describe('decimal constants', () => {
  test.prop([fc.oneof(fc.integer({ min: -(2 ** 53), max: 2 ** 53 }), fc.double({ noNaN: true }), fc.constant(-0))])(
    'a number is read as decimal.js reads it: its shortest text, and −0 stays −0',
    (x) => {
      const p = f.point(x);
      expect(agrees(p, d.point(x)), `${x}: ${show(p)}`).toBe(true);
      expect(p, `${x}`).toEqual(f.point(new Decimal(x)));
      if (Number.isSafeInteger(x)) expect(p, `${x}`).toEqual({ lo: x, hi: x });
    },
  );
});
