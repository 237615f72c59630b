/**
 * Adagrad in float32 (Duchi et al. 2011; Ruder 2016, section 4.3): g' = g + λ θ (PyTorch),
 * G' = G + g' · g', θ' = θ − α_t · (g' / d) with d = √(G' + ε) (ε inside) or √G' + ε (outside) and
 * α_t = α / (1 + (t − 1) η) in float64.
 *
 * @module
 */
import type { AdagradSchema } from '../../../core/catalogue/rules/adagrad.js';
import { coupledGradient, weightDecayCoefficient, learningRate } from './common.js';
import type { ProductionRule } from './rule.js';

type Always = 'eps' | 'stepSize';
type Sometimes = 'weightDecay';

/** Adagrad's production step; the accumulator starts at G₀ (the entry's `initialFrom`). */
export const adagrad: ProductionRule<AdagradSchema, Always, Sometimes> = {
  kind: 'elementwise',
  initTensorSlots: () => ({}),
  coefficients(s, { hyper, schedule }, t) {
    const lr = learningRate(s, hyper.lr, schedule, t);
    const stepSize =
      hyper.lrDecay === undefined
        ? lr
        : s.div(lr, s.add(s.integer(1), s.mul(s.integer(t - 1), s.hyper(hyper.lrDecay))));
    return { eps: s.hyper(hyper.eps), stepSize, ...weightDecayCoefficient(s, hyper.weightDecay) };
  },
  step(A, { param, grad, slots }, c, { hyper, flags }) {
    const g = coupledGradient(A, grad, param, c.weightDecay, hyper.weightDecay);
    const G = A.add(slots.accumulator, A.square(g));
    const d = flags.epsPlacement === 'outside' ? A.add(A.sqrt(G), c.eps) : A.sqrt(A.add(G, c.eps));
    return { param: A.sub(param, A.mul(c.stepSize, A.div(g, d))), slots: { accumulator: G } };
  },
};
