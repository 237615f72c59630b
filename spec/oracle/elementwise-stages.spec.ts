/**
 * oracle/elementwise-stages.ts: the hyperparameters an elementwise step sees (a schedule's rate at
 * t − 1, the constant for the initial state), the tensor outputs handed to certification, the stage
 * that decides each element (the float64 stage, on the tape from TAPE_MIN_ELEMENTS elements and one
 * element at a time below), and the preparation cache keyed by the tensor slots' values.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { configure, withSchedule, type StepInput } from '../../core/catalogue/index.js';
import * as entries from '../../core/catalogue/entries.js';
import { configureSchedule, multiStep } from '../../core/schedules/index.js';
import { hyperEnclosures, TAPE_MIN_ELEMENTS, tensorOutputs } from '../../oracle/elementwise-stages.js';
import { IntervalArithmetic, type Interval } from '../../oracle/interval.js';
import { adamOracle } from '../../oracle/rules/adam.js';
import { sgdOracle } from '../../oracle/rules/sgd.js';
import { certifyStatistics, resetCertifyStatistics, withCertifyStages } from '../../oracle/staged.js';

/** lr 0.1, halved from t = 2 on (PyTorch's MultiStepLR, milestones [2]). */
const halving = configureSchedule(multiStep, 'pytorch', {
  hyper: { lr: '0.1', decayRate: '0.5' },
  lists: { milestones: [2] },
});
const scheduledSgd = withSchedule(configure(entries.sgd, 'pytorch', { lr: '0.25' }), halving);

describe('hyperEnclosures', () => {
  const a = IntervalArithmetic.at(40);
  const lr = (t?: number) => (hyperEnclosures(a, scheduledSgd, t)['lr'] as Interval).near;

  it("is the schedule's exact rate at t − 1 for update t, and the constant lr without t", () => {
    expect(lr(1).eq(new Decimal('0.1'))).toBe(true);
    expect(lr(2).eq(new Decimal('0.1'))).toBe(true);
    expect(lr(3).eq(new Decimal('0.05'))).toBe(true);
    expect(lr().eq(new Decimal('0.25'))).toBe(true);
  });

  it('steps SGD at the scheduled rate: θ − 0.05 g at t = 3', () => {
    const out = sgdOracle.step(scheduledSgd, {
      params: Float32Array.of(1, -2),
      grads: Float32Array.of(1, 4),
      state: {},
      t: 3,
    });
    expect(Array.from(out.params)).toEqual([Math.fround(0.95), Math.fround(-2.2)]);
  });
});

describe('tensorOutputs', () => {
  it('keeps the tensor slots an update returned, and drops those it left undefined', () => {
    const x = IntervalArithmetic.at(40).point(1);
    expect(tensorOutputs({ b1pow: x, b2pow: undefined })).toStrictEqual({ b1pow: x });
  });
});

/** n elements of one Adam step, generic values (none near a rounding boundary or zero). */
function adamInput(n: number, b1pow = 0.9, b2pow = 0.999): StepInput {
  const column = (f: (i: number) => number) => Float32Array.from({ length: n }, (_, i) => Math.fround(f(i)));
  return {
    params: column((i) => 0.3 + i / 7),
    grads: column((i) => (i % 2 === 0 ? 1 : -1) * (0.01 + i / 13)),
    state: {
      m: column((i) => 0.02 * (i + 1)),
      v: column((i) => 0.003 * (i + 2)),
      b1pow: Float32Array.of(b1pow),
      b2pow: Float32Array.of(b2pow),
    },
    t: 2,
  };
}

describe('the stage that decides each element', () => {
  const config = configure(entries.adam, 'pytorch');
  it.each([TAPE_MIN_ELEMENTS - 1, TAPE_MIN_ELEMENTS, 2 * TAPE_MIN_ELEMENTS])(
    'is the float64 stage for every one of %d generic elements, each counted once',
    (n) => {
      const { m, v } = adamInput(n).state;
      resetCertifyStatistics();
      adamOracle.step(config, { ...adamInput(n), state: { m: m!, v: v! } });
      // n elements, and the (empty) record of tensor slots.
      expect(certifyStatistics()['adam']).toMatchObject({ fast: n + 1, refined: 0, rational: 0, bigFloat: 0 });
    },
  );
});

describe('the preparation cache', () => {
  it('serves a step with new tensor slots (β^t) a new preparation', () => {
    const config = configure(entries.adam, 'tfjs');
    for (const [b1pow, b2pow] of [
      [0.9, 0.999],
      [0.81, 0.998001],
      [0.9, 0.999],
    ] as const) {
      const input = adamInput(TAPE_MIN_ELEMENTS, b1pow, b2pow);
      const staged = adamOracle.step(config, input);
      const decimal = withCertifyStages('decimal', () => adamOracle.step(config, input));
      expect(Array.from(staged.params)).toEqual(Array.from(decimal.params));
    }
  });
});
