/**
 * AdaMax, exact (Kingma & Ba 2015, section 7.1): with g' = g + λ θ (PyTorch),
 * m' = β1 m + (1 − β1) g',  u' = max(β2 u, |g'|) (PyTorch: max(β2 u, |g'| + ε)),
 * α_t = α / (1 + η (t − 1)) (tfjs's decay η; else α), b1 = 1 − β1^t (exact power or the float32 slot),
 * θ' = θ − (α_t / b1) m' / u'  (Keras, tfjs: m' / (u' + ε)).
 *
 * @module
 */
import type { AdamaxSchema } from '../../core/catalogue/rules/adamax.js';
import { required } from '../../core/required.js';
import type { Enclosure } from '../enclosure.js';
import { elementwiseRule } from '../elementwise.js';
import type { ElementwiseUpdate, StepContext, TensorEnclosures } from '../rule.js';
import { coupledGradient, movingAverage } from './common.js';

interface Shared {
  readonly context: StepContext<AdamaxSchema>;
  readonly beta1Power: Enclosure;
  /** 1 − β1, prepared once per step (see movingAverage). */
  readonly oneMinusBeta1: Enclosure;
  /** α_t / (1 − β1^t). */
  readonly stepSize: Enclosure;
}

/** AdaMax's exact elementwise update; ε is a hyperparameter only where its placement uses it. */
export const adamaxUpdate: ElementwiseUpdate<AdamaxSchema, Shared> = {
  name: 'adamax',
  entries: ['adamax'],
  initTensorSlots(_a, { h, flags }): TensorEnclosures<AdamaxSchema> {
    return flags.biasCorrection === 'running-product' ? { b1pow: h.beta1 } : {};
  },
  prepare(a, context) {
    const { h, tensor, t, flags } = context;
    const beta1Power =
      flags.biasCorrection === 'running-product' ? required(tensor.b1pow, 'b1pow') : a.powInt(h.beta1, t);
    const decay = h.decay;
    const lr = decay === undefined ? h.lr : a.div(h.lr, a.add(a.point(1), a.mul(decay, a.point(t - 1))));
    const oneMinusBeta1 = a.sub(a.point(1), h.beta1);
    return { context, beta1Power, oneMinusBeta1, stepSize: a.div(lr, a.sub(a.point(1), beta1Power)) };
  },
  element(a, { param, grad, slots }, { context: { h, flags }, oneMinusBeta1, stepSize }) {
    const g = coupledGradient(a, grad, param, h);
    const placement = flags.epsPlacement;
    const m = movingAverage(a, h.beta1, slots.m, g, oneMinusBeta1);
    const magnitude = placement === 'in-max' ? a.add(a.abs(g), required(h.eps, 'eps')) : a.abs(g);
    const u = a.max(a.mul(h.beta2, slots.u), magnitude);
    const denominator = placement === 'denominator' ? a.add(u, required(h.eps, 'eps')) : u;
    return { param: a.sub(param, a.mul(stepSize, a.div(m, denominator))), slots: { m, u } };
  },
  nextTensorSlots(a, s): TensorEnclosures<AdamaxSchema> {
    return s.context.flags.biasCorrection === 'running-product'
      ? { b1pow: a.mul(s.beta1Power, s.context.h.beta1) }
      : {};
  },
};

/** AdaMax as an oracle rule. */
export const adamaxOracle = elementwiseRule(adamaxUpdate);
