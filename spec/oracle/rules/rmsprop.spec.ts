/**
 * RMSProp's oracle, plain ('rmsprop') and centered ('rmsprop-centered'), one element and one step, under
 * every preset, against each framework's documented formula (the TSDoc of core/catalogue/rules/rmsprop.ts,
 * checked against torch/optim/rmsprop.py, keras/src/optimizers/rmsprop.py and tfjs-core's
 * rmsprop_optimizer.ts):
 *
 *   v' = ρ v + (1 − ρ) g²,  ḡ' = ρ ḡ + (1 − ρ) g (centered; ḡ' = 0 plain),  g ← g + λ θ under PyTorch
 *   pytorch: d = √(v' − ḡ'²) + ε;  μ > 0: b' = μ b + g/d, θ' = θ − α b';  μ = 0: θ' = θ − α g/d, b' = b
 *   keras (and the paper presets): d = √(v' − ḡ'² + ε);  μ > 0: b' = μ b + α g/d, θ' = θ − b';  μ = 0 as PyTorch
 *   tfjs: d = √(v' − (ḡ'² + ε)) centered, √(v' + ε) plain;  b' = μ b + α g/d, θ' = θ − b', even at μ = 0
 *
 * The reference is that formula in plain 120-digit decimal.js arithmetic, the centered variance taken
 * as written, v' − ḡ'² (no cancellation matters in exact arithmetic), rounded to float32 once; nothing of
 * the oracle computes it. Every output is checked: θ, v, ḡ (centered) and the buffer b, which must pass
 * through unchanged where the framework keeps none.
 */
import { fc, test } from '@fast-check/vitest';
import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  D,
  exact,
  expectRounded,
  moderate,
  moment,
  oneStep,
  rate,
  small,
  expectOutputs,
  type ElementInput,
} from './one-step.js';

type Rule = 'rmsprop' | 'rmsprop-centered';
type Preset = 'paper' | 'pytorch' | 'keras' | 'tfjs';

/** The hyperparameters as decimal text (a type, not an interface, so that it is a record of them). */
type Hyper = Readonly<Record<'lr' | 'rho' | 'momentum' | 'eps', string> & { weightDecay?: string }>;

/** The framework whose formula each preset follows: Hinton's and Graves's as Keras writes it. */
const formOf = { paper: 'keras', pytorch: 'pytorch', keras: 'keras', tfjs: 'tfjs' } as const;

/** One step of the preset's formula in 120-digit decimals, unrounded (NaN where the root's radicand is negative). */
function reference(rule: Rule, preset: Preset, h: Hyper, input: ElementInput) {
  const form = formOf[preset];
  const centered = rule === 'rmsprop-centered';
  const one = new D(1);
  const [lr, rho, mu, eps] = [new D(h.lr), new D(h.rho), new D(h.momentum), new D(h.eps)];
  const theta = exact(input.param);
  const g = form === 'pytorch' ? exact(input.grad).plus(new D(h.weightDecay!).times(theta)) : exact(input.grad);
  const meanSquare = rho.times(exact(input.state['meanSquare']!)).plus(one.minus(rho).times(g.pow(2)));
  const meanGrad = centered ? rho.times(exact(input.state['meanGrad']!)).plus(one.minus(rho).times(g)) : new D(0);
  const d =
    form === 'pytorch'
      ? meanSquare.minus(meanGrad.pow(2)).sqrt().plus(eps)
      : form === 'keras'
        ? meanSquare.minus(meanGrad.pow(2)).plus(eps).sqrt()
        : centered
          ? meanSquare.minus(meanGrad.pow(2).plus(eps)).sqrt()
          : meanSquare.plus(eps).sqrt();
  const buffer = exact(input.state['buffer']!);
  let param: Decimal;
  let nextBuffer = buffer;
  if (form !== 'tfjs' && mu.isZero()) {
    param = theta.minus(lr.times(g).div(d));
  } else if (form === 'pytorch') {
    nextBuffer = mu.times(buffer).plus(g.div(d));
    param = theta.minus(lr.times(nextBuffer));
  } else {
    nextBuffer = mu.times(buffer).plus(lr.times(g).div(d));
    param = theta.minus(nextBuffer);
  }
  return { param, meanSquare, ...(centered ? { meanGrad } : {}), buffer: nextBuffer };
}

/**
 * One element's input. Centered, ḡ is drawn first and v = float32(float32(ḡ² (1 + 2^-22)) + x) ≥ ḡ²
 * (float32 rounding moves ḡ² (1 + 2^-22) by less than 2^-24 of it, and rounding is monotone), so that
 * the state is one a run could leave and v' − ḡ'² = ρ (v − ḡ²) + ρ (1 − ρ) (g − ḡ)² ≥ 0.
 */
