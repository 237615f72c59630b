/**
 * Momentum and Nesterov momentum in float32, each framework's form (the catalogue entry `momentum`
 * gives the formulas); the buffer is the state slot `buffer`.
 *
 * @module
 */
import { coupledGradient, hyperCoefficients } from './common.js';
import type { ProductionRule } from './rule.js';

export const momentum: ProductionRule = {
  name: 'momentum',
  initTensorSlots: () => ({}),
  coefficients(s, config) {
    const c = hyperCoefficients(s, config);
    if (config.hyper['dampening'] !== undefined) c['oneMinusDampening'] = s.sub(s.integer(1), c['dampening']!);
    return c;
  },
  step(A, { param, grad, slots }, c, config, t) {
    const nesterov = config.flags['nesterov'] === true;
    const lr = c['lr']!;
    const mu = c['momentum']!;
    const b = slots['buffer']!;
    switch (config.flags['form']) {
      case 'paper': {
        const v = A.add(A.mul(mu, b), A.mul(lr, grad));
        return {
          param: nesterov ? A.sub(A.sub(param, A.mul(mu, v)), A.mul(lr, grad)) : A.sub(param, v),
          slots: { buffer: v },
        };
      }
      case 'pytorch': {
        const g = coupledGradient(A, grad, param, c, config);
        if (Number(config.hyper['momentum']) === 0) return { param: A.sub(param, A.mul(lr, g)), slots: { buffer: b } };
        const undamped = c['oneMinusDampening'] === undefined ? g : A.mul(c['oneMinusDampening'], g);
        const next = t === 1 ? g : A.add(A.mul(mu, b), undamped);
        return { param: A.sub(param, A.mul(lr, nesterov ? A.add(g, A.mul(mu, next)) : next)), slots: { buffer: next } };
      }
      case 'keras': {
        const m = A.sub(A.mul(mu, b), A.mul(lr, grad));
        return {
          param: nesterov ? A.sub(A.add(param, A.mul(mu, m)), A.mul(lr, grad)) : A.add(param, m),
          slots: { buffer: m },
        };
      }
      default: {
        const a = A.add(A.mul(mu, b), grad);
        return { param: A.sub(param, A.mul(lr, nesterov ? A.add(grad, A.mul(mu, a)) : a)), slots: { buffer: a } };
      }
    }
  },
};
