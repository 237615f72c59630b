/**
 * The schedules' exact learning rates (oracle/schedules/) at random steps and hyperparameters, against
 * their closed forms written again in decimal.js from the docstrings: StepLR and ExponentialDecay
 * α₀ γ^⌊t/s⌋ and α₀ γ^(t/s), MultiStepLR α₀ γ^#{m ≤ t}, PiecewiseConstantDecay v_#{b < t}, LinearLR
 * α₀ (f₀ + (f₁ − f₀) min(t, T)/T), CosineAnnealingLR η + (α₀ − η)(1 + cos(π t/T))/2 and Keras's
 * CosineDecay α₀ ((1 − a)(1 + cos(π min(t, T)/T))/2 + a). Powers with a fraction for exponent and the
 * cosines are taken at 130 digits (within 10^−125 relative); the rest is exact. The enclosure holds
 * the closed form, is a point where the closed form is rational, and both roundings are the closed
 * form's.
 */
import { fc, test } from '@fast-check/vitest';
import { describe } from 'vitest';
import {
  configureSchedule,
  cosineAnnealing,
  exponentialDecay,
  linear,
  multiStep,
  piecewiseConstant,
} from '../../../core/schedules/index.js';
import { cosineFactor, D, pow } from '../closed-forms.js';
import { expectRate, rationalCosine } from './rates.js';

const rate = fc.constantFrom('0.1', '0.05', '1', '0.0003', '2.5');
const gamma = fc.constantFrom('0.96', '0.1', '0.5', '0.999', '0.3', '0');
const step = fc.nat({ max: 300 });
const c = cosineFactor;

describe('the decays at random steps', () => {
  test.prop([rate, gamma, fc.integer({ min: 1, max: 60 }), step, fc.constantFrom(undefined, false, true)])(
    "StepLR (staircase) and Keras's ExponentialDecay (staircase or not): α₀ γ^⌊t/s⌋, α₀ γ^(t/s)",
    (lr, g, s, t, kerasStaircase) => {
      const hyper = { lr, decayRate: g, decaySteps: s };
      // StepLR's staircase is its preset's; Keras's is an option.
      const config =
        kerasStaircase === undefined
          ? configureSchedule(exponentialDecay, 'pytorch', { hyper })
          : configureSchedule(exponentialDecay, 'keras', { hyper, flags: { staircase: kerasStaircase } });
      const staircase = kerasStaircase ?? true;
      const whole = staircase || t % s === 0;
      const power = whole ? new D(g).pow(Math.floor(t / s)) : pow(new D(g), new D(t).div(s));
      expectRate(config, t, power.times(lr), { point: whole, approximate: !whole });
    },
  );

  test.prop([rate, gamma, fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 5 }), fc.nat({ max: 50 })])(
    'MultiStepLR: α₀ γ^#{m ≤ t}, milestones counted with repeats',
    (lr, g, milestones, t) => {
      const sorted = [...milestones].sort((x, y) => x - y);
      const config = configureSchedule(multiStep, 'pytorch', {
        hyper: { lr, decayRate: g },
        lists: { milestones: sorted },
      });
      const expected = new D(g).pow(sorted.filter((m) => m <= t).length).times(lr);
      expectRate(config, t, expected, { point: true, approximate: false });
    },
  );

  test.prop([fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 }), fc.nat({ max: 50 })])(
    'PiecewiseConstantDecay: v_i with i = #{b < t}',
    (boundaries, t) => {
      const sorted = [...boundaries].sort((x, y) => x - y);
      const values = [...sorted, 0].map((_, i) => `0.${i + 1}`);
      const config = configureSchedule(piecewiseConstant, 'keras', { lists: { boundaries: sorted, values } });
      const expected = new D(values[sorted.filter((b) => b < t).length]!);
      expectRate(config, t, expected, { point: true, approximate: false });
    },
  );

  test.prop([
    rate,
    fc.constantFrom('0.3333333333333333', '0.5', '1', '0.25'),
    fc.constantFrom('1', '0.5', '0.1'),
    fc.integer({ min: 1, max: 30 }),
    fc.nat({ max: 60 }),
  ])('LinearLR: α₀ (f₀ + (f₁ − f₀) min(t, T)/T)', (lr, f0, f1, T, t) => {
    const config = configureSchedule(linear, 'pytorch', {
      hyper: { lr, startFactor: f0, endFactor: f1, totalIters: T },
    });
    const factor = new D(f0).plus(new D(f1).minus(f0).times(Math.min(t, T)).div(T));
    // A point when the rate is a terminating decimal: then D holds it in fewer than its 1,000 digits.
    const expected = factor.times(lr);
    expectRate(config, t, expected, { point: expected.sd() < 900, approximate: true });
  });
});

describe('the cosines at random steps', () => {
  test.prop([rate, fc.constantFrom('0', '0.001', '0.01'), fc.integer({ min: 1, max: 60 }), step])(
    'CosineAnnealingLR: η + (α₀ − η) c(t/T), periodic past T',
    (lr, eta, T, t) => {
      const config = configureSchedule(cosineAnnealing, 'pytorch', { hyper: { lr, minimum: eta, decaySteps: T } });
      const expected = new D(eta).plus(new D(lr).minus(eta).times(c(new D(t).div(T))));
      expectRate(config, t, expected, { point: rationalCosine(t, T), approximate: true });
    },
  );

  test.prop([rate, fc.constantFrom('0', '0.1', '0.5'), fc.integer({ min: 1, max: 60 }), step])(
    "Keras's CosineDecay: α₀ ((1 − a) c(min(t, T)/T) + a), clamped past T",
    (lr, alpha, T, t) => {
      const config = configureSchedule(cosineAnnealing, 'keras', { hyper: { lr, alpha, decaySteps: T } });
      const s = Math.min(t, T);
      const expected = new D(lr).times(
        new D(1)
          .minus(alpha)
          .times(c(new D(s).div(T)))
          .plus(alpha),
      );
      expectRate(config, t, expected, { point: rationalCosine(s, T), approximate: true });
    },
  );
});
