import { fc, test } from '@fast-check/vitest';
import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import * as k from '../../oracle/float64-kernels.js';
import { runKernel as run, type Ends as Pair } from './run-kernel.js';
import { adjacentDouble, exactDouble, stepDoubles } from '../exact-double.js';

/**
 * The kernels of the float64 stage, each against the exact hull of its operation on the operands'
 * exact values (decimal.js at 2000 digits on the doubles' bits: exact for +, −, ×; for ÷ and √ within
 * 10^−2000 relative, far closer than any double that is not the result itself). Two things are asked
 * of each: the enclosure holds the hull (sound), and each end lies within three doubles beyond the
 * double nearest the hull's end on its side (tight: the one-ulp-outward steps `down`/`up` move at most
 * three doubles, ./float64-rounding.ts); exact results of operations on points stay points.
 */

/** The exact hull [lo, hi] of an operation's result on the operands' values. */
type Hull = readonly [Decimal, Decimal];

/** The largest double at or below v (finite; −MAX_VALUE's neighbour −∞ below it). */
function floorDouble(v: Decimal): number {
  const near = Number(v.toString());
  if (near === -Infinity) return -Infinity;
  if (near === Infinity) return Number.MAX_VALUE;
  return exactDouble(near).gt(v) ? adjacentDouble(near, false) : near;
}

/** The smallest double at or above v. */
const ceilDouble = (v: Decimal): number => -floorDouble(v.neg());

/** `r` holds the hull and lies within three doubles of it on each side. */
function expectTight(r: Pair | 'undecided', [lo, hi]: Hull, what: string): void {
  expect(r, what).not.toBe('undecided');
  const [rlo, rhi] = r as Pair;
  const flo = floorDouble(lo);
  const chi = ceilDouble(hi);
  expect(rlo === -Infinity || exactDouble(rlo).lte(lo), `${what}: ${rlo} above the hull's lower end`).toBe(true);
  expect(rhi === Infinity || hi.lte(exactDouble(rhi)), `${what}: ${rhi} below the hull's upper end`).toBe(true);
  expect(rlo >= stepDoubles(flo, 3, false), `${what}: ${rlo} more than three doubles below ${flo}`).toBe(true);
  expect(rhi <= stepDoubles(chi, 3, true), `${what}: ${rhi} more than three doubles above ${chi}`).toBe(true);
}

/** A finite double of moderate size (products and quotients of two stay far inside the range), or 0. */
const moderate = fc.oneof(
  fc.double({ min: -(2 ** 400), max: 2 ** 400, noNaN: true }),
  fc.double({ min: -(2 ** -400), max: 2 ** -400, noNaN: true }),
  fc.integer({ min: -64, max: 64 }),
);

/** An interval of doubles: a point, a few doubles wide, or the hull of two doubles. */
const interval = fc.oneof(
  moderate.map((x): Pair => [x, x]),
  fc.tuple(moderate, fc.integer({ min: 1, max: 40 })).map(([x, n]): Pair => [x, stepDoubles(x, n, true)]),
  fc.tuple(moderate, moderate).map(([x, y]): Pair => (x <= y ? [x, y] : [y, x])),
);

/**
 * The largest double whose square is at most x (`up` false), or the smallest whose square is at least
 * x, for x ≥ 0, by exact squares: a double end r holds √x exactly when it holds this double, so it
 * stands for √x in {@link expectTight} (a 2000-digit √ costs about 10 ms).
 */
function rootDouble(x: number, up: boolean): number {
  const X = exactDouble(x);
  const beyond = (d: number): boolean =>
    up ? exactDouble(d).times(exactDouble(d)).lt(X) : exactDouble(d).times(exactDouble(d)).gt(X);
  let d = Math.sqrt(x);
  while (beyond(d)) d = adjacentDouble(d, up);
  for (let next = adjacentDouble(d, !up); next >= 0 && !beyond(next); next = adjacentDouble(d, !up)) d = next;
  return d;
}

