/**
 * The production rules are typed by their entries' schemas (issue 10): a misspelt hyperparameter, flag
 * value, slot or coefficient is a compile error. Each `@ts-expect-error` below fails the type check
 * (`tsc -p tsconfig.json`, which covers spec/) the day its error disappears; the tests also check what
 * happens at run time where the typo would get through untyped code.
 */
import { describe, expect, it } from 'vitest';
import { float64Scalars, type Float32Arith } from '../../core/arith.js';
import * as entries from '../../core/catalogue/entries.js';
import { configure, HyperparameterError } from '../../core/catalogue/index.js';
import type { AdamSchema } from '../../core/catalogue/rules/adam.js';
import type { RmspropSchema } from '../../core/catalogue/rules/rmsprop.js';
import type { SgdSchema } from '../../core/catalogue/rules/sgd.js';
import { adam } from '../../src/production/rules/adam.js';
import type { ProductionRule, StepValues } from '../../src/production/rules/rule.js';

describe('typed configurations and rules', () => {
  it('a misspelt hyperparameter does not compile, in an override or in a read', () => {
    // @ts-expect-error -- Adam has no hyperparameter 'beta3'
    expect(() => configure(entries.adam, 'paper', { beta3: '0.9' })).toThrow(HyperparameterError);
    // @ts-expect-error -- 'learningRate' is called 'lr'
    expect(() => configure(entries.sgd, 'paper', { learningRate: '0.1' })).toThrow(
      "unknown hyperparameter 'learningRate'",
    );
    const config = configure(entries.adam, 'paper');
    // @ts-expect-error -- Adam has no hyperparameter 'epsilon'; it is 'eps'
    expect(config.hyper.epsilon).toBeUndefined();
    expect(config.hyper.eps).toBe('1e-8');
    // An optional hyperparameter may be absent: it is `string | undefined`, not `string`.
    // @ts-expect-error -- weightDecay is absent under some presets
    const decay: string = config.hyper.weightDecay;
    expect(decay).toBeUndefined();
  });

  it('a flag value the entry does not have does not compile', () => {
    const config = configure(entries.adam, 'keras');
    // @ts-expect-error -- the form is 'efficient', not 'efficent'
    expect(config.flags.form === 'efficent').toBe(false);
    // @ts-expect-error -- biasCorrection is 'running-product', with a hyphen
    expect(config.flags.biasCorrection === 'running_product').toBe(false);
    // @ts-expect-error -- RMSProp's form has no 'paper' value
    expect(configure(entries.rmsprop, 'paper').flags.form === 'paper').toBe(false);
    expect(config.flags.form).toBe('efficient');
  });

  it('a misspelt coefficient, or a slot present only under some flags read as always there, does not compile', () => {
    const typo: ProductionRule<SgdSchema, 'lr', never> = {
      kind: 'elementwise',
      initTensorSlots: () => ({}),
      coefficients: (s, { hyper }) => ({ lr: s.hyper(hyper.lr) }),
      step(A, { param, grad }, c) {
        // @ts-expect-error -- the coefficient is 'lr'
        const rate: number | undefined = c.learningRate as unknown as number | undefined;
        expect(rate).toBeUndefined();
        return { param: A.sub(param, A.mul(c.lr, grad)), slots: {} };
      },
    };
    const plain: Float32Arith<number> = {
      add: (a, b) => a + b,
      sub: (a, b) => a - b,
      mul: (a, b) => a * b,
      div: (a, b) => a / b,
      sqrt: Math.sqrt,
      square: (a) => a * a,
      max: Math.max,
      abs: Math.abs,
      sign: Math.sign,
      wherePositive: (c, a, b) => (c > 0 ? a : b),
    };
    expect(
      typo.step(plain, { param: 1, grad: 1, slots: {} }, { lr: 0.5 }, configure(entries.sgd, 'paper'), 1).param,
    ).toBe(0.5);
    const adamSlots = (x: StepValues<AdamSchema, number>): number => {
      // @ts-expect-error -- vmax is there only under AMSGrad: `number | undefined`
      const vmax: number = x.slots.vmax;
      // @ts-expect-error -- Adam has no slot 'mm'
      return vmax + x.slots.mm;
    };
    expect(adamSlots({ param: 0, grad: 0, slots: { m: 0, v: 0, vmax: 1 } })).toBeNaN();
    const centered = (x: StepValues<RmspropSchema, number>): number =>
      // @ts-expect-error -- meanGrad is there only when centered
      plain.add(x.slots.meanSquare, x.slots.meanGrad);
    expect(centered({ param: 0, grad: 0, slots: { meanSquare: 1, buffer: 0, meanGrad: 2 } })).toBe(3);
  });

  it("a rule's configuration must be its own entry's", () => {
    const sgdConfig = configure(entries.sgd, 'paper');
    // @ts-expect-error -- an SGD configuration has none of the hyperparameters and flags Adam reads
    const c = adam.coefficients(float64Scalars, sgdConfig, 1, {});
    expect(c.beta1).toBeNaN();
  });
});
