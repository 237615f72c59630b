/**
 * Adam, AMSGrad and AdamW in float32 (Kingma & Ba 2015, Algorithm 1; the efficient form of section 2
 * for Keras; Reddi et al. 2018; Loshchilov & Hutter 2019):
 *
 *   g' = g + λ θ (coupled),  m' = b1 · m + c1 · g',  v' = b2 · v + c2 · (g' · g'),  w = max(vmax, v') or v'
 *   algorithm1:  θ' = θ* − (α/(1 − β1^t)) · m' / (√w / √(1 − β2^t) + ε)   (PyTorch's order of operations)
 *   efficient:   θ' = θ* − (α √(1 − β2^t)/(1 − β1^t)) · m' / (√w + ε)      (Keras 3's)
 *   θ* = θ, or θ · (1 − α λ) under decoupled decay (PyTorch's), or θ − (θ · λ) · α under decoupled-before
 *   (Keras 3's base_optimizer.py `_apply_weight_decay`, TensorFlow backend; λ and α each cast to float32,
 *   skipped when λ = 0); the paper's AdamW subtracts λ · θ at the end.
 *
 * b1 = float32(β1), c1 = float32(1 − β1); step sizes are computed in float64 and rounded once to
 * float32. β^t is Math.pow(β, t), or the float32 state slot under `running-product` (TensorFlow.js),
 * which the step multiplies by float32(β) in float32.
 *
 * @module
 */
import type { AdamSchema } from '../../../core/catalogue/rules/adam.js';
import { required } from '../../../core/required.js';
import { coupledGradient, movingAverage, learningRate } from './common.js';
import type { ProductionRule } from './rule.js';

type Always = 'beta1' | 'beta2' | 'oneMinusBeta1' | 'oneMinusBeta2' | 'eps' | 'stepSize';
type Sometimes = 'weightDecay' | 'decayFactor' | 'decayLr' | 'sqrtBc2';

/** Adam's production step (AMSGrad and AdamW by flags). */
export const adam: ProductionRule<AdamSchema, Always, Sometimes> = {
  kind: 'elementwise',
  initTensorSlots(s, { hyper, flags }) {
    if (flags.biasCorrection !== 'running-product') return {};
    return { b1pow: s.hyper(hyper.beta1), b2pow: s.hyper(hyper.beta2) };
  },
  coefficients(s, { hyper, flags, schedule }, t, tensorSlots) {
    const beta1 = s.hyper(hyper.beta1);
    const beta2 = s.hyper(hyper.beta2);
    const lr = learningRate(s, hyper.lr, schedule, t);
    const one = s.integer(1);
    const power = (beta: typeof one, slot: 'b1pow' | 'b2pow') =>
      flags.biasCorrection === 'running-product' ? s.float32(required(tensorSlots[slot], slot)) : s.powInt(beta, t);
    const weightDecay = hyper.weightDecay === undefined ? undefined : s.hyper(hyper.weightDecay);
    const c = {
      beta1,
      beta2,
      oneMinusBeta1: s.sub(one, beta1),
      oneMinusBeta2: s.sub(one, beta2),
      eps: s.hyper(hyper.eps),
      ...(weightDecay === undefined ? {} : { weightDecay }),
      ...(weightDecay !== undefined && flags.weightDecay === 'decoupled'
        ? { decayFactor: s.sub(one, s.mul(lr, weightDecay)) }
        : {}),
      ...(flags.weightDecay === 'decoupled-before' && weightDecay !== undefined && Number(hyper.weightDecay) !== 0
        ? { decayLr: lr }
        : {}),
    };
    if (flags.biasCorrection === 'none') return { ...c, stepSize: lr };
    const bc1 = s.sub(one, power(beta1, 'b1pow'));
    const bc2 = s.sub(one, power(beta2, 'b2pow'));
    if (flags.form === 'efficient') return { ...c, stepSize: s.div(s.mul(lr, s.sqrt(bc2)), bc1) };
    return { ...c, stepSize: s.div(lr, bc1), sqrtBc2: s.sqrt(bc2) };
  },
  step(A, { param, grad, slots }, c, config) {
    const { flags } = config;
    const g =
      flags.weightDecay === 'coupled' ? coupledGradient(A, grad, param, c.weightDecay, config.hyper.weightDecay) : grad;
    const m = movingAverage(A, c.beta1, c.oneMinusBeta1, slots.m, g);
    const v = movingAverage(A, c.beta2, c.oneMinusBeta2, slots.v, A.square(g));
    const w = flags.amsgrad ? A.max(required(slots.vmax, 'vmax'), v) : v;
    const root = A.sqrt(w);
    const denominator = A.add(c.sqrtBc2 === undefined ? root : A.div(root, c.sqrtBc2), c.eps);
    const update = A.div(A.mul(c.stepSize, m), denominator);
    const next = {
      m,
      v,
      ...(flags.amsgrad ? { vmax: w } : {}),
      ...(flags.biasCorrection === 'running-product'
        ? {
            b1pow: A.mul(required(slots.b1pow, 'b1pow'), c.beta1),
            b2pow: A.mul(required(slots.b2pow, 'b2pow'), c.beta2),
          }
        : {}),
    };
    if (c.decayFactor !== undefined) return { param: A.sub(A.mul(param, c.decayFactor), update), slots: next };
    if (c.decayLr !== undefined && c.weightDecay !== undefined) {
      const decayed = A.sub(param, A.mul(A.mul(param, c.weightDecay), c.decayLr));
      return { param: A.sub(decayed, update), slots: next };
    }
    if (flags.weightDecay === 'decoupled-unscaled' && c.weightDecay !== undefined) {
      return { param: A.sub(A.sub(param, update), A.mul(c.weightDecay, param)), slots: next };
    }
    return { param: A.sub(param, update), slots: next };
  },
};
