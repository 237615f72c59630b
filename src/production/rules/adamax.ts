/**
 * AdaMax in float32 (Kingma & Ba 2015, section 7.1): g' = g + λ θ (PyTorch), m' = b1 · m + c1 · g',
 * u' = max(b2 · u, |g'|) (PyTorch: |g'| + ε), θ' = θ − s · (m' / u') (Keras, tfjs: m' / (u' + ε)), with
 * s = α_t / (1 − β1^t) in float64, α_t = α / (1 + η (t − 1)) (tfjs) or α, and β1^t from Math.pow or
 * tfjs's float32 running product.
 *
 * @module
 */
import type { AdamaxSchema } from '../../../core/catalogue/rules/adamax.js';
import { required } from '../../../core/required.js';
import { coupledGradient, movingAverage, weightDecayCoefficient, learningRate } from './common.js';
import type { ProductionRule } from './rule.js';

type Always = 'beta1' | 'oneMinusBeta1' | 'beta2' | 'stepSize';
type Sometimes = 'eps' | 'weightDecay';

/** AdaMax's production step, with ε where the flag `epsPlacement` puts it. */
export const adamax: ProductionRule<AdamaxSchema, Always, Sometimes> = {
  kind: 'elementwise',
  initTensorSlots(s, { hyper, flags }) {
    if (flags.biasCorrection !== 'running-product') return {};
    return { b1pow: s.hyper(hyper.beta1) };
  },
  coefficients(s, { hyper, flags, schedule }, t, tensorSlots) {
    const one = s.integer(1);
    const beta1 = s.hyper(hyper.beta1);
    const lr = learningRate(s, hyper.lr, schedule, t);
    const power =
      flags.biasCorrection === 'running-product' ? s.float32(required(tensorSlots.b1pow, 'b1pow')) : s.powInt(beta1, t);
    const decayed =
      hyper.decay === undefined ? lr : s.div(lr, s.add(one, s.mul(s.hyper(hyper.decay), s.integer(t - 1))));
    return {
      beta1,
      oneMinusBeta1: s.sub(one, beta1),
      beta2: s.hyper(hyper.beta2),
      stepSize: s.div(decayed, s.sub(one, power)),
      ...(hyper.eps === undefined ? {} : { eps: s.hyper(hyper.eps) }),
      ...weightDecayCoefficient(s, hyper.weightDecay),
    };
  },
  step(A, { param, grad, slots }, c, { hyper, flags }) {
    const placement = flags.epsPlacement;
    const g = coupledGradient(A, grad, param, c.weightDecay, hyper.weightDecay);
    const m = movingAverage(A, c.beta1, c.oneMinusBeta1, slots.m, g);
    const magnitude = placement === 'in-max' ? A.add(A.abs(g), required(c.eps, 'eps')) : A.abs(g);
    const u = A.max(A.mul(c.beta2, slots.u), magnitude);
    const denominator = placement === 'denominator' ? A.add(u, required(c.eps, 'eps')) : u;
    const next =
      flags.biasCorrection === 'running-product'
        ? { m, u, b1pow: A.mul(required(slots.b1pow, 'b1pow'), c.beta1) }
        : { m, u };
    return { param: A.sub(param, A.mul(c.stepSize, A.div(m, denominator))), slots: next };
  },
};
