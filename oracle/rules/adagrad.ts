/**
 * Adagrad, exact: g' = g + λ θ (PyTorch), G' = G + g'², α_t = α / (1 + (t − 1) η),
 * θ' = θ − α_t g' / √(G' + ε) (ε inside) or θ − α_t g' / (√G' + ε) (ε outside).
 *
 * @module
 */
import type { AdagradSchema } from '../../core/catalogue/rules/adagrad.js';
import type { Enclosure } from '../enclosure.js';
import { elementwiseRule } from '../elementwise.js';
import type { ElementwiseUpdate, StepContext } from '../rule.js';
import { coupledGradient } from './common.js';

interface Shared {
  readonly context: StepContext<AdagradSchema>;
  /** α_t = α / (1 + (t − 1) η), or α without a decay. */
  readonly stepSize: Enclosure;
}

/** Adagrad's exact elementwise update. */
export const adagradUpdate: ElementwiseUpdate<AdagradSchema, Shared> = {
  name: 'adagrad',
  entries: ['adagrad'],
  initTensorSlots: () => ({}),
  prepare(a, context) {
    const { h, t } = context;
    const decay = h.lrDecay;
    const stepSize = decay === undefined ? h.lr : a.div(h.lr, a.add(a.point(1), a.mul(a.point(t - 1), decay)));
    return { context, stepSize };
  },
  element(a, { param, grad, slots }, { context: { h, flags }, stepSize }) {
    const g = coupledGradient(a, grad, param, h);
    const G = a.add(slots.accumulator, a.square(g));
    const denominator = flags.epsPlacement === 'outside' ? a.add(a.sqrt(G), h.eps) : a.sqrt(a.add(G, h.eps));
    return { param: a.sub(param, a.div(a.mul(stepSize, g), denominator)), slots: { accumulator: G } };
  },
  nextTensorSlots: () => ({}),
};

/** Adagrad as an oracle rule. */
export const adagradOracle = elementwiseRule(adagradUpdate);
