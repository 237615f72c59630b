import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  down,
  EXP_REMAINDER,
  exactOfDouble,
  Float64Enclosures,
  LN2_BOUNDS,
  nextDown,
  nextUp,
  up,
  type F64,
} from '../../oracle/float64.js';
import { IntervalArithmetic, Undecided, type Interval } from '../../oracle/interval.js';
import {
  compareRationals,
  RationalArithmetic,
  rationalOfDouble,
  roundRationalToFloat32,
  type Rational,
} from '../../oracle/rational.js';
import { bitsOf, fromBits } from '../../oracle/binary32.js';
import { RUNS_ENV, runsFromEnv } from '../../src/gate/seed.js';

/**
 * Cases of the two operation-by-operation comparisons with the decimal arithmetic, the costliest
 * self-checks here: half the default (100) in `npm test`, to keep it within two minutes; every case
 * of $OPTIM_ORACLE_RUNS when it is set (CI: 1000).
 */
const selfCheckRuns = (process.env[RUNS_ENV] ?? '') === '' ? 100 : runsFromEnv(200);

const f = Float64Enclosures.instance;
const wide = IntervalArithmetic.at(1600);
const Ref = Decimal.clone({ precision: 1600 });

/** Doubles of every kind: any bit pattern (subnormals, ±0, ±∞, NaN), and float32 values. */
const anyDouble = fc.oneof(
  fc.double(),
  fc.float().map((x) => x),
  fc.constantFrom(0, -0, Infinity, -Infinity, NaN, 2 ** -1074, Number.MAX_VALUE, 1, 0.5),
);
const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });

/** The decimal interval with the same ends as an F64 (exact). */
const decimalOf = (x: F64): Interval => ({
  lo: exactOfDouble(x.lo),
  hi: exactOfDouble(x.hi),
  near: exactOfDouble(x.lo),
});

/** Runs an operation, returning undefined when it is undecided. */
function attempt<T>(op: () => T): T | undefined {
  try {
    return op();
  } catch (e) {
    if (e instanceof Undecided) return undefined;
    throw e;
  }
}

/** The F64 result encloses the decimal result (a 2000-digit enclosure, exact for +, −, ×), and agrees on NaN and the sign of an exact zero. */
function encloses(r: F64, d: Interval): boolean {
  if (d.near.isNaN()) return Number.isNaN(r.lo) && Number.isNaN(r.hi);
  if (Number.isNaN(r.lo) || Number.isNaN(r.hi)) return false;
  const lo = exactOfDouble(r.lo);
  const hi = exactOfDouble(r.hi);
  if (!(lo.lte(d.lo) && d.hi.lte(hi))) return false;
  if (r.lo === r.hi && r.lo === 0) return d.lo.isZero() && d.hi.isZero() && Object.is(r.lo, -0) === d.near.isNeg();
  return true;
}

describe('nextUp, nextDown and the outward bounds', () => {
  it('steps by one double at the edges: ±0, subnormals, binade ends, the largest finite, ±∞', () => {
    expect(nextUp(0)).toBe(2 ** -1074);
    expect(nextUp(-0)).toBe(2 ** -1074);
    expect(nextDown(0)).toBe(-(2 ** -1074));
    expect(nextUp(1)).toBe(1 + 2 ** -52);
    expect(nextDown(1)).toBe(1 - 2 ** -53);
    expect(nextUp(Number.MAX_VALUE)).toBe(Infinity);
    expect(nextDown(-Infinity)).toBe(-Infinity);
    expect(nextUp(-Infinity)).toBe(-Number.MAX_VALUE);
    expect(nextUp(-(2 ** -1074))).toBe(-0);
    expect(Number.isNaN(nextUp(NaN))).toBe(true);
  });

  test.prop([finiteDouble], { numRuns: 2000 })(
    'down(x) ≤ nextDown(x) and up(x) ≥ nextUp(x) for every finite double',
    (x) => {
      expect(down(x)).toBeLessThanOrEqual(nextDown(x));
      expect(up(x)).toBeGreaterThanOrEqual(nextUp(x));
    },
  );
});