const exact = ([lo, hi]: Pair): Hull => [exactDouble(lo), exactDouble(hi)];
const min = (...v: Decimal[]): Decimal => v.reduce((a, b) => (b.lt(a) ? b : a));
const max = (...v: Decimal[]): Decimal => v.reduce((a, b) => (b.gt(a) ? b : a));
const products = ([alo, ahi]: Hull, [blo, bhi]: Hull): Decimal[] => [
  alo.times(blo),
  alo.times(bhi),
  ahi.times(blo),
  ahi.times(bhi),
];
const quotients = ([alo, ahi]: Hull, [blo, bhi]: Hull): Decimal[] => [
  alo.div(blo),
  alo.div(bhi),
  ahi.div(blo),
  ahi.div(bhi),
];
/** Whether the closed interval holds 0. */
const holdsZero = ([lo, hi]: Pair): boolean => lo <= 0 && hi >= 0;
const isPoint = ([lo, hi]: Pair): boolean => lo === hi;
const isZeroPoint = (x: Pair): boolean => isPoint(x) && x[0] === 0;
/** One operand is the exact point 0 and the other a proper interval holding 0: the product is 0 of unknown sign. */
const zeroTimesZeroSpan = (a: Pair, b: Pair): boolean => {
  const spansZero = (x: Pair): boolean => !isPoint(x) && holdsZero(x);
  return (isZeroPoint(a) && spansZero(b)) || (isZeroPoint(b) && spansZero(a));
};

describe('the float64 kernels against the exact hull of each operation', () => {
  test.prop([interval, interval], { numRuns: 400 })('+, − and · are sound and tight', (a, b) => {
    const [A, B] = [exact(a), exact(b)];
    const what = `[${a}] ∘ [${b}]`;
    expectTight(
      run(() => k.add(a[0], a[1], b[0], b[1])),
      [A[0].plus(B[0]), A[1].plus(B[1])],
      `add ${what}`,
    );
    expectTight(
      run(() => k.sub(a[0], a[1], b[0], b[1])),
      [A[0].minus(B[1]), A[1].minus(B[0])],
      `sub ${what}`,
    );
    const p = products(A, B);
    const product = run(() => k.mul(a[0], a[1], b[0], b[1]));
    // IEEE signs 0 · −y and 0 · y apart, so a zero point times an interval holding 0 has no decided sign.
    if (zeroTimesZeroSpan(a, b)) expect(product, `mul ${what}`).toBe('undecided');
    else expectTight(product, [min(...p), max(...p)], `mul ${what}`);
  });

  test.prop([interval, interval], { numRuns: 400 })(
    '÷ is sound and tight, and undecided for a divisor holding 0',
    (a, b) => {
      const quotient = run(() => k.div(a[0], a[1], b[0], b[1]));
      const what = `div [${a}] / [${b}]`;
      if (isZeroPoint(b)) {
        // IEEE's quotient by an exact ±0: ±∞ by the signs, or undecided when the dividend's sign is unknown.
        const ieee = a[0] / b[0];
        if (isPoint(a)) expect(quotient, what).toEqual([ieee, ieee]);
        else if (holdsZero(a)) expect(quotient, what).toBe('undecided');
        else expect(quotient, what).toEqual(a[0] > 0 ? [1 / b[0], 1 / b[0]] : [-1 / b[0], -1 / b[0]]);
        return;
      }
      if (holdsZero(b)) {
        expect(quotient, what).toBe('undecided');
        return;
      }
      const q = quotients(exact(a), exact(b));
      expectTight(quotient, [min(...q), max(...q)], what);
    },
  );

  test.prop([interval], { numRuns: 400 })('x², |x|, −x and √x are sound and tight', (a) => {
    const [lo, hi] = exact(a);
    const what = `[${a}]`;
    const abs: Hull = a[0] >= 0 ? [lo, hi] : a[1] <= 0 ? [hi.neg(), lo.neg()] : [lo.mul(0), max(lo.neg(), hi)];
    expectTight(
      run(() => k.abs(a[0], a[1])),
      abs,
      `abs ${what}`,
    );
    expectTight(
      run(() => k.square(a[0], a[1])),
      [abs[0].times(abs[0]), abs[1].times(abs[1])],
      `square ${what}`,
    );
    expectTight(
      run(() => k.neg(a[0], a[1])),
      [hi.neg(), lo.neg()],
      `neg ${what}`,
    );
    const root = run(() => k.sqrt(a[0], a[1]));
    if (a[1] < 0) expect(root, `sqrt ${what}`).toEqual([NaN, NaN]);
    else if (a[0] < 0) expect(root, `sqrt ${what}`).toBe('undecided');
    else expectTight(root, [exactDouble(rootDouble(a[0], false)), exactDouble(rootDouble(a[1], true))], `sqrt ${what}`);
  });

  test.prop([interval, interval], { numRuns: 400 })('max and the nonnegative product are sound and tight', (a, b) => {
    const [A, B] = [exact(a), exact(b)];
    const what = `[${a}], [${b}]`;
    const m = run(() => k.max(a[0], a[1], b[0], b[1]));
    const bothPoints = isPoint(a) && isPoint(b);
    if (!bothPoints && Math.max(a[0], b[0]) === 0 && Math.max(a[1], b[1]) === 0)
      expect(m, `max ${what}`).toBe('undecided');
    else expectTight(m, [max(A[0], B[0]), max(A[1], B[1])], `max ${what}`);
    const na: Pair = [Math.abs(a[0]), Math.abs(a[0]) + Math.abs(a[1])];
    const nb: Pair = [Math.abs(b[0]), Math.abs(b[0]) + Math.abs(b[1])];
    if (!Number.isFinite(na[1]) || !Number.isFinite(nb[1])) return;
    const [NA, NB] = [exact(na), exact(nb)];
    const tight = run(() => k.mulNonnegative(na[0], na[1], nb[0], nb[1]));
    expectTight(tight, [NA[0].times(NB[0]), NA[1].times(NB[1])], `mulNonnegative [${na}], [${nb}]`);
  });
});

