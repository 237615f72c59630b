/**
 * Nadam's oracle, one element and one step, against each form's documented formula (the TSDoc of
 * core/catalogue/rules/nadam.ts, checked against torch/optim/nadam.py and keras/src/optimizers/nadam.py):
 *
 *   paper:   θ − α / (√v̂ + ε) · (β1 m̂ + (1 − β1) g / (1 − β1^t))
 *   pytorch: μ_t = β1 (1 − ½ 0.96^(t ψ)), P_t = P μ_t, θ − α (1 − μ_t)/(1 − P_t) · g/d − α μ_{t+1}/(1 − P_t μ_{t+1}) · m/d
 *   keras:   u_t = β1 (1 − ½ 0.96^t), θ − α (u_{t+1} m/(1 − P_t u_{t+1}) + (1 − u_t) g/(1 − P_t)) / (√v̂ + ε)
 *
 * with g ← g + λ θ under PyTorch, and the slot P's next value float32(P_t). The reference is that
 * formula written out in plain 120-digit decimal.js arithmetic (0.96^(tψ) a real power) and rounded to
 * float32 once: no enclosure, stage or code of the oracle is used to compute it. Every output is
 * checked: θ, m, v and P. PyTorch 1.13's product P_t μ_t μ_{t+1} (flag productNext 'torch-1.13') is set
 * by no preset, and configure() takes no flags (it copies the preset's), so that test sets the flag on
 * a configured PyTorch configuration, as spec/pytorch/reference.spec.ts does.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { configure } from '../../../core/catalogue/index.js';
import { entryOf, oracleRuleOf } from '../../../src/registry/index.js';
import {
  D,
  exact,
  moderate,
  moment,
  oneStep,
  rate,
  small,
  costly,
  type ElementInput,
  expectOutputs,
} from './one-step.js';

type Preset = 'paper' | 'pytorch' | 'keras';
type ProductNext = 'documented' | 'torch-1.13';

interface Hyper {
  readonly lr: string;
  readonly beta1: string;
  readonly beta2: string;
  readonly eps: string;
  readonly momentumDecay?: string;
  readonly weightDecay?: string;
}

/** ln 0.96: the real power 0.96^x is exp(x ln 0.96) (the same value as D.pow, at half its cost). */
const LN_096 = new D('0.96').ln();

/** One step of `preset`'s formula in 120-digit decimals, unrounded: θ', m', v' and (scheduled) P_t. */
function reference(preset: Preset, h: Hyper, input: ElementInput, flag: ProductNext = 'documented') {
  const one = new D(1);
  const [b1, b2, lr, eps] = [new D(h.beta1), new D(h.beta2), new D(h.lr), new D(h.eps)];
  const { t } = input;
  const theta = exact(input.param);
  const g = preset === 'pytorch' ? exact(input.grad).plus(new D(h.weightDecay!).times(theta)) : exact(input.grad);
  const m = b1.times(exact(input.state['m']!)).plus(one.minus(b1).times(g));
  const v = b2.times(exact(input.state['v']!)).plus(one.minus(b2).times(g.pow(2)));
  const bc1 = one.minus(b1.pow(t));
  const vHat = v.div(one.minus(b2.pow(t)));
  const d = vHat.sqrt().plus(eps);
  if (preset === 'paper') {
    const look = b1.times(m.div(bc1)).plus(one.minus(b1).times(g).div(bc1));
    return { param: theta.minus(lr.div(d).times(look)), m, v };
  }
  const power = (k: number) =>
    preset === 'pytorch' ? LN_096.times(k).times(h.momentumDecay!).exp() : new D('0.96').pow(k);
  const mu = (k: number) => b1.times(one.minus(new D('0.5').times(power(k))));
  const [muT, muNext] = [mu(t), mu(t + 1)];
  const product = exact(input.state['muProduct']!).times(muT);
  const productNext = flag === 'torch-1.13' ? product.times(muT).times(muNext) : product.times(muNext);
  const gradTerm = one.minus(muT).times(g).div(one.minus(product));
  const momentTerm = muNext.times(m).div(one.minus(productNext));
  const param =
    preset === 'pytorch'
      ? theta.minus(lr.times(gradTerm).div(d)).minus(lr.times(momentTerm).div(d))
      : theta.minus(gradTerm.plus(momentTerm).times(lr).div(d));
  return { param, m, v, muProduct: product };
}

