/**
 * Each operation of the rational stage with binary64 alongside, on random operands, against three
 * references: decimal.js at 400 digits for the value (x ∈ q + r, x ∈ w), the binary64 stage evaluated
 * on its own for the whole enclosure (w lies within binary64's enclosure where that is defined: the
 * stage narrows a whole that cancelled to its exact ends), and the exact rational stage for
 * what stays exact (an operation on restless operands that the rationals keep exact stays restless and
 * equal). The named cases of ./rational-with-float64-remainders.spec.ts check what the remainder decides.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { roundToFloat32 } from '../../oracle/binary32.js';
import { describe, expect } from 'vitest';
import { exactOfDouble, Float64Enclosures, type F64 } from '../../oracle/float64.js';
import { Undecided } from '../../oracle/interval.js';
import { RationalArithmetic, type Rational } from '../../oracle/rational.js';
import { NO_REST } from '../../oracle/rational-pair.js';
import { roundPairToFloat32, RationalWithFloat64, type RationalPair } from '../../oracle/rational-with-float64.js';

const P = RationalWithFloat64.instance;
const F = Float64Enclosures.instance;
const Q = RationalArithmetic.instance;
const R = Decimal.clone({ precision: 400 });
/**
 * a^y only to 50 digits (ln and exp cost most at many digits): within half a unit of its 50th digit,
 * 5 · 10^−50 of itself; its node's scale allows 10^−49.
 */
const R50 = Decimal.clone({ precision: 50 });
/** The exact value of a double (decimal.js's constructor keeps every digit). */
const ofDouble = (d: number) => new R(exactOfDouble(d));

type Unary = 'neg' | 'abs' | 'square' | 'sqrt';
type Binary = 'add' | 'sub' | 'mul' | 'div' | 'max' | 'powReal';
type Expression =
  | { readonly leaf: number | string }
  | { readonly unary: Unary; readonly x: Expression }
  | { readonly binary: Binary; readonly x: Expression; readonly y: Expression }
  | { readonly powInt: number; readonly x: Expression };

const leaf = fc.oneof(
  fc.float({ noNaN: true, noDefaultInfinity: true }).map((v) => ({ leaf: v })),
  fc.constantFrom('0.1', '0.9', '-0.3', '1e-30', '3', '2', '0', '-0').map((t) => ({ leaf: t })),
);
/** Values with a remainder: a surd plus a rational, a^y (re-based on its binary64 enclosure). */
const withRest = fc.oneof(
  fc.tuple(leaf, leaf).map(([x, y]): Expression => ({ binary: 'add', x: { unary: 'sqrt', x }, y })),
  fc.tuple(leaf, leaf).map(([x, y]): Expression => ({ binary: 'powReal', x, y })),
);
const { expression } = fc.letrec<{ expression: Expression }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    withRest,
    fc.record({ unary: fc.constantFrom<Unary>('neg', 'abs', 'square', 'sqrt'), x: tie('expression') }),
    fc.record({
      binary: fc.constantFrom<Binary>('add', 'sub', 'mul', 'div', 'max', 'powReal'),
      x: tie('expression'),
      y: tie('expression'),
    }),
    fc.record({ powInt: fc.integer({ min: 0, max: 3 }), x: tie('expression') }),
  ),
}));

/** A value of each evaluation, with the operands it was made from. */
interface Node {
  readonly pair: RationalPair;
  readonly whole: F64 | undefined;
  /** The reference value, and (below) a bound on the magnitudes it came from: its error is under 10^−380 of that. */
  readonly value: Decimal;
  readonly scale: Decimal;
  readonly operands: readonly Node[];
  readonly exact: () => Rational;
}

const enclosedBy = (f: () => F64 | undefined): F64 | undefined => {
  try {
    return f();
  } catch (e) {
    if (e instanceof Undecided) return undefined;
    throw e;
  }
};
const f2 = (a: F64 | undefined, b: F64 | undefined, f: (a: F64, b: F64) => F64) =>
  a === undefined || b === undefined ? undefined : enclosedBy(() => f(a, b));

function evaluate(e: Expression, check: (n: Node) => void): Node {
  const node = build(e, check);
  check(node);
  return node;
}

