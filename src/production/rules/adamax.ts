/**
 * AdaMax in float32 (Kingma & Ba 2015, section 7.1): g' = g + λ θ (PyTorch), m' = b1 · m + c1 · g',
 * u' = max(b2 · u, |g'|) (PyTorch: |g'| + ε), θ' = θ − s · (m' / u') (Keras, tfjs: m' / (u' + ε)), with
 * s = α_t / (1 − β1^t) in float64 and β1^t from Math.pow or tfjs's float32 running product.
 *
 * @module
 */
import { coupledGradient, hyperCoefficients, movingAverage } from './common.js';
import type { ProductionRule } from './rule.js';

export const adamax: ProductionRule = {
  name: 'adamax',
  initTensorSlots(s, config) {
    const slots: Record<string, ReturnType<typeof s.integer>> = {};
    if (config.flags['biasCorrection'] === 'running-product') slots['b1pow'] = s.hyper(config.hyper['beta1']!);
    return slots;
  },
  coefficients(s, config, t, tensorSlots) {
    const c = hyperCoefficients(s, config);
    const one = s.integer(1);
    c['oneMinusBeta1'] = s.sub(one, c['beta1']!);
    const power =
      config.flags['biasCorrection'] === 'running-product'
        ? s.float32(tensorSlots['b1pow']!)
        : s.powInt(c['beta1']!, t);
    const lr = c['decay'] === undefined ? c['lr']! : s.div(c['lr']!, s.add(one, s.mul(c['decay'], s.integer(t - 1))));
    c['stepSize'] = s.div(lr, s.sub(one, power));
    return c;
  },
  step(A, { param, grad, slots }, c, config) {
    const placement = config.flags['epsPlacement'];
    const g = coupledGradient(A, grad, param, c, config);
    const m = movingAverage(A, c['beta1']!, c['oneMinusBeta1']!, slots['m']!, g);
    const magnitude = placement === 'in-max' ? A.add(A.abs(g), c['eps']!) : A.abs(g);
    const u = A.max(A.mul(c['beta2']!, slots['u']!), magnitude);
    const denominator = placement === 'denominator' ? A.add(u, c['eps']!) : u;
    const next: Record<string, typeof m> = { m, u };
    if (config.flags['biasCorrection'] === 'running-product') next['b1pow'] = A.mul(slots['b1pow']!, c['beta1']!);
    return { param: A.sub(param, A.mul(c['stepSize']!, A.div(m, denominator))), slots: next };
  },
};
