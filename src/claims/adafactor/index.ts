/**
 * Adafactor's factored second moment (Shazeer & Stern 2018, arXiv:1804.04235, section 3 and
 * Algorithm 4): from the row means R and the column means C of a nonnegative matrix G² the estimate
 * V̂ = R Cᵀ / mean(R) (the paper's R C / (1ᵀR) with sums) is G² itself when G² has rank one
 * (G_ij = a_i b_j), and not in general. Checked on exact rationals (oracle/rational.ts) with the
 * oracle's own means and estimate (oracle/rules/factored.ts): equality is equality of fractions.
 * With ε1 added (G² + ε1, as every source does) the matrix has rank two and the estimate misses by
 *
 *   V̂_ij − (a_i² b_j² + ε1) = −ε1 (a_i² − A)(b_j² − B) / (A B + ε1),   A = mean(a²), B = mean(b²)
 *
 * (expand (a_i² B + ε1)(b_j² A + ε1) / (A B + ε1)), which the third claim checks exactly.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { compareRationals, RationalArithmetic, type Rational } from '../../../oracle/rational.js';
import { colMeans, factoredEstimate, mean, rowMeans } from '../../../oracle/rules/factored.js';
import { required } from '../../../core/required.js';
import { checkProperty, text } from '../property.js';
import type { Claim, NamedValue } from '../types.js';

const SOURCE = 'Shazeer & Stern 2018, arXiv:1804.04235, section 3 (Algorithm 4: V̂ = R C / 1ᵀR)';
const Q = RationalArithmetic.instance;

/** A rows × cols case: row factors a, column factors b (rank one), or any matrix x. */
interface FactorCase {
  readonly a: readonly string[];
  readonly b: readonly string[];
  readonly eps1: string;
}

/** Short decimals, zero now and then, either sign: what a gradient's factors look like on paper. */
const factor = fc.oneof(
  { arbitrary: fc.constant('0'), weight: 1 },
  { arbitrary: fc.integer({ min: -999, max: 999 }).map((n) => (n / 100).toString()), weight: 6 },
);
const nonzeroFactors = (n: number) =>
  fc.array(factor, { minLength: n, maxLength: n }).filter((xs) => xs.some((x) => Number(x) !== 0));

const rankOne = (eps1: fc.Arbitrary<string>): fc.Arbitrary<FactorCase> =>
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
    .chain(([rows, cols]) => fc.record({ a: nonzeroFactors(rows), b: nonzeroFactors(cols), eps1 }));

/** G² as rationals, row-major, from G_ij = a_i b_j, plus ε1. */
function squares(c: FactorCase): Rational[] {
  const e = Q.point(c.eps1);
  return c.a.flatMap((ai) => c.b.map((bj) => Q.add(Q.square(Q.mul(Q.point(ai), Q.point(bj))), e)));
}

/** The factored estimate of a rows × cols matrix of rationals (the row statistic normalised, as Keras). */
function estimate(x: readonly Rational[], rows: number, cols: number): Rational[] {
  return factoredEstimate(Q, rowMeans(Q, x, rows, cols), colMeans(Q, x, rows, cols), 'rows') as Rational[];
}

const describeFactors = ([c]: [FactorCase]): NamedValue[] => [
  text('a (row factors)', c.a.join(', ')),
  text('b (column factors)', c.b.join(', ')),
  text('ε1', c.eps1),
];

/** A rational as a decimal (exact when it terminates within 20 digits, else rounded to 20). */
const show = (r: Rational): string =>
  new Decimal(r.num.toString()).div(r.den.toString()).toSignificantDigits(20).toString();

/** Whether two rationals are equal. */
const same = (x: Rational, y: Rational): boolean => compareRationals(x, y) === 0;