function build(e: Expression, check: (n: Node) => void): Node {
  if ('leaf' in e) {
    const pair = typeof e.leaf === 'number' ? P.fromFloat32(e.leaf) : P.point(e.leaf);
    const whole = typeof e.leaf === 'number' ? F.fromFloat32(e.leaf) : F.point(e.leaf);
    const value = typeof e.leaf === 'number' ? ofDouble(e.leaf) : new R(e.leaf);
    const exact = () => (typeof e.leaf === 'number' ? Q.fromFloat32(e.leaf) : Q.point(e.leaf));
    return { pair, whole, value, scale: value.abs(), operands: [], exact };
  }
  const x = evaluate(e.x, check);
  if ('powInt' in e) {
    const n = e.powInt;
    return {
      pair: P.powInt(x.pair, n),
      whole: enclosedBy(() => x.whole && F.powInt(x.whole, n)),
      value: x.value.pow(n),
      scale: x.scale.pow(n),
      operands: [x],
      exact: () => Q.powInt(x.exact(), n),
    };
  }
  if ('unary' in e) {
    const op = e.unary;
    const value =
      op === 'neg' ? x.value.neg() : op === 'abs' ? x.value.abs() : op === 'square' ? x.value.pow(2) : x.value.sqrt();
    const scale = op === 'square' ? x.scale.pow(2) : op === 'sqrt' ? x.scale.sqrt() : x.scale;
    return {
      pair: P[op](x.pair),
      whole: enclosedBy(() => x.whole && F[op](x.whole)),
      value,
      scale,
      operands: [x],
      exact: () => Q[op](x.exact()),
    };
  }
  const y = evaluate(e.y, check);
  const op = e.binary;
  const [u, v] = [x.value, y.value];
  const value =
    op === 'add'
      ? u.plus(v)
      : op === 'sub'
        ? u.minus(v)
        : op === 'mul'
          ? u.times(v)
          : op === 'div'
            ? u.div(v)
            : op === 'max'
              ? R.max(u, v)
              : u.gt(0)
                ? new R(R50.pow(u, v))
                : new R(NaN);
  const scale =
    op === 'add' || op === 'sub'
      ? x.scale.plus(y.scale)
      : op === 'mul'
        ? x.scale.times(y.scale)
        : op === 'div'
          ? // (u + e_u) / (v + e_v) − u / v ≈ (e_u + |u / v| e_v) / |v|: the divisor's error counts too.
            x.scale.plus(value.abs().times(y.scale)).div(v.abs())
          : op === 'max'
            ? R.max(x.scale, y.scale)
            : value.abs().times('1e251');
  return {
    pair: P[op](x.pair, y.pair),
    whole: f2(x.whole, y.whole, (a, b) => F[op](a, b)),
    value,
    scale,
    operands: [x, y],
    exact: () => Q[op](x.exact(), y.exact()),
  };
}

/** No remainder: the marked exact zero, not merely an enclosure [0, 0]. */
const restless = (p: RationalPair) => p.rest === NO_REST;
const isSurd = (q: Rational) => q.root === true;
const surdValue = (q: Rational) => {
  const s = new R(q.num.toString()).abs().div(q.den.toString()).sqrt();
  return q.num < 0n ? s.neg() : s;
};
const rationalValue = (q: Rational) => new R(q.num.toString()).div(q.den.toString());

/** x ∈ q + r, within the reference's own error; nothing to check where the reference is not finite. */
function expectEnclosed(n: Node, name: string): void {
  const { exact, rest } = n.pair;
  if (!n.value.isFinite() || !n.scale.isFinite() || rest === undefined || exact.den === 0n) return;
  const slack = n.scale.times('1e-300');
  if (isSurd(exact)) {
    expect(restless(n.pair), `${name}: a surd with a remainder`).toBe(true);
    expect(surdValue(exact).minus(n.value).abs().lte(slack), `${name}: surd ${surdValue(exact)}`).toBe(true);
    return;
  }
  if (rest.lo - rest.lo !== 0 || rest.hi - rest.hi !== 0) return;
  const q = rationalValue(exact);
  const [lo, hi] = [q.plus(ofDouble(rest.lo)).minus(slack), q.plus(ofDouble(rest.hi)).plus(slack)];
  expect(lo.lte(n.value) && n.value.lte(hi), `${name}: ${n.value} ∉ [${lo}, ${hi}]`).toBe(true);
}

/**
 * Where the pair names a float32, it is the correct rounding of the value: of the rationals' own exact
 * value where they keep one (rounded in integers below, so an exact midpoint ties to even: the square of
 * a square root, 10 (√5832460412344861645078528)², is one), else of the reference (binary32.ts's
 * rounding, tested on its own). A zero takes the reference's sign where the reference is not zero. The
 * reference is off by at most 10^−300 of the node's scale (10^−49 relative after a^y); a node whose
 * reference lies that close to a boundary and has no exact value is not judged by its rounding.
 */
function expectRoundedCorrectly(n: Node, name: string): void {
  const got = roundPairToFloat32(n.pair);
  if (got === undefined || n.value.isNaN()) return;
  if (n.value.isZero()) return expect(got === 0, `${name}: rounds to ${got}`).toBe(true);
  const q = exactlyKept(n);
  let expected: number;
  if (q !== undefined && !isSurd(q)) expected = float32OfRational(q);
  else {
    const error = n.scale.times('1e-300');
    expected = roundToFloat32(n.value);
    const [below, above] = [roundToFloat32(n.value.minus(error)), roundToFloat32(n.value.plus(error))];
    if (!Object.is(below, above)) return;
  }
  expect(Object.is(got, expected), `${name}: rounds to ${got}, not ${expected}`).toBe(true);
}