describe('Float64Enclosures encloses the decimal arithmetic', () => {
  // The global number of cases ($OPTIM_ORACLE_RUNS, default 200; CI 1000): 1600-digit references are costly.
  test.prop([anyDouble, anyDouble], { numRuns: selfCheckRuns })(
    'each operation on exact points, with specials',
    (x, y) => {
      const X = { lo: x, hi: x };
      const Y = { lo: y, hi: y };
      const DX = wide.point(new Ref(x).isNaN() ? NaN : exactOfDouble(x));
      const DY = wide.point(new Ref(y).isNaN() ? NaN : exactOfDouble(y));
      const ops: Array<[string, () => F64, () => Interval]> = [
        ['add', () => f.add(X, Y), () => wide.add(DX, DY)],
        ['sub', () => f.sub(X, Y), () => wide.sub(DX, DY)],
        ['mul', () => f.mul(X, Y), () => wide.mul(DX, DY)],
        ['square', () => f.square(X), () => wide.square(DX)],
        ['div', () => f.div(X, Y), () => wide.div(DX, DY)],
        ['sqrt', () => f.sqrt(X), () => wide.sqrt(DX)],
        ['max', () => f.max(X, Y), () => wide.max(DX, DY)],
        ['abs', () => f.abs(X), () => wide.abs(DX)],
      ];
      for (const [name, fast, decimal] of ops) {
        const d = attempt(decimal);
        const r = attempt(fast);
        if (d === undefined || r === undefined) continue;
        expect(encloses(r, d), `${name}(${x}, ${y}) = [${r.lo}, ${r.hi}]`).toBe(true);
      }
    },
  );

  test.prop([finiteDouble, fc.integer({ min: 0, max: 40 }), finiteDouble, fc.integer({ min: 0, max: 40 })], {
    numRuns: selfCheckRuns,
  })('each operation on intervals of up to 40 doubles', (x, i, y, j) => {
    let xh = x;
    for (let k = 0; k < i; k++) xh = nextUp(xh);
    let yh = y;
    for (let k = 0; k < j; k++) yh = nextUp(yh);
    const X = { lo: x, hi: xh };
    const Y = { lo: y, hi: yh };
    const ops: Array<[string, () => F64, () => Interval]> = [
      ['add', () => f.add(X, Y), () => wide.add(decimalOf(X), decimalOf(Y))],
      ['sub', () => f.sub(X, Y), () => wide.sub(decimalOf(X), decimalOf(Y))],
      ['mul', () => f.mul(X, Y), () => wide.mul(decimalOf(X), decimalOf(Y))],
      ['square', () => f.square(X), () => wide.square(decimalOf(X))],
      ['div', () => f.div(X, Y), () => wide.div(decimalOf(X), decimalOf(Y))],
      ['sqrt', () => f.sqrt(X), () => wide.sqrt(decimalOf(X))],
    ];
    for (const [name, fast, decimal] of ops) {
      const d = attempt(decimal);
      const r = attempt(fast);
      if (d === undefined || r === undefined) continue;
      expect(encloses(r, d), `${name}([${x}, ${xh}], [${y}, ${yh}])`).toBe(true);
    }
  });

  it('keeps exact results exact: 3 − 3 = +0, −0 + −0 = −0, 0.5 · 6 = 3, √(2^-40) = 2^-20, 1 / 4, ±∞ and NaN', () => {
    expect(Object.is(f.sub({ lo: 3, hi: 3 }, { lo: 3, hi: 3 }).lo, 0)).toBe(true);
    expect(Object.is(f.add({ lo: -0, hi: -0 }, { lo: -0, hi: -0 }).hi, -0)).toBe(true);
    expect(f.mul({ lo: 0.5, hi: 0.5 }, { lo: 6, hi: 6 })).toEqual({ lo: 3, hi: 3 });
    expect(f.sqrt({ lo: 2 ** -40, hi: 2 ** -40 })).toEqual({ lo: 2 ** -20, hi: 2 ** -20 });
    expect(f.div({ lo: 1, hi: 1 }, { lo: 4, hi: 4 })).toEqual({ lo: 0.25, hi: 0.25 });
    expect(f.div({ lo: -1, hi: -1 }, { lo: 0, hi: 0 })).toEqual({ lo: -Infinity, hi: -Infinity });
    expect(Number.isNaN(f.mul({ lo: Infinity, hi: Infinity }, { lo: 0, hi: 0 }).lo)).toBe(true);
    expect(f.mul({ lo: 2 ** 1000, hi: 2 ** 1000 }, { lo: 2 ** 100, hi: 2 ** 100 })).toEqual({
      lo: Number.MAX_VALUE,
      hi: Infinity,
    });
    expect(() => f.div({ lo: 1, hi: 1 }, { lo: -1, hi: 1 })).toThrow(Undecided);
  });

  it('takes decimal text exactly when it is a double, else between the two doubles around it', () => {
    expect(f.point('0.5')).toEqual({ lo: 0.5, hi: 0.5 });
    const p = f.point('0.9');
    expect(exactOfDouble(p.lo).lt('0.9') && exactOfDouble(p.hi).gt('0.9') && nextUp(p.lo) === p.hi).toBe(true);
    const tiny = f.point('1e-400');
    expect(tiny.lo === 0 && tiny.hi === 2 ** -1074).toBe(true);
  });

  test.prop([
    fc.oneof(
      finiteDouble.map((x) => String(x)),
      finiteDouble.map((x) => x.toExponential(fc.sample(fc.integer({ min: 0, max: 30 }), 1)[0])),
      fc
        .tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: -420, max: 420 }))
        .map(([m, k]) => `${m}e${k}`),
      fc.constantFrom(
        '0.9',
        '.5',
        '1.',
        '-0',
        '0',
        '5e-324',
        '2e-323',
        '1e-400',
        '1e309',
        '-2.5E-3',
        '0.9999999999999982',
      ),
    ),
  ])('encloses decimal text between the two doubles around it, or at the double it equals', (text) => {
    const e = f.point(text);
    const exact = new Ref(text);
    if (exact.isZero()) {
      expect(e.lo === 0 && e.hi === 0).toBe(true);
      return;
    }
    const lo = Number.isFinite(e.lo) ? exactOfDouble(e.lo) : new Ref(e.lo);
    const hi = Number.isFinite(e.hi) ? exactOfDouble(e.hi) : new Ref(e.hi);
    expect(lo.lte(exact) && exact.lte(hi), `${text}: [${e.lo}, ${e.hi}]`).toBe(true);
    if (e.lo === e.hi) expect(lo.eq(exact)).toBe(true);
    else
      expect(
        nextUp(e.lo) === e.hi ||
          (e.lo === Number.MAX_VALUE && e.hi === Infinity) ||
          (e.lo === -Infinity && e.hi === -Number.MAX_VALUE),
      ).toBe(true);
  });

  test.prop(
    [
      fc.integer({ min: 1, max: 9999 }),
      fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 10_000_000 })),
    ],
    { numRuns: 300 },
  )('powInt encloses the exact power (t up to 10^7)', (k, n) => {
    const beta = `0.${String(k).padStart(4, '0')}`;
    const r = f.powInt(f.point(beta), n);
    const d = IntervalArithmetic.at(200).powInt(IntervalArithmetic.at(200).point(beta), n);
    // d encloses the exact power within 10^-199 relative: r must meet it, and hold it unless r is 0-wide.
    expect(exactOfDouble(r.lo).lte(d.hi) && d.lo.lte(exactOfDouble(r.hi))).toBe(true);
    expect(r.lo >= 0).toBe(true);
  });

  test.prop([fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom('0.004', '0.001', '0.5', '2.5e-7')], {
    numRuns: 300,
  })("powReal encloses 0.96^(t ψ) (Nadam's schedule), t up to 10^7", (t, psi) => {
    const r = f.powReal(f.point('0.96'), f.mul(f.point(t), f.point(psi)));
    const d = IntervalArithmetic.at(60);
    const e = d.powReal(d.point('0.96'), d.mul(d.point(t), d.point(psi)));
    expect(
      exactOfDouble(r.lo).lte(e.lo) && e.hi.lte(exactOfDouble(r.hi)),
      `[${r.lo}, ${r.hi}] against [${e.lo}, ${e.hi}]`,
    ).toBe(true);
    // Narrow enough to decide float32 roundings (spacing 2^-24 relative) but for about 1 in 10^5 (0.96 itself is inexact in binary64, so |t ψ ln 0.96| ulps add up).
    expect(r.hi - r.lo <= 2 ** -36 * r.hi + 1e-300, `[${r.lo}, ${r.hi}]`).toBe(true);
  });

  it("holds its constants: ln 2 within LN2_BOUNDS, and exp's Taylor remainder bound", () => {
    const ln2 = new (Decimal.clone({ precision: 60 }))(2).ln();
    expect(exactOfDouble(LN2_BOUNDS[0]).lt(ln2) && ln2.lt(exactOfDouble(LN2_BOUNDS[1]))).toBe(true);
    let factorial = new Ref(1);
    for (let i = 2; i <= 21; i++) factorial = factorial.times(i);
    expect(new Ref('0.36').pow(21).div(factorial).times(new Ref('0.36').exp()).lt(EXP_REMAINDER)).toBe(true);
  });
});

