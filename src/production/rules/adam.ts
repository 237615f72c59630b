/**
 * Adam, AMSGrad and AdamW in float32 (Kingma & Ba 2015, Algorithm 1; the efficient form of section 2
 * for Keras; Reddi et al. 2018; Loshchilov & Hutter 2019):
 *
 *   g' = g + λ θ (coupled),  m' = b1 · m + c1 · g',  v' = b2 · v + c2 · (g' · g'),  w = max(vmax, v') or v'
 *   algorithm1:  θ' = θ* − (α/(1 − β1^t)) · m' / (√w / √(1 − β2^t) + ε)   (PyTorch's order of operations)
 *   efficient:   θ' = θ* − (α √(1 − β2^t)/(1 − β1^t)) · m' / (√w + ε)      (Keras 3's)
 *   θ* = θ, or θ · (1 − α λ) under decoupled decay; the paper's AdamW subtracts λ · θ at the end.
 *
 * b1 = float32(β1), c1 = float32(1 − β1); step sizes are computed in float64 and rounded once to
 * float32. β^t is Math.pow(β, t), or the float32 state slot under `running-product` (TensorFlow.js),
 * which the step multiplies by float32(β) in float32.
 *
 * @module
 */
import { coupledGradient, movingAverage } from './common.js';
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
    const correction = config.flags['biasCorrection'];
    const power = (beta: typeof one, slot: string) =>
      correction === 'running-product' ? s.float32(tensorSlots[slot]!) : s.powInt(beta, t);
    const c: Record<string, typeof one> = {
      beta1,
      beta2,
      oneMinusBeta1: s.sub(one, beta1),
      oneMinusBeta2: s.sub(one, beta2),
      eps: s.hyper(h['eps']!),
    };
    if (h['weightDecay'] !== undefined) {
      c['weightDecay'] = s.hyper(h['weightDecay']);
      if (config.flags['weightDecay'] === 'decoupled') c['decayFactor'] = s.sub(one, s.mul(lr, c['weightDecay']));
    }
    if (correction === 'none') return { ...c, stepSize: lr };
    const bc1 = s.sub(one, power(beta1, 'b1pow'));
    const bc2 = s.sub(one, power(beta2, 'b2pow'));
    if (config.flags['form'] === 'efficient') return { ...c, stepSize: s.div(s.mul(lr, s.sqrt(bc2)), bc1) };
    return { ...c, stepSize: s.div(lr, bc1), sqrtBc2: s.sqrt(bc2) };
  },
  step(A, { param, grad, slots }, c, config) {
    const decay = config.flags['weightDecay'];
    const g = decay === 'coupled' ? coupledGradient(A, grad, param, c, config) : grad;
    const m = movingAverage(A, c['beta1']!, c['oneMinusBeta1']!, slots['m']!, g);
    const v = movingAverage(A, c['beta2']!, c['oneMinusBeta2']!, slots['v']!, A.square(g));
    const next: Record<string, typeof m> = { m, v };
    let w = v;
    if (config.flags['amsgrad'] === true) {
      w = A.max(slots['vmax']!, v);
      next['vmax'] = w;
    }
    const root = A.sqrt(w);
    const denominator = A.add(c['sqrtBc2'] === undefined ? root : A.div(root, c['sqrtBc2']), c['eps']!);
    const update = A.div(A.mul(c['stepSize']!, m), denominator);
    if (config.flags['biasCorrection'] === 'running-product') {
      next['b1pow'] = A.mul(slots['b1pow']!, c['beta1']!);
      next['b2pow'] = A.mul(slots['b2pow']!, c['beta2']!);
    }
    if (c['decayFactor'] !== undefined) return { param: A.sub(A.mul(param, c['decayFactor']), update), slots: next };
    if (decay === 'decoupled-unscaled' && c['weightDecay'] !== undefined) {
      return { param: A.sub(A.sub(param, update), A.mul(c['weightDecay'], param)), slots: next };
    }
    return { param: A.sub(param, update), slots: next };
  },
};
