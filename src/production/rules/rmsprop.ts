/**
 * RMSProp, plain and centered, in float32, each framework's form (Hinton, lecture 6e; Graves 2013,
 * eq. 38–41; the catalogue entry gives the formulas):
 *
 *   v' = ρ v + (1 − ρ) g'²,  centered: ḡ' = ρ ḡ + (1 − ρ) g',  w = v' − ḡ'² (centered) or v'
 *   d = √w + ε (pytorch), √(w − ε) (tfjs, centered), √(w + ε) (otherwise)
 *   pytorch: b' = μ b + g'/d, θ' = θ − α b';  keras, tfjs: b' = μ b + α g'/d, θ' = θ − b'
 *
 * with g' = g + λ θ under PyTorch. Where a framework keeps no buffer (μ = 0 in PyTorch and Keras),
 * θ' = θ − α g'/d and the slot passes through.
 *
 * @module
 */
import type { RmspropSchema } from '../../../core/catalogue/rules/rmsprop.js';
import { required } from '../../../core/required.js';
import { coupledGradient, decayRate, movingAverage, weightDecayCoefficient, learningRate } from './common.js';
import type { ProductionRule } from './rule.js';

type Always = 'lr' | 'rho' | 'oneMinusRho' | 'momentum' | 'eps';
type Sometimes = 'weightDecay';

/** RMSProp's production step (centered by the flag `centered`), in the form the flag `form` names. */
export const rmsprop: ProductionRule<RmspropSchema, Always, Sometimes> = {
  kind: 'elementwise',
  initTensorSlots: () => ({}),
  coefficients: (s, { hyper, schedule }, t) => ({
    lr: learningRate(s, hyper.lr, schedule, t),
    ...decayRate(s, hyper.rho),
    momentum: s.hyper(hyper.momentum),
    eps: s.hyper(hyper.eps),
    ...weightDecayCoefficient(s, hyper.weightDecay),
  }),
  step(A, { param, grad, slots }, c, { hyper, flags }) {
    const { form, centered } = flags;
    const g = coupledGradient(A, grad, param, c.weightDecay, hyper.weightDecay);
    const meanSquare = movingAverage(A, c.rho, c.oneMinusRho, slots.meanSquare, A.square(g));
    const meanGrad = centered
      ? movingAverage(A, c.rho, c.oneMinusRho, required(slots.meanGrad, 'meanGrad'), g)
      : undefined;
    const variance = meanGrad === undefined ? meanSquare : A.sub(meanSquare, A.square(meanGrad));
    const averages = meanGrad === undefined ? { meanSquare } : { meanSquare, meanGrad };
    const d =
      form === 'pytorch'
        ? A.add(A.sqrt(variance), c.eps)
        : form === 'tfjs' && centered
          ? A.sqrt(A.sub(variance, c.eps))
          : A.sqrt(A.add(variance, c.eps));
    if (form !== 'tfjs' && Number(hyper.momentum) === 0) {
      return { param: A.sub(param, A.div(A.mul(c.lr, g), d)), slots: { ...averages, buffer: slots.buffer } };
    }
    if (form === 'pytorch') {
      const buffer = A.add(A.mul(c.momentum, slots.buffer), A.div(g, d));
      return { param: A.sub(param, A.mul(c.lr, buffer)), slots: { ...averages, buffer } };
    }
    const buffer = A.add(A.mul(c.momentum, slots.buffer), A.div(A.mul(c.lr, g), d));
    return { param: A.sub(param, buffer), slots: { ...averages, buffer } };
  },
};