/** A dyadic k · 2^j: sums, products, and some quotients and roots of two are exact doubles. */
const dyadic = fc
  .tuple(fc.integer({ min: -(2 ** 20), max: 2 ** 20 }), fc.integer({ min: -40, max: 40 }))
  .map(([m, j]) => m * 2 ** j);
/** Exact doubles whose products stay inside TwoProduct's range (2^−900 … 2^990), or 0. */
const exactInput = fc.oneof(
  dyadic,
  fc.double({ min: 2 ** -300, max: 2 ** 300, noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, 4),
);

/** Each kernel on points [x, x] and [y, y], beside the IEEE operation it encloses. */
const POINT_OPS: ReadonlyArray<[string, (x: number, y: number) => void, (x: number, y: number) => number]> = [
  ['add', (x, y) => k.add(x, x, y, y), (x, y) => x + y],
  ['sub', (x, y) => k.sub(x, x, y, y), (x, y) => x - y],
  ['mul', (x, y) => k.mul(x, x, y, y), (x, y) => x * y],
  ['mulNonnegative', (x, y) => k.mulNonnegative(x, x, y, y), (x, y) => x * y],
  ['div', (x, y) => k.div(x, x, y, y), (x, y) => x / y],
  ['max', (x, y) => k.max(x, x, y, y), (x, y) => Math.max(x, y)],
  ['square', (x) => k.square(x, x), (x) => x * x],
  ['sqrt', (x) => k.sqrt(x, x), (x) => Math.sqrt(x)],
  ['abs', (x) => k.abs(x, x), (x) => Math.abs(x)],
  ['neg', (x) => k.neg(x, x), (x) => -x],
];

/** The exact value of x ∘ y for the operation's name (finite, nonzero divisor, nonnegative root); undefined for a √ that is no double. */
function exactOf(name: string, x: number, y: number): Decimal | undefined {
  const [X, Y] = [exactDouble(x), exactDouble(y)];
  const values: Record<string, () => Decimal | undefined> = {
    add: () => X.plus(Y),
    sub: () => X.minus(Y),
    mul: () => X.times(Y),
    mulNonnegative: () => X.times(Y),
    div: () => X.div(Y),
    max: () => (X.gte(Y) ? X : Y),
    square: () => X.times(X),
    sqrt: () => {
      const r = exactDouble(rootDouble(x, false));
      return r.times(r).eq(X) ? r : undefined;
    },
    abs: () => X.abs(),
    neg: () => X.neg(),
  };
  return (values[name] as () => Decimal | undefined)();
}

describe('the float64 kernels on exact points', () => {
  test.prop([exactInput, exactInput], { numRuns: 1000 })(
    'return the point, signed as IEEE signs it, when the exact result is a double; else two different ends',
    (x, y) => {
      for (const [name, kernel, ieee] of POINT_OPS) {
        if (
          (name === 'mulNonnegative' && (x < 0 || y < 0)) ||
          (name === 'div' && y === 0) ||
          (name === 'sqrt' && x < 0)
        )
          continue;
        const r = run(() => kernel(x, y));
        const value = ieee(x, y);
        const what = `${name}(${x}, ${y}) = [${String(r)}]`;
        const e = exactOf(name, x, y);
        if (e !== undefined && exactDouble(value).eq(e)) expect(r, what).toEqual([value, value]);
        else expect(r !== 'undecided' && r[0] < r[1], what).toBe(true);
      }
    },
  );

  it('give IEEE results on points with ±∞, NaN and ±0, and NaN for a NaN operand of any interval', () => {
    // Every operation here is exact in IEEE arithmetic on these operands (1 / −2 = −0.5, √1 = 1), so its point is due.
    const specials = [Infinity, -Infinity, NaN, 0, -0, 1, -2];
    for (const [name, kernel, ieee] of POINT_OPS) {
      for (const x of specials) {
        for (const y of specials) {
          if (name === 'mulNonnegative' && (x < 0 || y < 0)) continue;
          const value = ieee(x, y);
          expect(
            run(() => kernel(x, y)),
            `${name}(${x}, ${y})`,
          ).toEqual([value, value]);
        }
      }
    }
    for (const kernel of [k.add, k.sub, k.mul, k.mulNonnegative, k.div, k.max]) {
      expect(run(() => kernel(NaN, NaN, 1, 2))).toEqual([NaN, NaN]);
      expect(run(() => kernel(1, 2, NaN, NaN))).toEqual([NaN, NaN]);
    }
    for (const kernel of [k.abs, k.square, k.sqrt]) expect(run(() => kernel(NaN, NaN))).toEqual([NaN, NaN]);
  });

  it('sign an exact zero by the interval when every value gives the same sign, and divide by an exact ±0 as IEEE does', () => {
    expect(run(() => k.mul(0, 0, 1, 2))).toEqual([0, 0]);
    expect(run(() => k.mul(-0, -0, 1, 2))).toEqual([-0, -0]);
    expect(run(() => k.mul(0, 0, -2, -1))).toEqual([-0, -0]);
    expect(run(() => k.mul(-2, -1, -0, -0))).toEqual([0, 0]);
    expect(run(() => k.mul(0, 0, 0, 1))).toBe('undecided');
    expect(run(() => k.div(0, 0, 1, 2))).toEqual([0, 0]);
    expect(run(() => k.div(-0, -0, 1, 2))).toEqual([-0, -0]);
    expect(run(() => k.div(0, 0, -2, -1))).toEqual([-0, -0]);
    expect(run(() => k.div(1, 2, 0, 0))).toEqual([Infinity, Infinity]);
    expect(run(() => k.div(1, 2, -0, -0))).toEqual([-Infinity, -Infinity]);
    expect(run(() => k.div(-2, -1, 0, 0))).toEqual([-Infinity, -Infinity]);
    expect(run(() => k.div(-2, -1, -0, -0))).toEqual([Infinity, Infinity]);
    expect(run(() => k.div(-1, 1, 0, 0))).toBe('undecided');
    expect(run(() => k.max(-1, 0, -0, -0))).toBe('undecided');
    expect(run(() => k.max(-0, -0, -0, -0))).toEqual([-0, -0]);
    expect(run(() => k.sqrt(-0, -0))).toEqual([-0, -0]);
    expect(run(() => k.sqrt(0, 4))).toEqual([0, 2 + 2 * 2 ** -52 + 2 ** -1074]);
    expect(run(() => k.abs(-3, 2))).toEqual([0, 3]);
  });
});
