/**
 * RAdam's rectifier (Liu et al. 2019, arXiv:1908.03265, section 4.2 and Algorithm 2):
 * r_t = √((ρ_t − 4)(ρ_t − 2) ρ∞ / ((ρ∞ − 4)(ρ∞ − 2) ρ_t)) lies in (0, 1) and increases towards 1 with t,
 * wherever it is used (ρ_t > 4, which needs ρ∞ > 4: β2 > 3/5). Decided exactly in interval
 * arithmetic, at t up to 10^6.
 *
 * At t = 10^6, 1 − r_t is about t β2^t: about 10^−154,900 for β2 = 0.7, beyond the precisions that
 * evaluate the formula directly. So the three signs are evaluated in forms without cancellation, identities of
 * the formula. With h(ρ) = (ρ − 4)(ρ − 2)/ρ = ρ − 6 + 8/ρ, r_t² = h(ρ_t)/h(ρ∞), and
 * h(a) − h(b) = (a − b)(1 − 8/(a b)); with d_t = ρ∞ − ρ_t = 2 t β2^t / (1 − β2^t):
 *
 *   r_t² = (ρ_t − 4)(ρ_t − 2) ρ∞ / ((ρ∞ − 4)(ρ∞ − 2) ρ_t)       (the formula itself)
 *   1 − r_t² = d_t (1 − 8/(ρ∞ ρ_t)) / h(ρ∞)
 *   r_t'² − r_t² = d_t (1 − d_t'/d_t)(1 − 8/(ρ_t ρ_t')) / h(ρ∞),   d_t'/d_t = (t'/t) β2^(t'−t) (1 − β2^t)/(1 − β2^t')
 *
 * and the second is checked against the formula where the formula can still be told from 1.
 *
 * @module
 */
import fc from 'fast-check';
import { IntervalArithmetic, Undecided, type Interval } from '../../../oracle/interval.js';
import { exactText } from '../../../oracle/binary32.js';
import { checkProperty, int, text } from '../property.js';
import type { Claim } from '../types.js';
import { firstRectified, SOURCE } from './common.js';

/** The precisions tried in turn, as in the oracle's Ziv strategy. */
const PRECISIONS = [60, 200, 1280] as const;

/** The signs of r_t, of 1 − r_t' and of r_t' − r_t, with the formula's 1 − r_t'² where it is told from 1. */
export interface Signs {
  readonly positive: boolean;
  readonly belowOne: boolean;
  readonly increasing: boolean;
  /** Whether the formula's enclosure of r_t'² overlaps 1 minus the identity's enclosure of 1 − r_t'². */
  readonly consistent: boolean;
}

const positive = (x: Interval) => x.lo.gt(0);

/** The signs at one precision; throws {@link Undecided} where an enclosure straddles 0. */
function signsAt(precision: number, beta2: string, t: number, later: number): Signs {
  const a = IntervalArithmetic.at(precision);
  const [one, two, four, eight] = [1, 2, 4, 8].map((k) => a.point(k)) as [Interval, Interval, Interval, Interval];
  const b = a.point(beta2);
  const rhoInf = a.sub(a.div(two, a.sub(one, b)), one);
  const h = (rho: Interval) => a.div(a.mul(a.sub(rho, four), a.sub(rho, two)), rho);
  const hInf = h(rhoInf);
  const gap = (s: number) => {
    const power = a.powInt(b, s);
    return { d: a.div(a.mul(a.point(2 * s), power), a.sub(one, power)), power };
  };
  const [first, second] = [gap(t), gap(later)];
  const [rho, rhoLater] = [a.sub(rhoInf, first.d), a.sub(rhoInf, second.d)];
  const squared = (r: Interval) => a.div(h(r), hInf);
  const oneMinus = a.div(a.mul(second.d, a.sub(one, a.div(eight, a.mul(rhoInf, rhoLater)))), hInf);
  const ratio = a.div(
    a.mul(a.mul(a.div(a.point(later), a.point(t)), a.powInt(b, later - t)), a.sub(one, first.power)),
    a.sub(one, second.power),
  );
  const rise = a.div(a.mul(a.mul(first.d, a.sub(one, ratio)), a.sub(one, a.div(eight, a.mul(rho, rhoLater)))), hInf);
  for (const x of [squared(rho), oneMinus, rise]) if (x.lo.lte(0) && x.hi.gte(0)) throw new Undecided('a sign');
  const direct = squared(rhoLater);
  return {
    positive: positive(squared(rho)),
    belowOne: positive(oneMinus),
    increasing: positive(rise),
    consistent: direct.lo.lte(a.sub(one, oneMinus).hi) && a.sub(one, oneMinus).lo.lte(direct.hi),
  };
}

/** The signs at the first precision that decides them all, or undefined when 1280 digits do not. */
export function signs(beta2: string, t: number, later: number): Signs | undefined {
  for (const p of PRECISIONS) {
    try {
      return signsAt(p, beta2, t, later);
    } catch (e) {
      if (!(e instanceof Undecided)) throw e;
    }
  }
  return undefined;
}

/** β2 with ρ∞ > 4 (β2 > 3/5): the defaults, and float32 values on the 2^−24 grid from 0.62 up. */
const beta2s = fc.oneof(
  fc.constantFrom('0.999', '0.9999', '0.99', '0.98', '0.95', '0.9', '0.8', '0.7', '0.65', '0.61'),
  fc.integer({ min: Math.ceil(0.62 * 2 ** 24), max: 2 ** 24 - 1 }).map((n) => exactText(n / 2 ** 24)),
);

/** A t from 0 to 10^6 − 1 steps past the first rectified one, log-uniform. */
const offset = fc.oneof(
  fc.integer({ min: 0, max: 20 }),
  fc.double({ min: 0, max: 6, noNaN: true }).map((e) => Math.floor(10 ** e) - 1),
);

/** The rectifier's range and monotonicity. */
export const rectifierClaims: readonly Claim[] = [
  {
    id: 'radam/rectifier',
    statement:
      "where the step is rectified (ρ_t > 4, β2 > 3/5), 0 < r_t < 1 and r_t < r_t' for t < t' ≤ 10^6: r_t increases towards 1",
    source: `${SOURCE} (section 4.2)`,
    on: 'oracle',
    expected: 'holds',
    check: (o) => {
      let judged = 0;
      let largest = 0;
      return checkProperty(
        {
          property: fc.property(beta2s, offset, fc.oneof(fc.constant(1), offset), (beta2, k, step) => {
            const start = firstRectified(beta2, 1000).four;
            if (start === undefined) return true;
            const t = Math.min(start + k, 10 ** 6 - 1);
            const later = Math.min(t + Math.max(1, step), 10 ** 6);
            const s = signs(beta2, t, later);
            if (s === undefined) return true;
            judged++;
            largest = Math.max(largest, later);
            return s.positive && s.belowOne && s.increasing && s.consistent;
          }),
          runs: 200,
          describe: ([beta2, k, step]) => [text('β2', beta2), int('k', k), int('step', step)],
          judged: () => judged,
          measured: () => `${judged} pairs (t, t') decided, t' up to ${largest}`,
        },
        o,
      );
    },
  },
];
