/**
 * Adagrad in float32: g' = g + λ θ (PyTorch), G' = G + g' · g', θ' = θ − α_t · (g' / d) with
 * d = √(G' + ε) (ε inside) or √G' + ε (outside) and α_t = α / (1 + (t − 1) η) in float64.
 *
 * @module
 */
import { coupledGradient, hyperCoefficients } from './common.js';
import type { ProductionRule } from './rule.js';

export const adagrad: ProductionRule = {
  name: 'adagrad',
  initTensorSlots: () => ({}),
  coefficients(s, config, t) {
    const c = hyperCoefficients(s, config);
    const decay = c['lrDecay'];
    c['stepSize'] =
      decay === undefined ? c['lr']! : s.div(c['lr']!, s.add(s.integer(1), s.mul(s.integer(t - 1), decay)));
    return c;
  },
  step(A, { param, grad, slots }, c, config) {
    const g = coupledGradient(A, grad, param, c, config);
    const G = A.add(slots['accumulator']!, A.square(g));
    const d = config.flags['epsPlacement'] === 'outside' ? A.add(A.sqrt(G), c['eps']!) : A.sqrt(A.add(G, c['eps']!));
    return { param: A.sub(param, A.mul(c['stepSize']!, A.div(g, d))), slots: { accumulator: G } };
  },
};
