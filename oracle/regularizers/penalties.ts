/**
 * The penalties, exact (enclosures of the float32 weights and the hyperparameters as written), each
 * output certified correctly rounded to float32 by Ziv's strategy ({@link certifyStaged}: binary64
 * enclosures first, the exact stages and the decimal ladder where they leave the rounding open), one
 * formula per penalty serving every stage. With k = 1 for λ/2 ‖w‖² (`half`) and
 * k = 2 for λ ‖w‖² (`full`), S_τ(w) = sign(w) max(|w| − τ, 0):
 *
 *   l1:           λ Σ |w|;                 λ sign(w) (0 at w = 0);             S_{αλ}(w)
 *   l2:           (kλ/2) Σ w²;             kλ w;                                w / (1 + αkλ)
 *   elastic-net:  λ1 Σ |w| + (kλ2/2) Σ w²; λ1 sign(w) + kλ2 w;                  S_{αλ1}(w) / (1 + αkλ2)
 *   smooth-l1:    λ Σ √(w² + ε);           λ w / √(w² + ε)
 *
 * Each penalty is an {@link ExactPenalty} object; the registry pairs it with its catalogue entry and
 * its production algorithm.
 *
 * @module
 */
import type { Arithmetic, Enclosure } from '../enclosure.js';
import { IntervalArithmetic, type Interval } from '../interval.js';
import { certifyStaged } from '../staged.js';
import { checkEntry, uncertifiedAt } from '../marks.js';
import type { AnySchema, Configuration, Schema, UncertifiedElement } from '../../core/catalogue/index.js';
import type {
  ElasticNetSchema,
  L1Schema,
  L2Schema,
  SmoothL1Schema,
} from '../../core/catalogue/regularizers/penalties.js';
import { required } from '../../core/required.js';

/** A penalty's exact coefficients by name. */
export type ExactCoefficients<C extends string> = { readonly [K in C]: Enclosure };

/**
 * One penalty's exact formulas, typed by its entry's schema `S` and its coefficients' names `C`:
 * the coefficients from the hyperparameters, then the term, gradient and (where it has a closed form)
 * proximal step of one weight, all at the precision of the arithmetic `a`.
 */
export interface ExactPenalty<S extends Schema = AnySchema, C extends string = string> {
  /** The catalogue entry it computes. */
  readonly name: string;
  coefficients(a: Arithmetic, config: Configuration<S>): ExactCoefficients<C>;
  /** The summand of the penalty for one weight. */
  term(a: Arithmetic, w: Enclosure, c: ExactCoefficients<C>): Enclosure;
  gradient(a: Arithmetic, w: Enclosure, c: ExactCoefficients<C>): Enclosure;
  /** The proximal step with step size α, where it has a closed form. */
  prox?(a: Arithmetic, w: Enclosure, c: ExactCoefficients<C>): Enclosure;
}

/** The oracle's outputs on a weight vector. */
export type PenaltyOracleOutputs = {
  penalty: Float32Array;
  gradient: Float32Array;
  prox?: Float32Array;
  uncertified: UncertifiedElement[];
};

/** sign(w): −1, 0 or 1, with 0 at w = ±0 (a weight is an exact point, so every arithmetic tells). */
function signOf(a: Arithmetic, w: Enclosure): Enclosure {
  return a.point(a.isZero(w) ? 0 : a.isNegative(w) ? -1 : 1);
}

function softThreshold(a: Arithmetic, w: Enclosure, tau: Enclosure): Enclosure {
  return a.mul(signOf(a, w), a.max(a.sub(a.abs(w), tau), a.point(0)));
}

/** L1: λ |w| per weight. */
export const l1Exact: ExactPenalty<L1Schema, 'lambda' | 'threshold'> = {
  name: 'l1',
  coefficients: (a, { hyper }) => ({
    lambda: a.point(hyper.lambda),
    threshold: a.mul(a.point(hyper.lr), a.point(hyper.lambda)),
  }),
  term: (a, w, c) => a.mul(c.lambda, a.abs(w)),
  gradient: (a, w, c) => a.mul(c.lambda, signOf(a, w)),
  prox: (a, w, c) => softThreshold(a, w, c.threshold),
};

type L2Coefficient = 'half' | 'kLambda' | 'divisor';

/** kλ/2, kλ and 1 + αkλ for strength λ and step size α (decimal text) and L2's convention. */
function l2Coefficients(
  a: Arithmetic,
  lambda: string,
  lr: string,
  convention: 'half' | 'full',
): ExactCoefficients<L2Coefficient> {
  const kLambda = a.mul(a.point(convention === 'full' ? 2 : 1), a.point(lambda));
  return { half: a.div(kLambda, a.point(2)), kLambda, divisor: a.add(a.point(1), a.mul(a.point(lr), kLambda)) };
}