const signedOrZero = fc.oneof(fc.constant(0), moderate);
/** P: a float32 in (0, 1], 1 included (its value at the start). */
const muProduct = fc.oneof(fc.constant(1), fc.float({ min: Math.fround(2 ** -40), max: 1, noNaN: true }));
const step = fc.integer({ min: 1, max: 1000 });
const common = { lr: small, beta1: rate, beta2: rate, eps: small };
/** ψ: PyTorch's default, 0 (then μ_t = β1/2 at every t), a few reals and `small` values. */
const momentumDecay = fc.oneof(fc.constantFrom('0.004', '0', '0.5', '1.7', '30'), small);
const weightDecay = fc.oneof(fc.constant('0'), small);

/** The input for one element, with P only under a schedule. */
const element = (scheduled: boolean) =>
  fc
    .record({ param: moderate, grad: moderate, m: signedOrZero, v: moment, muProduct, t: step })
    .map(({ param, grad, m, v, muProduct: p, t }): ElementInput => ({
      param,
      grad,
      state: scheduled ? { m, v, muProduct: p } : { m, v },
      t,
    }));

describe('Nadam oracle against each framework formula in 120-digit decimals', () => {
  test.prop([fc.constantFrom<Preset>('paper', 'pytorch', 'keras'), moderate])(
    'init: m = v = 0 and, under a momentum schedule only, the product slot P = 1',
    (preset, theta) => {
      const config = configure(entryOf('nadam'), preset);
      const state = oracleRuleOf('nadam').init(config, Float32Array.of(theta, -theta));
      const plain = Object.fromEntries(Object.entries(state).map(([k, x]) => [k, Array.from(x)]));
      expect(plain).toEqual(preset === 'paper' ? { m: [0, 0], v: [0, 0] } : { m: [0, 0], v: [0, 0], muProduct: [1] });
    },
  );

  test.prop([fc.record(common), element(false)])(
    'paper: θ − α / (√(v′/(1 − β2^t)) + ε) · (β1 m′/(1 − β1^t) + (1 − β1) g/(1 − β1^t)), no product slot',
    (h, input) => {
      expectOutputs(oneStep('nadam', 'paper', h, input), reference('paper', h, input));
    },
  );

  test.prop([fc.record({ ...common, momentumDecay, weightDecay }), element(true)], costly)(
    'pytorch: μ_t = β1 (1 − ½ 0.96^(tψ)), P_t = P μ_t, the g and m′ terms over 1 − P_t and 1 − P_t μ_{t+1}, g + λθ; P′ = float32(P_t)',
    (h, input) => {
      expectOutputs(oneStep('nadam', 'pytorch', h, input), reference('pytorch', h, input));
    },
  );

  test.prop([fc.record(common), element(true)])(
    'keras: u_t = β1 (1 − ½ 0.96^t), m̂ = u_{t+1} m′/(1 − P_t u_{t+1}) + (1 − u_t) g/(1 − P_t), θ − α m̂/(√v̂ + ε); P′ = float32(P_t)',
    (h, input) => {
      expectOutputs(oneStep('nadam', 'keras', h, input), reference('keras', h, input));
    },
  );

  test.prop([fc.record({ ...common, momentumDecay, weightDecay }), element(true)], costly)(
    "productNext 'torch-1.13' (PyTorch 1.13's code): the m′ term over 1 − P_t μ_t μ_{t+1}, and not the documented 1 − P_t μ_{t+1}",
    (h, input) => {
      const out = oneStep('nadam', 'pytorch', h, input, { productNext: 'torch-1.13' });
      const ref = reference('pytorch', h, input, 'torch-1.13');
      expectOutputs(out, ref);
    },
  );
});