describe('RationalArithmetic', () => {
  const toDecimal = (r: Rational) => new Ref(r.num.toString()).div(r.den.toString());
  test.prop([
    fc.float({ noNaN: true, noDefaultInfinity: true }),
    fc.float({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom('0.9', '0.999', '1e-8', '0.001'),
  ])('is exact: agrees with 2000-digit decimals on float32 values and decimal text', (x, y, h) => {
    const q = RationalArithmetic.instance;
    const X = q.fromFloat32(x);
    const Y = q.fromFloat32(y);
    const H = q.point(h);
    const reference = exactOfDouble(x).times(h).plus(exactOfDouble(y));
    expect(toDecimal(q.add(q.mul(H, X), Y)).eq(reference)).toBe(true);
    if (y !== 0) expect(toDecimal(q.div(X, Y)).eq(new Ref(exactOfDouble(x)).div(exactOfDouble(y)))).toBe(true);
    expect(compareRationals(rationalOfDouble(x), rationalOfDouble(y))).toBe(Math.sign(x - y) || 0);
  });

  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => x !== 0)], { numRuns: 2000 })(
    'rounds a double to float32 as Math.fround does',
    (x) => {
      expect(Object.is(roundRationalToFloat32(rationalOfDouble(x)), Math.fround(x))).toBe(true);
    },
  );

  test.prop([fc.integer({ min: 0, max: 0x7f7ffffe }), fc.boolean()], { numRuns: 2000 })(
    'rounds a float32 midpoint to the even neighbour',
    (bits, negative) => {
      const a = fromBits(bits);
      const b = fromBits(bits + 1);
      const m = rationalOfDouble((a + b) / 2);
      const even = (bitsOf(a) & 1) === 0 ? a : b;
      const r = roundRationalToFloat32(negative ? { num: -m.num, den: m.den } : m);
      expect(Object.is(r, negative ? -even : even)).toBe(true);
    },
  );
});