/** L2: (kλ/2) w² per weight. */
export const l2Exact: ExactPenalty<L2Schema, L2Coefficient> = {
  name: 'l2',
  coefficients: (a, { hyper, flags }) => l2Coefficients(a, hyper.lambda, hyper.lr, flags.convention),
  term: (a, w, c) => a.mul(c.half, a.square(w)),
  gradient: (a, w, c) => a.mul(c.kLambda, w),
  prox: (a, w, c) => a.div(w, c.divisor),
};

/** The elastic net: λ1 |w| + (kλ2/2) w² per weight. */
export const elasticNetExact: ExactPenalty<ElasticNetSchema, L2Coefficient | 'lambda1' | 'threshold'> = {
  name: 'elastic-net',
  coefficients: (a, { hyper, flags }) => ({
    ...l2Coefficients(a, hyper.lambda2, hyper.lr, flags.convention),
    lambda1: a.point(hyper.lambda1),
    threshold: a.mul(a.point(hyper.lr), a.point(hyper.lambda1)),
  }),
  term: (a, w, c) => a.add(a.mul(c.lambda1, a.abs(w)), a.mul(c.half, a.square(w))),
  gradient: (a, w, c) => a.add(a.mul(c.lambda1, signOf(a, w)), a.mul(c.kLambda, w)),
  prox: (a, w, c) => a.div(softThreshold(a, w, c.threshold), c.divisor),
};

/** The smooth approximation of L1: λ √(w² + ε) per weight; no closed-form proximal step. */
export const smoothL1Exact: ExactPenalty<SmoothL1Schema, 'lambda' | 'eps'> = {
  name: 'smooth-l1',
  coefficients: (a, { hyper }) => ({ lambda: a.point(hyper.lambda), eps: a.point(hyper.eps) }),
  term: (a, w, c) => a.mul(c.lambda, a.sqrt(a.add(a.square(w), c.eps))),
  gradient: (a, w, c) => a.mul(c.lambda, a.div(w, a.sqrt(a.add(a.square(w), c.eps)))),
};

/** The point enclosure of a weight: a float32 taken exactly, or decimal text. */
const weight = (a: Arithmetic, w: string | number): Enclosure =>
  typeof w === 'number' ? a.fromFloat32(w) : a.point(w);

/**
 * The penalty, gradient and proximal step of the weights under `config` (a configuration of
 * `exact`'s penalty), each correctly rounded to float32, and the elements left uncertified. Each
 * weight's gradient and proximal step are certified together, then the penalty Σ term(w) over every
 * weight; each certification counts under the penalty's name in the oracle's stage statistics.
 */
export function penaltyOracle(exact: ExactPenalty, config: Configuration, w: Float32Array): PenaltyOracleOutputs {
  checkEntry(exact.name, [exact.name], config);
  const uncertified: UncertifiedElement[] = [];
  const gradient = new Float32Array(w.length);
  const prox = exact.prox ? new Float32Array(w.length) : undefined;
  w.forEach((x, i) => {
    const r = certifyStaged<string>(exact.name, (a) => {
      const c = exact.coefficients(a, config);
      const W = a.fromFloat32(x);
      const out: Record<string, Enclosure> = { gradient: exact.gradient(a, W, c) };
      if (exact.prox) out['prox'] = exact.prox(a, W, c);
      return out;
    });
    gradient[i] = required(r.values['gradient'], 'the certified gradient');
    if (prox) prox[i] = required(r.values['prox'], 'the certified proximal step');
    uncertified.push(...uncertifiedAt(r, i));
  });
  const total = certifyStaged(exact.name, (a) => {
    const c = exact.coefficients(a, config);
    return { penalty: w.reduce((sum: Enclosure, x) => a.add(sum, exact.term(a, a.fromFloat32(x), c)), a.point(0)) };
  });
  uncertified.push(...uncertifiedAt(total, 0));
  return { penalty: Float32Array.of(total.values.penalty), gradient, ...(prox ? { prox } : {}), uncertified };
}

/** The exact penalty (not rounded) of `exact` under `config`, for properties about the real numbers. */
export function exactPenaltyValue(
  exact: ExactPenalty,
  config: Configuration,
  w: readonly (string | number)[],
  precision = 60,
): Interval {
  const a = IntervalArithmetic.at(precision);
  const c = exact.coefficients(a, config);
  return w.reduce<Interval>((sum, x) => a.add(sum, exact.term(a, weight(a, x), c) as Interval), a.point(0));
}

/** The exact proximal step of one weight (not rounded); a penalty without a closed form for it is a RangeError. */
export function exactProx(exact: ExactPenalty, config: Configuration, w: string | number, precision = 60): Interval {
  if (!exact.prox) throw new RangeError(`${exact.name} has no closed-form proximal step`);
  const a = IntervalArithmetic.at(precision);
  return exact.prox(a, weight(a, w), exact.coefficients(a, config)) as Interval;
}
