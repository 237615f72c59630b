/**
 * oracle/schedules/exact-cosine.ts where a warmup or a cycle shapes the rate, at random steps, against
 * the closed forms written again in decimal.js (cosines and powers at 130 digits): optax's
 * warmup_cosine_decay_schedule, init + (peak − init) s/W during the warmup and then
 * peak ((1 − a) c(x)^k + a) with a = end/peak over D = T − W steps; Keras's CosineDecay with a warmup
 * target, the decay over T steps after the warmup; PyTorch's OneCycleLR in two or three phases, with
 * the cosine anneal b + (a − b) c(x) or the linear a + (b − a) x, and its two errors.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { configureSchedule, cosineAnnealing, oneCycle, ScheduleStepError } from '../../../core/schedules/index.js';
import { learningRateAt } from '../../../oracle/schedules/index.js';
import { cosineFactor, D, pow } from '../closed-forms.js';
import { expectRate } from './rates.js';

const c = cosineFactor;
/** The rate at t holds `expected` (within 10^−125 relative: its cosines and powers), rounds to float32 and float64 as it does. */
const expectClose = (config: Parameters<typeof expectRate>[0], t: number, expected: D) =>
  expectRate(config, t, expected, { point: false, approximate: true });

describe('cosine decay after a warmup', () => {
  test.prop([
    fc.constantFrom('0', '0.01'),
    fc.constantFrom('1', '0.5'),
    fc.constantFrom('0', '0.1'),
    fc.constantFrom('1', '2', '0.5'),
    fc.integer({ min: 1, max: 20 }),
    fc.integer({ min: 1, max: 40 }),
    fc.nat({ max: 80 }),
  ])(
    "optax's: init + (peak − init) s/W, then peak ((1 − a) c((s − W)/(T − W))^k + a)",
    (init, peak, end, k, W, more, t) => {
      const T = W + more;
      const config = configureSchedule(cosineAnnealing, 'optax', {
        hyper: { lr: init, peak, end, exponent: k, warmupSteps: W, decaySteps: T },
      });
      const s = Math.min(t, T);
      const P = new D(peak);
      const alpha = new D(end).div(P);
      const expected =
        s < W
          ? new D(init).plus(P.minus(init).times(s).div(W))
          : P.times(
              new D(1)
                .minus(alpha)
                .times(pow(c(new D(s - W).div(T - W)), k))
                .plus(alpha),
            );
      expectClose(config, t, expected);
    },
  );

  test.prop([
    fc.constantFrom('0.1', '0.01'),
    fc.constantFrom('1', '0.2'),
    fc.constantFrom('0', '0.5'),
    fc.integer({ min: 1, max: 20 }),
    fc.integer({ min: 1, max: 40 }),
    fc.nat({ max: 80 }),
  ])("Keras's with a warmup target: the decay over T steps after W", (lr, peak, alpha, W, T, t) => {
    const config = configureSchedule(cosineAnnealing, 'keras', {
      hyper: { lr, peak, alpha, warmupSteps: W, decaySteps: T },
    });
    const s = Math.min(t, W + T);
    const P = new D(peak);
    const expected =
      s < W
        ? new D(lr).plus(P.minus(lr).times(s).div(W))
        : P.times(
            new D(1)
              .minus(alpha)
              .times(c(new D(s - W).div(T)))
              .plus(alpha),
          );
    expectClose(config, t, expected);
  });
});

describe("PyTorch's OneCycleLR", () => {
  /** The phases as the docstring states them: ends ρN − 1, then N − 1 (or 2ρN − 2 and N − 1). */
  function closedForm(
    N: number,
    pct: string,
    max: string,
    div: string,
    final: string,
    three: boolean,
    linear: boolean,
  ) {
    const initial = new D(max).div(div);
    const minimum = initial.div(final);
    const rise = new D(pct).times(N).minus(1);
    const phases = three
      ? [
          { end: rise, from: initial, to: new D(max) },
          { end: rise.plus(1).times(2).minus(2), from: new D(max), to: initial },
          { end: new D(N - 1), from: initial, to: minimum },
        ]
      : [
          { end: rise, from: initial, to: new D(max) },
          { end: new D(N - 1), from: new D(max), to: minimum },
        ];
    return (t: number): D => {
      let start = new D(0);
      let i = 0;
      while (i < phases.length - 1 && new D(t).gt(phases[i]!.end)) start = phases[i++]!.end;
      const { end, from, to } = phases[i]!;
      const x = new D(t).minus(start).div(end.minus(start));
      return linear ? from.plus(to.minus(from).times(x)) : to.plus(from.minus(to).times(c(x)));
    };
  }

  test.prop([
    fc.integer({ min: 10, max: 60 }),
    fc.constantFrom('0.3', '0.25', '0.5'),
    fc.constantFrom('0.01', '1'),
    fc.constantFrom('25', '4'),
    fc.constantFrom('10000', '10'),
    fc.boolean(),
    fc.constantFrom('cos', 'linear'),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ])(
    'each phase from its start to its end, cos or linear, two or three phases',
    (N, pct, max, div, final, three, anneal, u) => {
      const config = configureSchedule(oneCycle, 'pytorch', {
        hyper: { maxLr: max, totalSteps: N, pctStart: pct, divFactor: div, finalDivFactor: final },
        flags: { threePhase: three, anneal },
      });
      const t = Math.min(N, Math.floor(u * (N + 1)));
      expectClose(config, t, closedForm(N, pct, max, div, final, three, anneal === 'linear')(t));
    },
  );

  it('refuses a step past total_steps, and an empty phase, with the errors PyTorch raises', () => {
    const config = configureSchedule(oneCycle, 'pytorch', { hyper: { totalSteps: 20 } });
    expect(() => learningRateAt(config, 21)).toThrow(
      new ScheduleStepError('one-cycle', 'ValueError', 'step 21 is past total_steps = 20'),
    );
    expect(learningRateAt(config, 20).float32).toBeGreaterThan(0);
    // ρN − 1 = 0: the first phase starts and ends at step 0.
    const empty = configureSchedule(oneCycle, 'pytorch', { hyper: { totalSteps: 10, pctStart: '0.1' } });
    expect(() => learningRateAt(empty, 0)).toThrow(
      new ScheduleStepError('one-cycle', 'ZeroDivisionError', 'phase 1 is empty (it starts and ends at 0/1)'),
    );
  });
});
