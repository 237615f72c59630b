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
import type { Configuration } from '../../../core/catalogue/index.js';
import type { Float32Arith, ScalarArith } from '../../../core/arith.js';

/** A penalty's elementwise computations. */
export interface PenaltyAlgorithm {
  readonly name: string;
  coefficients<S>(s: ScalarArith<S>, config: Configuration): Record<string, S>;
  /** The summand of the penalty for one weight. */
  term<T>(A: Float32Arith<T>, w: T, c: Readonly<Record<string, T>>): T;
  gradient<T>(A: Float32Arith<T>, w: T, c: Readonly<Record<string, T>>): T;
  /** The proximal step with step size α, where it has a closed form. */
  prox?<T>(A: Float32Arith<T>, w: T, c: Readonly<Record<string, T>>): T;
}

/** k = 1 under the `half` convention (λ/2 ‖w‖²), 2 under `full` (λ ‖w‖²). */
const k = (config: Configuration): number => (config.flags['convention'] === 'full' ? 2 : 1);

/** sign(w) max(|w| − τ, 0). */
function softThreshold<T>(A: Float32Arith<T>, w: T, tau: T, zero: T): T {
  return A.mul(A.sign(w), A.max(A.sub(A.abs(w), tau), zero));
}

export const l1Penalty: PenaltyAlgorithm = {
  name: 'l1',
  coefficients: (s, config) => ({
    lambda: s.hyper(config.hyper['lambda']!),
    threshold: s.mul(s.hyper(config.hyper['lr']!), s.hyper(config.hyper['lambda']!)),
    zero: s.integer(0),
  }),
  term: (A, w, c) => A.mul(c['lambda']!, A.abs(w)),
  gradient: (A, w, c) => A.mul(c['lambda']!, A.sign(w)),
  prox: (A, w, c) => softThreshold(A, w, c['threshold']!, c['zero']!),
};

function l2Coefficients<S>(s: ScalarArith<S>, config: Configuration, key: string): Record<string, S> {
  const lambda = s.hyper(config.hyper[key]!);
  const kLambda = s.mul(s.integer(k(config)), lambda);
  return {
    termFactor: s.div(kLambda, s.integer(2)),
    gradFactor: kLambda,
    proxDivisor: s.add(s.integer(1), s.mul(s.hyper(config.hyper['lr']!), kLambda)),
  };
}

export const l2Penalty: PenaltyAlgorithm = {
  name: 'l2',
  coefficients: (s, config) => l2Coefficients(s, config, 'lambda'),
  term: (A, w, c) => A.mul(c['termFactor']!, A.square(w)),
  gradient: (A, w, c) => A.mul(c['gradFactor']!, w),
  prox: (A, w, c) => A.div(w, c['proxDivisor']!),
};

export const elasticNetPenalty: PenaltyAlgorithm = {
  name: 'elastic-net',
  coefficients: (s, config) => {
    const lambda1 = s.hyper(config.hyper['lambda1']!);
    return {
      ...l2Coefficients(s, config, 'lambda2'),
      lambda1,
      threshold: s.mul(s.hyper(config.hyper['lr']!), lambda1),
      zero: s.integer(0),
    };
  },
  term: (A, w, c) => A.add(A.mul(c['lambda1']!, A.abs(w)), A.mul(c['termFactor']!, A.square(w))),
  gradient: (A, w, c) => A.add(A.mul(c['lambda1']!, A.sign(w)), A.mul(c['gradFactor']!, w)),
  prox: (A, w, c) => A.div(softThreshold(A, w, c['threshold']!, c['zero']!), c['proxDivisor']!),
};

export const smoothL1Penalty: PenaltyAlgorithm = {
  name: 'smooth-l1',
  coefficients: (s, config) => ({ lambda: s.hyper(config.hyper['lambda']!), eps: s.hyper(config.hyper['eps']!) }),
  term: (A, w, c) => A.mul(c['lambda']!, A.sqrt(A.add(A.square(w), c['eps']!))),
  gradient: (A, w, c) => A.mul(c['lambda']!, A.div(w, A.sqrt(A.add(A.square(w), c['eps']!)))),
};

/** The penalty algorithms by entry name. */
export const penaltyAlgorithms: Readonly<Record<string, PenaltyAlgorithm>> = {
  l1: l1Penalty,
  l2: l2Penalty,
  'elastic-net': elasticNetPenalty,
  'smooth-l1': smoothL1Penalty,
};