const element = (rule: Rule) =>
  fc
    .record({
      param: moderate,
      grad: moderate,
      spread: moment,
      meanGrad: fc.oneof(fc.constant(0), moderate),
      buffer: fc.oneof(fc.constant(0), moderate),
      t: fc.integer({ min: 1, max: 1000 }),
    })
    .map(({ param, grad, spread, meanGrad, buffer, t }): ElementInput => {
      if (rule === 'rmsprop') return { param, grad, state: { meanSquare: spread, buffer }, t };
      const meanSquare = Math.fround(Math.fround(meanGrad * meanGrad * (1 + 2 ** -22)) + spread);
      return { param, grad, state: { meanSquare, meanGrad, buffer }, t };
    });

/** The preset and its hyperparameters, λ (zero or not) under PyTorch only, μ from `momentum`. */
const setting = (momentum: fc.Arbitrary<string>) =>
  fc.constantFrom<Preset>('paper', 'pytorch', 'keras', 'tfjs').chain((preset) =>
    fc
      .record({
        lr: small,
        rho: rate,
        momentum,
        eps: small,
        weightDecay: preset === 'pytorch' ? fc.oneof(fc.constant('0'), small) : fc.constant(undefined),
      })
      .map(({ weightDecay, ...rest }): [Preset, Hyper] => [
        preset,
        weightDecay === undefined ? rest : { ...rest, weightDecay },
      ]),
  );

describe.each<Rule>(['rmsprop', 'rmsprop-centered'])('%s oracle against each framework formula', (rule) => {
  test.prop([setting(fc.constant('0')), element(rule)])(
    'μ = 0: θ − α g/d with the form’s d and the buffer passed through (paper, pytorch with g + λθ, keras); tfjs sets b′ = α g/d, θ − b′',
    ([preset, h], input) => {
      expectOutputs(oneStep(rule, preset, h, input), reference(rule, preset, h, input));
    },
  );

  test.prop([setting(rate), element(rule)])(
    'μ > 0: pytorch b′ = μ b + g/d, θ − α b′ (g + λθ); keras, paper and tfjs b′ = μ b + α g/d, θ − b′',
    ([preset, h], input) => {
      expectOutputs(oneStep(rule, preset, h, input), reference(rule, preset, h, input));
    },
  );
});

describe('centered RMSProp under tfjs subtracts ε under the root', () => {
  test.prop([fc.constantFrom('0', '0.5'), fc.constantFrom('1e-7', '0.001', '0.5')])(
    'g = ḡ = 1, v = 1 (zero variance): keras’s √(0 + ε) is finite, tfjs’s √(0 − ε) is NaN in θ and b, v′ and ḡ′ still 1',
    (momentum, eps) => {
      const input = { param: 1, grad: 1, state: { meanSquare: 1, meanGrad: 1, buffer: 0.25 }, t: 3 };
      const h = { lr: '0.01', rho: '0.9', momentum, eps };
      const keras = oneStep('rmsprop-centered', 'keras', h, input);
      const tfjs = oneStep('rmsprop-centered', 'tfjs', h, input);
      // keras: d = √ε; θ' = 1 − 0.01/√ε at μ = 0, b' = μ·0.25 + 0.01/√ε and θ' = 1 − b' at μ > 0
      const step = new D('0.01').div(new D(eps).sqrt());
      const kerasBuffer = momentum === '0' ? new D('0.25') : new D(momentum).times('0.25').plus(step);
      expectRounded(keras.param, new D(1).minus(momentum === '0' ? step : kerasBuffer), 'keras θ');
      expectRounded(keras.state['buffer']!, kerasBuffer, 'keras buffer');
      expect(tfjs.param).toBeNaN();
      expect(tfjs.state['buffer']).toBeNaN();
      expect([tfjs.state['meanSquare'], tfjs.state['meanGrad']]).toEqual([1, 1]);
    },
  );

  it('known answer: θ = 1, g = 2, v = ḡ = b = 0, ρ = ½, ε = ¼, α = ½, μ = 0: tfjs d = √(2 − (1 + ¼)), keras d = √(2 − 1 + ¼)', () => {
    // v' = ½·0 + ½·4 = 2, ḡ' = ½·0 + ½·2 = 1; tfjs b' = ½·2/√0.75 = 2/√3, keras θ' = 1 − ½·2/√1.25 = 1 − 2/√5.
    const input = { param: 1, grad: 2, state: { meanSquare: 0, meanGrad: 0, buffer: 0 }, t: 1 };
    const h = { lr: '0.5', rho: '0.5', momentum: '0', eps: '0.25' };
    const tfjs = oneStep('rmsprop-centered', 'tfjs', h, input);
    const keras = oneStep('rmsprop-centered', 'keras', h, input);
    expectRounded(tfjs.state['buffer']!, new D(2).div(new D(3).sqrt()), 'tfjs buffer');
    expectRounded(tfjs.param, new D(1).minus(new D(2).div(new D(3).sqrt())), 'tfjs θ');
    expectRounded(keras.param, new D(1).minus(new D(2).div(new D(5).sqrt())), 'keras θ');
    expect(keras.state['buffer']).toBe(0);
    expect([tfjs.state['meanSquare'], tfjs.state['meanGrad'], keras.state['meanSquare']]).toEqual([2, 1, 2]);
  });
});