/**
 * The float32 nearest a nonzero rational q = n / d (d > 0), ties to even, in integers: with
 * 2^e ≤ |q| < 2^(e+1) and s = max(e − 23, −149), |q| / 2^s rounded to an integer m, then m 2^s
 * (2^128 and above is ∞).
 */
function float32OfRational(q: Rational): number {
  const n = q.num < 0n ? -q.num : q.num;
  const bitLength = (x: bigint) => x.toString(2).length;
  let e = bitLength(n) - bitLength(q.den); // 2^(e−1) < |q| < 2^(e+1)
  if (e >= 0 ? n < q.den << BigInt(e) : n << BigInt(-e) < q.den) e -= 1;
  const s = Math.max(e - 23, -149);
  const [numerator, denominator] = s >= 0 ? [n, q.den << BigInt(s)] : [n << BigInt(-s), q.den];
  let m = numerator / denominator;
  const twiceRest = 2n * (numerator - m * denominator);
  if (twiceRest > denominator || (twiceRest === denominator && (m & 1n) === 1n)) m += 1n;
  const magnitude = Number(m) * 2 ** s >= 2 ** 128 ? Infinity : Number(m) * 2 ** s;
  return q.num < 0n ? -magnitude : magnitude;
}

/** The rationals' own result of the operation on the operands' exact parts, where they keep it exact. */
function exactlyKept(n: Node): Rational | undefined {
  if (!n.operands.every((o) => restless(o.pair))) return undefined;
  try {
    const q = n.exact();
    return q.den === 0n ? undefined : q;
  } catch (e) {
    if (e instanceof Undecided || e instanceof RangeError) return undefined;
    throw e;
  }
}

/**
 * w within binary64's own enclosure (where that is defined: where it is not, the stage may still have
 * one, from the exact ends), and holding the reference within its error.
 */
function expectWhole(n: Node, name: string): void {
  const w = n.pair.whole;
  if (n.whole !== undefined) {
    expect(w, `${name}: no whole where binary64 has one`).toBeDefined();
    if (n.whole.lo !== n.whole.lo) return expect(w!.lo, `${name}: NaN`).toBeNaN();
    expect(n.whole.lo <= w!.lo && w!.hi <= n.whole.hi, `${name}: [${w!.lo}, ${w!.hi}] ⊄ binary64's`).toBe(true);
  }
  if (w === undefined || !n.value.isFinite() || !n.scale.isFinite() || w.lo !== w.lo) return;
  const slack = n.scale.times('1e-300');
  const lo = w.lo === -Infinity ? undefined : ofDouble(w.lo).minus(slack);
  const hi = w.hi === Infinity ? undefined : ofDouble(w.hi).plus(slack);
  expect(
    (lo === undefined || lo.lte(n.value)) && (hi === undefined || n.value.lte(hi)),
    `${name}: ${n.value} ∉ w`,
  ).toBe(true);
}

/** An operand: a float32 or a decimal text, a value with a remainder, or a small expression of them. */
const operand = fc.oneof(leaf, withRest, expression);
const unaries = (['neg', 'abs', 'square', 'sqrt'] as const).map(
  (op) => [op, operand.map((x): Expression => ({ unary: op, x }))] as const,
);
const binaries = (['add', 'sub', 'mul', 'div', 'max', 'powReal'] as const).map(
  (op) => [op, fc.tuple(operand, operand).map(([x, y]): Expression => ({ binary: op, x, y }))] as const,
);
const powInts = fc.tuple(fc.integer({ min: 0, max: 3 }), operand).map(([n, x]): Expression => ({ powInt: n, x }));

describe('the rational stage with binary64 alongside, operation by operation', () => {
  for (const [op, arbitrary] of [...unaries, ...binaries, ['powInt', powInts] as const])
    test.prop([arbitrary])(
      `${op}: encloses the value in q + r and in a whole within binary64’s, rounds correctly, and stays exact where the rationals do`,
      (e) => {
        evaluate(e, (n) => {
          const name = JSON.stringify(e);
          expectWhole(n, name);
          expectEnclosed(n, name);
          expectRoundedCorrectly(n, name);
          const kept = exactlyKept(n);
          if (kept === undefined) return;
          expect(restless(n.pair), `${name}: a remainder where the rationals are exact`).toBe(true);
          expect(n.pair.exact.root === true).toBe(isSurd(kept));
          expect(n.pair.exact.num * kept.den, name).toBe(kept.num * n.pair.exact.den);
        });
      },
    );
});
