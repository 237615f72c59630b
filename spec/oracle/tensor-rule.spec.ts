/**
 * oracle/tensor-rule.ts, the driver of the whole-tensor oracle rules: what it refuses (a layout with
 * tensor slots, which no whole-tensor rule keeps) and the errors that name what a step's decimal input
 * lacks.
 */
import { describe, expect, it } from 'vitest';
import { configure, StepInputError } from '../../core/catalogue/index.js';
import * as entries from '../../core/catalogue/entries.js';
import type { AnySchema } from '../../core/catalogue/index.js';
import { lambOracle } from '../../oracle/rules/lamb.js';
import { tensorRule, type TensorUpdate } from '../../oracle/tensor-rule.js';

describe('the whole-tensor driver', () => {
  it('refuses a configuration whose layout keeps tensor slots', () => {
    const keepsAll: TensorUpdate<AnySchema> = {
      name: 'adam',
      entries: ['adam'],
      step: (_a, x) => ({ params: x.params, slots: x.slots }),
    };
    const step = () =>
      tensorRule(keepsAll).step(configure(entries.adam, 'tfjs'), {
        params: Float32Array.of(1),
        grads: Float32Array.of(1),
        state: {
          m: Float32Array.of(0),
          v: Float32Array.of(0),
          b1pow: Float32Array.of(0.9),
          b2pow: Float32Array.of(0.999),
        },
        t: 1,
      });
    expect(step).toThrow(StepInputError);
    expect(step).toThrow('a rule on whole tensors keeps no tensor slots');
  });
});

describe('enclose refuses a decimal input that does not fit the layout, and names what', () => {
  const config = configure(entries.lamb, 'optax');
  const complete = { params: ['1', '2'], grads: ['0.5', '0.25'], state: { m: ['0', '0'], v: ['0', '0'] }, t: 1 };
  const missing = undefined as unknown as string;
  it.each([
    ['a gradient too many', { grads: ['0.5', '0.25', '1'] }, "the decimal input's grads has 3 values; 2 expected"],
    [
      'a slot short',
      { state: { ...complete.state, v: ['0'] } },
      "the decimal input's state slot 'v' has 1 value; 2 expected",
    ],
    ['a parameter undefined', { params: ['1', missing] }, "the decimal input's params has no element 1"],
    ['a gradient undefined', { grads: [missing, '0.25'] }, "the decimal input's grads has no element 0"],
    [
      'a slot undefined',
      { state: { ...complete.state, v: ['0', missing] } },
      "the decimal input's state slot 'v' has no element 1",
    ],
  ])('%s', (_, change, message) => {
    expect(() => lambOracle.enclose(config, { ...complete, ...change }, 40)).toThrow(StepInputError);
    expect(() => lambOracle.enclose(config, { ...complete, ...change }, 40)).toThrow(message);
  });
});
