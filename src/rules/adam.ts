/**
 * Adam in float32 (Kingma & Ba 2015, Algorithm 1; the efficient form of section 2 for Keras):
 *
 *   m' = b1 · m + c1 · g,   v' = b2 · v + c2 · (g · g),
 *   algorithm1:  θ' = θ − (α/(1 − β1^t)) · m' / (√v' / √(1 − β2^t) + ε)   (PyTorch's order of operations)
 *   efficient:   θ' = θ − (α √(1 − β2^t)/(1 − β1^t)) · m' / (√v' + ε)      (Keras 3's)
 *
 * where b1 = float32(β1), c1 = float32(1 − β1) and the step sizes are computed in float64 and rounded
 * once to float32. β^t is Math.pow(β, t), or the float32 state slot under `running-product`
 * (TensorFlow.js), which the step multiplies by float32(β) in float32.
 *
 * @module
 */
import type { ProductionRule } from './rule.js';

export const adam: ProductionRule = {
  name: 'adam',
  initTensorSlots(s, config) {
    const slots: Record<string, ReturnType<typeof s.integer>> = {};
    if (config.flags['biasCorrection'] === 'running-product') {
      slots['b1pow'] = s.hyper(config.hyper['beta1']!);
      slots['b2pow'] = s.hyper(config.hyper['beta2']!);
    }
    return slots;
  },
  coefficients(s, config, t, tensorSlots) {
    const h = config.hyper;
    const beta1 = s.hyper(h['beta1']!);
    const beta2 = s.hyper(h['beta2']!);
    const lr = s.hyper(h['lr']!);
    const one = s.integer(1);
    const running = config.flags['biasCorrection'] === 'running-product';
    const bc1 = s.sub(one, running ? s.float32(tensorSlots['b1pow']!) : s.powInt(beta1, t));
    const bc2 = s.sub(one, running ? s.float32(tensorSlots['b2pow']!) : s.powInt(beta2, t));
    const common = { beta1, beta2, oneMinusBeta1: s.sub(one, beta1), oneMinusBeta2: s.sub(one, beta2), eps: s.hyper(h['eps']!) };
    if (config.flags['form'] === 'efficient') return { ...common, stepSize: s.div(s.mul(lr, s.sqrt(bc2)), bc1) };
    return { ...common, stepSize: s.div(lr, bc1), sqrtBc2: s.sqrt(bc2) };
  },
  step(A, { param, grad, slots }, c, config) {
    const m = A.add(A.mul(c['beta1']!, slots['m']!), A.mul(c['oneMinusBeta1']!, grad));
    const v = A.add(A.mul(c['beta2']!, slots['v']!), A.mul(c['oneMinusBeta2']!, A.square(grad)));
    const root = A.sqrt(v);
    const denominator = A.add(c['sqrtBc2'] === undefined ? root : A.div(root, c['sqrtBc2']), c['eps']!);
    const next: Record<string, typeof m> = { m, v };
    if (config.flags['biasCorrection'] === 'running-product') {
      next['b1pow'] = A.mul(slots['b1pow']!, c['beta1']!);
      next['b2pow'] = A.mul(slots['b2pow']!, c['beta2']!);
    }
    return { param: A.sub(param, A.div(A.mul(c['stepSize']!, m), denominator)), slots: next };
  },
};
