/**
 * RAdam in float32 (Liu et al. 2019, arXiv:1908.03265, Algorithm 2), with g' = g + λ θ (PyTorch),
 * m' = b1 · m + c1 · g', v' = b2 · v + c2 · (g' · g'), and the step's scalars computed in float64 (as
 * PyTorch computes them in Python floats): bc1 = 1 − β1^t, bc2 = 1 − β2^t, ρ∞ = 2/(1 − β2) − 1,
 * ρ_t = ρ∞ − 2 t β2^t / bc2, r = √((ρ_t − 4)(ρ_t − 2) ρ∞ / ((ρ∞ − 4)(ρ∞ − 2) ρ_t)), each rounded once
 * to float32 where the float32 operations use it:
 *
 *   not rectified:                 θ' = θ − (m' / bc1) · α
 *   before-correction (torch/optim/radam.py 1.13):
 *                                  θ' = θ − (((m' / bc1) · α) · (√bc2 / (√v' + ε))) · r
 *   after-correction (optax/_src/transform.py scale_by_radam, then scale_by_learning_rate):
 *                                  θ' = θ − ((r · (m' / bc1)) / (√(v' / bc2 + ε_root) + ε)) · α
 *                                  (no + ε_root when it is 0: the same float32 value)
 *
 * The test on ρ_t (flag `threshold`) is made in float64. Where float64 and exact arithmetic could
 * disagree on it (|ρ_t − threshold| within ρ_t's float64 error), α carries the factor
 * (ρ_t − threshold)/(ρ_t − threshold): 1 exactly in float64, and no bound in the gate's analysis of
 * the coefficients, which then leaves the step outside the analysed domain.
 *
 * @module
 */
import type { ScalarArith } from '../../../core/arith.js';
import type { RadamSchema } from '../../../core/catalogue/rules/radam.js';
import { required } from '../../../core/required.js';
import { coupledGradient, movingAverage, weightDecayCoefficient, learningRate } from './common.js';
import type { ProductionRule } from './rule.js';

type Always = 'lr' | 'beta1' | 'beta2' | 'oneMinusBeta1' | 'oneMinusBeta2' | 'biasCorrection1' | 'eps';
type Sometimes = 'weightDecay' | 'rectifier' | 'biasCorrection2' | 'sqrtBiasCorrection2' | 'epsRoot';

const THRESHOLDS = { '>4': 4, '>5': 5, '>=5': 5 } as const;

/**
 * Whether ρ_t passes the threshold, by production's float64 value, and the factor 1 = d/d (d the
 * margin ρ_t − threshold) that makes the analysed bound of a coefficient infinite when that decision
 * is uncertain.
 */
function rectification<X>(s: ScalarArith<X>, margin: X, orEqual: boolean): { rectified: boolean; certain: X } {
  const d = s.valueOf(margin);
  return { rectified: d > 0 || (orEqual && d === 0), certain: s.div(margin, margin) };
}

/** RAdam's production step: the rectified or the momentum step, as the float64 test on ρ_t decides. */
export const radam: ProductionRule<RadamSchema, Always, Sometimes> = {
  kind: 'elementwise',
  initTensorSlots: () => ({}),
  coefficients(s, { hyper, flags, schedule }, t) {
    const one = s.integer(1);
    const two = s.integer(2);
    const four = s.integer(4);
    const beta1 = s.hyper(hyper.beta1);
    const beta2 = s.hyper(hyper.beta2);
    const oneMinusBeta2 = s.sub(one, beta2);
    const beta2Power = s.powInt(beta2, t);
    const bc2 = s.sub(one, beta2Power);
    const rhoInf = s.sub(s.div(two, oneMinusBeta2), one);
    const rho = s.sub(rhoInf, s.div(s.mul(s.integer(2 * t), beta2Power), bc2));
    const margin = s.sub(rho, s.integer(THRESHOLDS[flags.threshold]));
    const { rectified, certain } = rectification(s, margin, flags.threshold === '>=5');
    const c = {
      lr: s.mul(learningRate(s, hyper.lr, schedule, t), certain),
      beta1,
      beta2,
      oneMinusBeta1: s.sub(one, beta1),
      oneMinusBeta2,
      biasCorrection1: s.sub(one, s.powInt(beta1, t)),
      eps: s.hyper(hyper.eps),
      ...weightDecayCoefficient(s, hyper.weightDecay),
      ...(hyper.epsRoot === undefined || Number(hyper.epsRoot) === 0 ? {} : { epsRoot: s.hyper(hyper.epsRoot) }),
    };
    if (!rectified) return c;
    const numerator = s.mul(s.mul(s.sub(rho, four), s.sub(rho, two)), rhoInf);
    const denominator = s.mul(s.mul(s.sub(rhoInf, four), s.sub(rhoInf, two)), rho);
    const rectifier = s.sqrt(s.div(numerator, denominator));
    return flags.epsPlacement === 'before-correction'
      ? { ...c, rectifier, sqrtBiasCorrection2: s.sqrt(bc2) }
      : { ...c, rectifier, biasCorrection2: bc2 };
  },
  step(A, { param, grad, slots }, c, { hyper }) {
    const g = coupledGradient(A, grad, param, c.weightDecay, hyper.weightDecay);
    const m = movingAverage(A, c.beta1, c.oneMinusBeta1, slots.m, g);
    const v = movingAverage(A, c.beta2, c.oneMinusBeta2, slots.v, A.square(g));
    const mHat = A.div(m, c.biasCorrection1);
    const r = c.rectifier;
    if (r === undefined) return { param: A.sub(param, A.mul(mHat, c.lr)), slots: { m, v } };
    if (c.sqrtBiasCorrection2 !== undefined) {
      const adaptive = A.div(c.sqrtBiasCorrection2, A.add(A.sqrt(v), c.eps));
      return { param: A.sub(param, A.mul(A.mul(A.mul(mHat, c.lr), adaptive), r)), slots: { m, v } };
    }
    const vHat = A.div(v, required(c.biasCorrection2, 'biasCorrection2'));
    const root = A.sqrt(c.epsRoot === undefined ? vHat : A.add(vHat, c.epsRoot));
    return { param: A.sub(param, A.mul(A.div(A.mul(r, mHat), A.add(root, c.eps)), c.lr)), slots: { m, v } };
  },
};
