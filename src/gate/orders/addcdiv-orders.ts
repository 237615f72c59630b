/**
 * Adagrad's and AdaMax's formulas in the orders of other frameworks, each a production algorithm whose
 * derived bound the `conforming` tier admits:
 *
 *   addcdiv (PyTorch 1.13, `param.addcdiv_(x, d, value=-clr)`, ATen's kernel computes value · x / d):
 *     Adagrad θ' = θ + (−α_t · g') / d,   AdaMax θ' = θ + (−α/(1 − β1^t) · m') / u'
 *   tfjs's AdaMax (tfjs-core adamax_optimizer.ts): the decayed rate and its bias correction in float32
 *     α' = −α / (i · decay + 1),  θ' = θ + (α' / (1 − β1^t)) · (m' / (u' + ε)),  i = t − 1
 *
 * Each reuses the rule's coefficients (float64, rounded once) and changes only the float32 step.
 *
 * @module
 */
import type { AdagradSchema } from '../../../core/catalogue/rules/adagrad.js';
import type { AdamaxSchema } from '../../../core/catalogue/rules/adamax.js';
import { required } from '../../../core/required.js';
import { adagrad } from '../../production/rules/adagrad.js';
import { adamax } from '../../production/rules/adamax.js';
import type { Float32Arith } from '../../../core/arith.js';
import { coupledGradient, learningRate, movingAverage } from '../../production/rules/common.js';
import type { Coefficients, ProductionRule, StepValues } from '../../production/rules/rule.js';

/** Adagrad with PyTorch's `addcdiv_`: the step size multiplies g' before the division. */
export const adagradAddcdiv: ProductionRule<AdagradSchema, 'eps' | 'stepSize', 'weightDecay'> = {
  ...adagrad,
  step(A, { param, grad, slots }, c, { hyper, flags }) {
    const g = coupledGradient(A, grad, param, c.weightDecay, hyper.weightDecay);
    const G = A.add(slots.accumulator, A.square(g));
    const d = flags.epsPlacement === 'outside' ? A.add(A.sqrt(G), c.eps) : A.sqrt(A.add(G, c.eps));
    return { param: A.sub(param, A.div(A.mul(c.stepSize, g), d)), slots: { accumulator: G } };
  },
};

type AdamaxAlways = 'beta1' | 'oneMinusBeta1' | 'beta2' | 'stepSize';
type AdamaxSometimes = 'eps' | 'weightDecay' | 'negativeLr' | 'iteration' | 'decay' | 'one' | 'bc1';

/** AdaMax's new m and u in float32 (as our production computes them), and the denominator under its ε placement. */
function adamaxMoments<T>(
  A: Float32Arith<T>,
  x: StepValues<AdamaxSchema, T>,
  c: Coefficients<AdamaxAlways, AdamaxSometimes, T>,
  placement: string,
  weightDecayText: string | undefined,
) {
  const g = coupledGradient(A, x.grad, x.param, c.weightDecay, weightDecayText);
  const m = movingAverage(A, c.beta1, c.oneMinusBeta1, x.slots.m, g);
  const magnitude = placement === 'in-max' ? A.add(A.abs(g), required(c.eps, 'eps')) : A.abs(g);
  const u = A.max(A.mul(c.beta2, x.slots.u), magnitude);
  const denominator = placement === 'denominator' ? A.add(u, required(c.eps, 'eps')) : u;
  return { m, u, denominator };
}

/** AdaMax with PyTorch's `addcdiv_`: the step size multiplies m' before the division. */
export const adamaxAddcdiv: ProductionRule<AdamaxSchema, AdamaxAlways, AdamaxSometimes> = {
  ...adamax,
  step(A, x, c, { hyper, flags }) {
    const { m, u, denominator } = adamaxMoments(A, x, c, flags.epsPlacement, hyper.weightDecay);
    const products =
      flags.biasCorrection === 'running-product' ? { b1pow: A.mul(required(x.slots.b1pow, 'b1pow'), c.beta1) } : {};
    return { param: A.sub(x.param, A.div(A.mul(c.stepSize, m), denominator)), slots: { m, u, ...products } };
  },
};

/** tfjs's AdaMax: the decayed rate and its division by 1 − β1^t as float32 operations. */
export const adamaxTfjs: ProductionRule<AdamaxSchema, AdamaxAlways, AdamaxSometimes> = {
  ...adamax,
  coefficients(s, config, t, tensorSlots) {
    const { hyper, flags, schedule } = config;
    const one = s.integer(1);
    const power =
      flags.biasCorrection === 'running-product'
        ? s.float32(required(tensorSlots.b1pow, 'b1pow'))
        : s.powInt(s.hyper(hyper.beta1), t);
    return {
      ...adamax.coefficients(s, config, t, tensorSlots),
      negativeLr: s.sub(s.integer(0), learningRate(s, hyper.lr, schedule, t)),
      iteration: s.integer(t - 1),
      decay: s.hyper(hyper.decay ?? '0'),
      one,
      bc1: s.sub(one, power),
    };
  },
  step(A, x, c, { hyper, flags }) {
    const { m, u, denominator } = adamaxMoments(A, x, c, flags.epsPlacement, hyper.weightDecay);
    const rate = A.div(
      required(c.negativeLr, 'negativeLr'),
      A.add(A.mul(required(c.iteration, 'iteration'), required(c.decay, 'decay')), required(c.one, 'one')),
    );
    const scale = A.div(rate, required(c.bc1, 'bc1'));
    const products =
      flags.biasCorrection === 'running-product' ? { b1pow: A.mul(required(x.slots.b1pow, 'b1pow'), c.beta1) } : {};
    return { param: A.add(A.mul(scale, A.div(m, denominator)), x.param), slots: { m, u, ...products } };
  },
};
