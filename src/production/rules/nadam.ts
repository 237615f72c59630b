/**
 * Nadam in float32 (Dozat 2016), in PyTorch's order of operations: g' = g + λ θ (PyTorch),
 * m' = b1 · m + c1 · g', v' = b2 · v + c2 · g'², d = √(v' / (1 − β2^t)) + ε,
 * θ' = θ − (cg · g' + cm · m') / d, with cg and cm computed in float64 from the schedule (the catalogue
 * entry `nadam` gives them) and the schedule's running product kept as the float32 slot `muProduct`,
 * advanced in float32.
 *
 * @module
 */
import type { ScalarArith } from '../../../core/arith.js';
import { coupledGradient, hyperCoefficients, movingAverage } from './common.js';
import type { ProductionRule } from './rule.js';

export const nadam: ProductionRule = {
  name: 'nadam',
  initTensorSlots(s, config) {
    const slots: Record<string, ReturnType<typeof s.integer>> = {};
    if (config.flags['schedule'] !== 'none') slots['muProduct'] = s.integer(1);
    return slots;
  },
  coefficients<S>(
    s: ScalarArith<S>,
    config: Parameters<ProductionRule['coefficients']>[1],
    t: number,
    tensorSlots: Readonly<Record<string, number>>,
  ) {
    const c = hyperCoefficients(s, config);
    const one = s.integer(1);
    const beta1 = c['beta1']!;
    const lr = c['lr']!;
    c['oneMinusBeta1'] = s.sub(one, beta1);
    c['oneMinusBeta2'] = s.sub(one, c['beta2']!);
    c['biasCorrection2'] = s.sub(one, s.powInt(c['beta2']!, t));
    const schedule = config.flags['schedule'];
    if (schedule === 'none') {
      const bc1 = s.sub(one, s.powInt(beta1, t));
      return {
        ...c,
        gradCoefficient: s.div(s.mul(lr, c['oneMinusBeta1']), bc1),
        momentCoefficient: s.div(s.mul(lr, beta1), bc1),
      };
    }
    const decay = s.hyper('0.96');
    const half = s.hyper('0.5');
    const power = (k: number) =>
      schedule === 'pytorch' ? s.pow(decay, s.mul(s.integer(k), c['momentumDecay']!)) : s.powInt(decay, k);
    const mu = (k: number) => s.mul(beta1, s.sub(one, s.mul(half, power(k))));
    const muT = mu(t);
    const muNext = mu(t + 1);
    const product = s.mul(s.float32(tensorSlots['muProduct']!), muT);
    return {
      ...c,
      mu: muT,
      gradCoefficient: s.div(s.mul(lr, s.sub(one, muT)), s.sub(one, product)),
      momentCoefficient: s.div(s.mul(lr, muNext), s.sub(one, s.mul(product, muNext))),
    };
  },
  step(A, { param, grad, slots }, c, config) {
    const g = coupledGradient(A, grad, param, c, config);
    const m = movingAverage(A, c['beta1']!, c['oneMinusBeta1']!, slots['m']!, g);
    const v = movingAverage(A, c['beta2']!, c['oneMinusBeta2']!, slots['v']!, A.square(g));
    const d = A.add(A.sqrt(A.div(v, c['biasCorrection2']!)), c['eps']!);
    const next: Record<string, typeof m> = { m, v };
    if (c['mu'] !== undefined) next['muProduct'] = A.mul(slots['muProduct']!, c['mu']);
    return {
      param: A.sub(param, A.div(A.add(A.mul(c['gradCoefficient']!, g), A.mul(c['momentCoefficient']!, m)), d)),
      slots: next,
    };
  },
};
