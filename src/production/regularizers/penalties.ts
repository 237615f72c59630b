/**
 * The penalties in float32, written once against {@link Float32Arith} (elementwise) and
 * {@link ScalarArith} (coefficients, float64 then rounded once to float32), so that the gate derives
 * their error bounds from the same code. With k = 1 (half) or 2 (full) for L2's convention:
 *
 *   l1:           term λ |w|,                gradient λ sign(w),                prox sign(w) max(|w| − αλ, 0)
 *   l2:           term (kλ/2) w²,            gradient (kλ) w,                   prox w / (1 + αkλ)
 *   elastic-net:  term λ1 |w| + (kλ2/2) w²,  gradient λ1 sign(w) + (kλ2) w,     prox sign(w) max(|w| − αλ1, 0) / (1 + αkλ2)
 *   smooth-l1:    term λ √(w² + ε),          gradient λ w / √(w² + ε)
 *
 * The penalty is the sum of the terms (tf.sum: any order of float32 additions, or float64 ones).
 *
 * @module
 */
import type { AnySchema, Configuration, Schema } from '../../../core/catalogue/index.js';
import type {
  ElasticNetSchema,
  L1Schema,
  L2Schema,
  SmoothL1Schema,
} from '../../../core/catalogue/regularizers/penalties.js';
import type { Float32Arith, ScalarArith } from '../../../core/arith.js';

/** A penalty's coefficients by name. */
export type PenaltyCoefficients<C extends string, X> = { readonly [K in C]: X };

/**
 * A penalty's elementwise computations, typed by its entry's schema `S` and its coefficients' names
 * `C`. Whether it has a closed-form proximal step is whether `prox` is present.
 */
export interface PenaltyAlgorithm<S extends Schema = AnySchema, C extends string = string> {
  /** The catalogue entry it implements. */
  readonly name: string;
  /** Its float64 coefficients from the hyperparameters. */
  coefficients<X>(s: ScalarArith<X>, config: Configuration<S>): PenaltyCoefficients<C, X>;
  /** The summand of the penalty for one weight. */
  term<T>(A: Float32Arith<T>, w: T, c: PenaltyCoefficients<C, T>): T;
  gradient<T>(A: Float32Arith<T>, w: T, c: PenaltyCoefficients<C, T>): T;
  /** The proximal step with step size α, where it has a closed form. */
  prox?<T>(A: Float32Arith<T>, w: T, c: PenaltyCoefficients<C, T>): T;
}

/** k = 1 under the `half` convention (λ/2 ‖w‖²), 2 under `full` (λ ‖w‖²). */
const k = (convention: 'half' | 'full'): number => (convention === 'full' ? 2 : 1);

/** sign(w) max(|w| − τ, 0). */
function softThreshold<T>(A: Float32Arith<T>, w: T, tau: T, zero: T): T {
  return A.mul(A.sign(w), A.max(A.sub(A.abs(w), tau), zero));
}

/** L1: λ |w| per weight. */
export const l1Penalty: PenaltyAlgorithm<L1Schema, 'lambda' | 'threshold' | 'zero'> = {
  name: 'l1',
  coefficients: (s, { hyper }) => ({
    lambda: s.hyper(hyper.lambda),
    threshold: s.mul(s.hyper(hyper.lr), s.hyper(hyper.lambda)),
    zero: s.integer(0),
  }),
  term: (A, w, c) => A.mul(c.lambda, A.abs(w)),
  gradient: (A, w, c) => A.mul(c.lambda, A.sign(w)),
  prox: (A, w, c) => softThreshold(A, w, c.threshold, c.zero),
};

type L2Coefficient = 'termFactor' | 'gradFactor' | 'proxDivisor';

/** kλ/2, kλ and 1 + αkλ for strength λ (decimal text), step size α and L2's convention. */
function l2Coefficients<X>(
  s: ScalarArith<X>,
  lambdaText: string,
  lr: string,
  convention: 'half' | 'full',
): PenaltyCoefficients<L2Coefficient, X> {
  const lambda = s.hyper(lambdaText);
  const kLambda = s.mul(s.integer(k(convention)), lambda);
  return {
    termFactor: s.div(kLambda, s.integer(2)),
    gradFactor: kLambda,
    proxDivisor: s.add(s.integer(1), s.mul(s.hyper(lr), kLambda)),
  };
}

/** L2: (kλ/2) w² per weight. */
export const l2Penalty: PenaltyAlgorithm<L2Schema, L2Coefficient> = {
  name: 'l2',
  coefficients: (s, { hyper, flags }) => l2Coefficients(s, hyper.lambda, hyper.lr, flags.convention),
  term: (A, w, c) => A.mul(c.termFactor, A.square(w)),
  gradient: (A, w, c) => A.mul(c.gradFactor, w),
  prox: (A, w, c) => A.div(w, c.proxDivisor),
};

/** The elastic net: λ1 |w| + (kλ2/2) w² per weight. */
export const elasticNetPenalty: PenaltyAlgorithm<ElasticNetSchema, L2Coefficient | 'lambda1' | 'threshold' | 'zero'> = {
  name: 'elastic-net',
  coefficients: (s, { hyper, flags }) => {
    const lambda1 = s.hyper(hyper.lambda1);
    return {
      ...l2Coefficients(s, hyper.lambda2, hyper.lr, flags.convention),
      lambda1,
      threshold: s.mul(s.hyper(hyper.lr), lambda1),
      zero: s.integer(0),
    };
  },
  term: (A, w, c) => A.add(A.mul(c.lambda1, A.abs(w)), A.mul(c.termFactor, A.square(w))),
  gradient: (A, w, c) => A.add(A.mul(c.lambda1, A.sign(w)), A.mul(c.gradFactor, w)),
  prox: (A, w, c) => A.div(softThreshold(A, w, c.threshold, c.zero), c.proxDivisor),
};

/** The smooth approximation of L1: λ √(w² + ε) per weight; no closed-form proximal step. */
export const smoothL1Penalty: PenaltyAlgorithm<SmoothL1Schema, 'lambda' | 'eps'> = {
  name: 'smooth-l1',
  coefficients: (s, { hyper }) => ({ lambda: s.hyper(hyper.lambda), eps: s.hyper(hyper.eps) }),
  term: (A, w, c) => A.mul(c.lambda, A.sqrt(A.add(A.square(w), c.eps))),
  gradient: (A, w, c) => A.mul(c.lambda, A.div(w, A.sqrt(A.add(A.square(w), c.eps)))),
};
