/**
 * oracle/keras-wrapper.ts, the stages Keras 3's optimizer wrapper adds around a step, against their
 * closed forms written again in decimal.js and rounded once to float32: the decay θ − θ · wd · lr with
 * a constant lr and with a schedule's value at `iterations` (StepLR, α₀ γ^⌊t/s⌋, exact), and the moving
 * average m · avg + (1 − m) · θ with m = 0 at iterations 0. Bit for bit, with the sign of every zero;
 * nothing uncertified.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { configureSchedule, exponentialDecay } from '../../core/schedules/index.js';
import { roundToFloat32 } from '../../oracle/binary32.js';
import { decayOracle, emaOracle } from '../../oracle/keras-wrapper.js';
import { bits, D, exactD } from './closed-forms.js';

const float32 = fc.oneof(
  fc.float({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 2 ** -149, -1, 3.4028234663852886e38),
);
const decimal = fc.constantFrom('0', '0.004', '0.5', '1', '0.99', '0.001');

describe("Keras's weight decay", () => {
  test.prop([fc.array(float32, { maxLength: 8 }), decimal, decimal])(
    'θ − θ · wd · lr with a constant lr',
    (theta, wd, lr) => {
      const out = decayOracle(Float32Array.from(theta), wd, lr, 'decayed');
      const expected = theta.map((x) => exactD(x).minus(exactD(x).times(wd).times(lr)));
      expect(bits(out.values)).toEqual(bits(expected.map(roundToFloat32)));
      expect(out.uncertified).toEqual([]);
    },
  );

  test.prop([fc.array(float32, { maxLength: 8 }), decimal, fc.nat({ max: 100 })])(
    "θ − θ · wd · lr with the schedule's value at `iterations` (StepLR: 0.05 · 0.1^⌊t/30⌋)",
    (theta, wd, iterations) => {
      const schedule = configureSchedule(exponentialDecay, 'pytorch', {
        hyper: { lr: '0.05', decayRate: '0.1', decaySteps: 30 },
      });
      const out = decayOracle(Float32Array.from(theta), wd, { schedule, iterations }, 'decayed');
      const lr = new D('0.05').times(new D('0.1').pow(Math.floor(iterations / 30)));
      const expected = theta.map((x) => exactD(x).minus(exactD(x).times(wd).times(lr)));
      expect(bits(out.values)).toEqual(bits(expected.map(roundToFloat32)));
    },
  );
});

describe("Keras's moving average of the weights", () => {
  test.prop([fc.array(fc.tuple(float32, float32), { maxLength: 8 }), decimal, fc.nat({ max: 3 })])(
    'm · avg + (1 − m) · θ, with m = 0 while iterations = 0',
    (pairs, momentum, iterations) => {
      const out = emaOracle(
        Float32Array.from(pairs, ([avg]) => avg),
        Float32Array.from(pairs, ([, theta]) => theta),
        momentum,
        iterations,
        'average',
      );
      const m = new D(iterations === 0 ? 0 : momentum);
      const expected = pairs.map(([avg, theta]) => m.times(exactD(avg)).plus(new D(1).minus(m).times(exactD(theta))));
      expect(bits(out.values)).toEqual(bits(expected.map(roundToFloat32)));
      expect(out.uncertified).toEqual([]);
    },
  );
});

describe('worked cases', () => {
  it('1 − 1 · 0.5 · 1 = 0.5; 0.5 · 1 + 0.5 · 3 = 2', () => {
    const one = Float32Array.of(1);
    expect(decayOracle(one, '0.5', '1', 'decayed').values).toEqual(Float32Array.of(0.5));
    expect(emaOracle(one, Float32Array.of(3), '0.5', 1, 'average').values).toEqual(Float32Array.of(2));
  });
});