/** The deviation −ε1 (a_i² − A)(b_j² − B) / (A B + ε1) of the case, row-major. */
function deviation(c: FactorCase): Rational[] {
  const sq = (xs: readonly string[]) => xs.map((x) => Q.square(Q.point(x)));
  const a2 = sq(c.a);
  const b2 = sq(c.b);
  const A = mean(Q, a2) as Rational;
  const B = mean(Q, b2) as Rational;
  const e = Q.point(c.eps1);
  const denominator = Q.add(Q.mul(A, B), e);
  return a2.flatMap((ai) => b2.map((bj) => Q.neg(Q.div(Q.mul(e, Q.mul(Q.sub(ai, A), Q.sub(bj, B))), denominator))));
}

/** Adafactor's claims, in the order `optim-oracle claims` prints them. */
export const adafactorClaims: readonly Claim[] = [
  {
    id: 'adafactor/rank-one-exact',
    statement: 'for a rank-one G² (G_ij = a_i b_j, ε1 = 0) the factored estimate R Cᵀ / mean(R) equals G² exactly',
    source: SOURCE,
    on: 'oracle',
    expected: 'holds',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(rankOne(fc.constant('0')), (c) => {
            const x = squares(c);
            return estimate(x, c.a.length, c.b.length).every((v, k) => same(v, required(x[k], 'G²')));
          }),
          runs: 300,
          describe: describeFactors,
          measured: () => 'every element an exact fraction equal to a_i² b_j²',
        },
        o,
      ),
  },
  {
    id: 'adafactor/general-exact',
    statement: 'for any nonnegative G² (not of rank one) the factored estimate R Cᵀ / mean(R) equals G²',
    source: SOURCE,
    on: 'oracle',
    expected: 'refuted',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(
            fc
              .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
              .chain(([rows, cols]) =>
                fc.record({
                  a: fc.constant(Array.from({ length: rows }, () => '1')),
                  b: fc.constant(Array.from({ length: cols }, () => '1')),
                  eps1: fc.constant('0'),
                  x: fc.array(factor, { minLength: rows * cols, maxLength: rows * cols }),
                }),
              )
              .filter((c) => c.x.some((v) => Number(v) !== 0)),
            (c) => {
              const x = c.x.map((v) => Q.square(Q.point(v)));
              return estimate(x, c.a.length, c.b.length).every((v, k) => same(v, required(x[k], 'G²')));
            },
          ),
          runs: 300,
          describe: ([c]) => [text('shape', `${c.a.length} × ${c.b.length}`), text('G (row-major)', c.x.join(', '))],
          reason: ([c]) => {
            const x = c.x.map((v) => Q.square(Q.point(v)));
            const v = estimate(x, c.a.length, c.b.length);
            const k = v.findIndex((e, i) => !same(e, required(x[i], 'G²')));
            return `G²[${k}] = ${show(required(x[k], 'G²'))} but the estimate is ${show(required(v[k], 'V̂'))} (G² = [${x.map(show).join(', ')}], V̂ = [${v.map(show).join(', ')}])`;
          },
        },
        o,
      ),
  },
  {
    id: 'adafactor/rank-one-epsilon',
    statement:
      'with ε1 added, the estimate of G² + ε1 (G_ij = a_i b_j) misses by exactly −ε1 (a_i² − mean(a²))(b_j² − mean(b²)) / (mean(a²) mean(b²) + ε1)',
    source: `${SOURCE}; ε1 added to G² in keras/src/optimizers/adafactor.py and optax/_src/factorized.py`,
    on: 'oracle',
    expected: 'holds',
    check: (o) => {
      let nonzero = 0;
      return checkProperty(
        {
          property: fc.property(rankOne(fc.constantFrom('1e-30', '0.001', '0.5', '3')), (c) => {
            const x = squares(c);
            const d = deviation(c);
            const v = estimate(x, c.a.length, c.b.length);
            if (d.some((e) => e.num !== 0n)) nonzero++;
            return v.every((e, k) => same(Q.sub(e, required(x[k], 'G² + ε1')), required(d[k], 'deviation')));
          }),
          runs: 300,
          describe: describeFactors,
          measured: () =>
            `${nonzero} cases with a nonzero miss (the estimate is exact only where a_i² = mean(a²) or b_j² = mean(b²))`,
        },
        o,
      );
    },
  },
];
