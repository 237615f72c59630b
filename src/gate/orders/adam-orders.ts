/**
 * Adam's formula (the `algorithm1` form with β^t) in operation orders other than the one our `pytorch`
 * preset runs (PyTorch 1.13's `_single_tensor_adam`), each a production algorithm whose derived bound
 * the `conforming` tier admits:
 *
 *   bias-corrected moments (Kingma & Ba's Algorithm 1 as written; tfjs-core adam_optimizer.ts):
 *     m̂ = m' / (1 − β1^t),  v̂ = v' / (1 − β2^t),  θ' = θ + (m̂ / (√v̂ + ε)) · (−α)
 *   lerp (PyTorch ≥ 2's `exp_avg.lerp_(grad, 1 − β1)`, ATen's lerp kernel for a weight w < 1/2):
 *     m' = m + (1 − β1) · (g − m), the rest as PyTorch 1.13
 *   Keras 3 (keras/src/optimizers/adam.py, `update_step`; the `efficient` form, ε̂ outside the root):
 *     m' = m + (g − m) · (1 − β1),  v' = v + (g² − v) · (1 − β2),  θ' = θ* − (m' · α_t) / (√w + ε̂)
 *     with w = v' (or max(v̂, v') under AMSGrad) and θ* the weights after the wrapper's decay
 *
 * Keras computes α_t = α √(1 − β2^t) / (1 − β1^t) in float32 with a float32 power, whose error IEEE
 * does not bound; the order takes α_t as our presets do, in float64 rounded once.
 *
 * Each reuses Adam's coefficients (float64, rounded once) and changes only the float32 step.
 *
 * @module
 */
import type { AdamSchema } from '../../../core/catalogue/rules/adam.js';
import { required } from '../../../core/required.js';
import { adam } from '../../production/rules/adam.js';
import { coupledGradient, learningRate, movingAverage } from '../../production/rules/common.js';
import type { ProductionRule } from '../../production/rules/rule.js';

type Always = 'beta1' | 'beta2' | 'oneMinusBeta1' | 'oneMinusBeta2' | 'eps' | 'stepSize';
type Sometimes = 'weightDecay' | 'decayFactor' | 'decayLr' | 'sqrtBc2' | 'bc1' | 'bc2' | 'negativeLr';

/** Algorithm 1 as written, and tfjs's order: both moments bias-corrected in float32 before the step. */
export const adamBiasCorrectedMoments: ProductionRule<AdamSchema, Always, Sometimes> = {
  kind: 'elementwise',
  initTensorSlots: adam.initTensorSlots,
  coefficients(s, config, t, tensorSlots) {
    const { hyper, flags, schedule } = config;
    const one = s.integer(1);
    const power = (beta: string, slot: 'b1pow' | 'b2pow') =>
      flags.biasCorrection === 'running-product'
        ? s.float32(required(tensorSlots[slot], slot))
        : s.powInt(s.hyper(beta), t);
    return {
      ...adam.coefficients(s, config, t, tensorSlots),
      bc1: s.sub(one, power(hyper.beta1, 'b1pow')),
      bc2: s.sub(one, power(hyper.beta2, 'b2pow')),
      negativeLr: s.sub(s.integer(0), learningRate(s, hyper.lr, schedule, t)),
    };
  },
  step(A, x, c, config) {
    const { param, grad, slots } = x;
    const g = coupledGradient(A, grad, param, c.weightDecay, config.hyper.weightDecay);
    const m = A.add(A.mul(slots.m, c.beta1), A.mul(g, c.oneMinusBeta1));
    const v = A.add(A.mul(slots.v, c.beta2), A.mul(A.square(g), c.oneMinusBeta2));
    const mHat = A.div(m, required(c.bc1, 'bc1'));
    const vHat = A.div(v, required(c.bc2, 'bc2'));
    const update = A.mul(A.div(mHat, A.add(A.sqrt(vHat), c.eps)), required(c.negativeLr, 'negativeLr'));
    const products =
      config.flags.biasCorrection === 'running-product'
        ? {
            b1pow: A.mul(required(slots.b1pow, 'b1pow'), c.beta1),
            b2pow: A.mul(required(slots.b2pow, 'b2pow'), c.beta2),
          }
        : {};
    return { param: A.add(update, param), slots: { m, v, ...products } };
  },
};

/**
 * PyTorch ≥ 2's order: the first moment by `lerp`, m + (1 − β1)(g − m); the rest as PyTorch 1.13 (for
 * the `algorithm1` form with β^t from t, coupled or decoupled decay).
 */
export const adamLerp: ProductionRule<AdamSchema, Always, Sometimes> = {
  ...adam,
  step(A, { param, grad, slots }, c, config) {
    const g =
      config.flags.weightDecay === 'coupled'
        ? coupledGradient(A, grad, param, c.weightDecay, config.hyper.weightDecay)
        : grad;
    const m = A.add(slots.m, A.mul(c.oneMinusBeta1, A.sub(g, slots.m)));
    const v = movingAverage(A, c.beta2, c.oneMinusBeta2, slots.v, A.square(g));
    const w = config.flags.amsgrad ? A.max(required(slots.vmax, 'vmax'), v) : v;
    const root = A.sqrt(w);
    const denominator = A.add(c.sqrtBc2 === undefined ? root : A.div(root, c.sqrtBc2), c.eps);
    const update = A.div(A.mul(c.stepSize, m), denominator);
    const decayed = c.decayFactor === undefined ? param : A.mul(param, c.decayFactor);
    return { param: A.sub(decayed, update), slots: { m, v, ...(config.flags.amsgrad ? { vmax: w } : {}) } };
  },
};

/**
 * Keras 3's order of the efficient form: both moments by adding the scaled difference, the step as
 * (m' · α_t) / (√w + ε̂), after the wrapper's decoupled decay θ − (θ · λ) · α_t.
 */
export const adamKeras: ProductionRule<AdamSchema, Always, Sometimes> = {
  ...adam,
  step(A, { param, grad, slots }, c, config) {
    const m = A.add(slots.m, A.mul(A.sub(grad, slots.m), c.oneMinusBeta1));
    const v = A.add(slots.v, A.mul(A.sub(A.square(grad), slots.v), c.oneMinusBeta2));
    const w = config.flags.amsgrad ? A.max(required(slots.vmax, 'vmax'), v) : v;
    const update = A.div(A.mul(m, c.stepSize), A.add(A.sqrt(w), c.eps));
    const decayed =
      c.decayLr !== undefined && c.weightDecay !== undefined
        ? A.sub(param, A.mul(A.mul(param, c.weightDecay), c.decayLr))
        : param;
    return { param: A.sub(decayed, update), slots: { m, v, ...(config.flags.amsgrad ? { vmax: w } : {}) } };
  },
};
