/**
 * The driver (src/production/drive.ts) on plain float32 numbers — every float32 operation a float64
 * one rounded by Math.fround, exact for +, −, ×, ÷ and √ — gives, bit for bit, what the TensorFlow.js
 * optimizer gives: the driver, not the tensor code, decides the algorithm. Adam (with AMSGrad and
 * AdamW) on given gradients, and NAG's look-ahead step on Rosenbrock pairs.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as entries from '../../core/catalogue/entries.js';
import { float64Coefficients } from '../../src/production/coefficients.js';
import {
  PRESET_NAMES,
  type CatalogueEntry,
  type Configuration,
  type Objective,
  type StepInput,
  type StepOutput,
} from '../../core/catalogue/index.js';
import { float32Value } from '../../src/gate/arbitraries/float32.js';
import { configuration, stepCase } from '../../src/gate/arbitraries/step-case.js';
import { stepCount } from '../../src/gate/arbitraries/hyperparameters.js';
import type { Carrier } from '../../src/production/drive.js';
import { asStepOutput, stepElements } from '../../src/production/drive-elements.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { stepArrays } from '../../src/production/tfjs/optimizer.js';
import { optimizerFor, productionRuleOf } from '../../src/registry/index.js';
import { backends } from '../backends.js';
import { float32Numbers } from './float32-numbers.js';

const f = Math.fround;

const numbers: Carrier<number, number> = { A: float32Numbers, scalars: float64Coefficients, lift: f };

/** One step of `config`'s production rule through the driver on numbers, group by group. */
function stepNumbers(config: Configuration, input: StepInput): StepOutput {
  return asStepOutput(stepElements(productionRuleOf(config.entry.name), config, input, numbers, (x) => x));
}

/** Both outputs, element by element, as bits (NaN as NaN: its payload is the backend's). */
function expectSameOutputs(driven: StepOutput, tensors: StepOutput): void {
  const bits = (xs: Float32Array) =>
    Array.from(xs, (x) => (Number.isNaN(x) ? 'NaN' : new Uint32Array(Float32Array.of(x).buffer)[0]));
  expect(bits(driven.params), 'params').toEqual(bits(tensors.params));
  expect(Object.keys(driven.state).sort()).toEqual(Object.keys(tensors.state).sort());
  for (const [k, xs] of Object.entries(tensors.state)) expect(bits(driven.state[k]!), k).toEqual(bits(xs));
}

const presetsOf = (entry: CatalogueEntry) => PRESET_NAMES.filter((p) => entry.presets[p] !== undefined);

/** NAG on Rosenbrock pairs: 1 to 4 (x, y) pairs, any float32 values, a and b small decimals. */
function rosenbrockCase(entry: CatalogueEntry, preset: (typeof PRESET_NAMES)[number], nonfinite: boolean) {
  const rosenbrock = fc
    .record({ a: fc.constantFrom('1', '0.5', '2', '-1'), b: fc.constantFrom('100', '1', '10', '0.25') })
    .map(({ a, b }): Objective => ({ kind: 'rosenbrock', a, b }));
  return fc.tuple(configuration(entry, preset), fc.integer({ min: 1, max: 4 })).chain(([config, pairs]) => {
    const tensor = fc
      .array(float32Value({ nonfinite }), { minLength: 2 * pairs, maxLength: 2 * pairs })
      .map((xs) => Float32Array.from(xs));
    return fc
      .record({ params: tensor, velocity: tensor, t: stepCount(), objective: rosenbrock })
      .map(({ params, velocity, t, objective }) => ({
        config,
        input: { params, grads: new Float32Array(0), state: { velocity }, t, objective },
      }));
  });
}

describe.each(backends)('the driver on float32 numbers gives what the tfjs optimizer gives, on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  describe.each([entries.adam, entries.amsgrad, entries.adamw])('$name', (entry) => {
    it.each(presetsOf(entry))('preset %s: bit for bit, finite and non-finite inputs', (preset) => {
      for (const nonfinite of [false, true]) {
        fc.assert(
          fc.property(stepCase(entry, preset, { nonfinite }), ({ config, input }) => {
            expectSameOutputs(stepNumbers(config, input), stepArrays(optimizerFor(config), input));
          }),
          { numRuns: 100 },
        );
      }
    });
  });

  it.each(presetsOf(entries.nag))('nag on Rosenbrock pairs, preset %s: bit for bit', (preset) => {
    for (const nonfinite of [false, true]) {
      fc.assert(
        fc.property(rosenbrockCase(entries.nag, preset, nonfinite), ({ config, input }) => {
          expectSameOutputs(stepNumbers(config, input), stepArrays(optimizerFor(config), input));
        }),
        { numRuns: 100 },
      );
    }
  });
});
