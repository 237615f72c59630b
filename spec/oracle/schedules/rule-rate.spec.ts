/**
 * oracle/schedules/rule-rate.ts: a schedule's rate as each stage of the oracle's ladder takes it. In
 * every arithmetic the rate must decide its order against values just off PyTorch's CosineAnnealingLR
 * η + (α₀ − η) c(t/T) (c(x) = (1 + cos(π x))/2, written again at 130 digits) at t = k − 1, as the
 * right enclosure of that closed form would at the arithmetic's width; the rational stage holds it
 * exactly where the cosine is rational (Niven) and refuses it elsewhere.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { configureSchedule, cosineAnnealing } from '../../../core/schedules/index.js';
import { BigFloatIntervals } from '../../../oracle/big-float-intervals.js';
import type { Arithmetic, Enclosure } from '../../../oracle/enclosure.js';
import { Float64Enclosures } from '../../../oracle/float64.js';
import { SharedDecimalFloat64 } from '../../../oracle/float64-shared-decimal.js';
import { IntervalArithmetic } from '../../../oracle/interval.js';
import { LazyArithmetic } from '../../../oracle/lazy-arithmetic.js';
import { NOT_RATIONAL, RationalArithmetic } from '../../../oracle/rational.js';
import { RationalWithFloat64 } from '../../../oracle/rational-with-float64.js';
import { scheduledRate } from '../../../oracle/schedules/rule-rate.js';
import { cosineFactor, D } from '../closed-forms.js';
import { rationalCosine } from './rates.js';

/**
 * Each stage's arithmetic and the relative distance from the rate at which it must decide: a few
 * units of its last place (2^−49 for the float64 stages, whose rate is the two doubles around it),
 * and 10^−37 for the big floats, whose rate is the decimal enclosure at 40 digits taken at their bits.
 */
const STAGES: readonly (readonly [string, () => Arithmetic, string])[] = [
  ['decimal, 40 digits', () => IntervalArithmetic.at(40), '1e-37'],
  ['float64', () => Float64Enclosures.instance, '1.8e-15'],
  ['float64 beside shared decimals', () => SharedDecimalFloat64.instance, '1.8e-15'],
  ['big floats, 160 bits', () => BigFloatIntervals.at(160), '1e-37'],
  ['rationals paired with float64', () => RationalWithFloat64.instance, '1.8e-15'],
  ['lazy, over decimal at 40 digits', () => new LazyArithmetic(IntervalArithmetic.at(40)), '1e-37'],
];

const schedule = fc.record({
  lr: fc.constantFrom('0.1', '1', '0.0003', '2.5'),
  eta: fc.constantFrom('0', '0.001', '0.05'),
  T: fc.integer({ min: 1, max: 60 }),
});
type Drawn = { lr: string; eta: string; T: number };
const configOf = ({ lr, eta, T }: Drawn) =>
  configureSchedule(cosineAnnealing, 'pytorch', { hyper: { lr, minimum: eta, decaySteps: T } });
const closedForm = ({ lr, eta, T }: Drawn, k: number) =>
  new D(eta).plus(new D(lr).minus(eta).times(cosineFactor(new D(k - 1).div(T))));

/** Whether `rate` lies strictly between x − s |x| and x + s |x| (x ± s α₀ where x = 0), as `a` decides it. */
function decidesAround(a: Arithmetic, rate: Enclosure, x: D, s: string, lr: string): boolean {
  const d = new D(s).times(x.isZero() ? lr : x.abs());
  return !a.isNegative(a.sub(rate, a.point(x.minus(d)))) && a.isNegative(a.sub(rate, a.point(x.plus(d))));
}

describe("a schedule's rate in each stage's arithmetic", () => {
  test.prop([schedule, fc.integer({ min: 1, max: 300 })])(
    'decides its order within a few units of the last place about η + (α₀ − η) c((k − 1)/T)',
    (drawn, k) => {
      const x = closedForm(drawn, k);
      for (const [name, arithmetic, s] of STAGES) {
        const a = arithmetic();
        expect(decidesAround(a, scheduledRate(a, configOf(drawn), k), x, s, drawn.lr), name).toBe(true);
      }
    },
  );

  test.prop([schedule, fc.integer({ min: 1, max: 300 })])(
    'is the exact rational where the cosine is rational, and not a rational elsewhere',
    (drawn, k) => {
      const a: Arithmetic = RationalArithmetic.instance;
      const rate = scheduledRate(a, configOf(drawn), k);
      if (rationalCosine(k - 1, drawn.T)) {
        const x = closedForm(drawn, k).toSignificantDigits(100);
        expect(a.isZero(a.sub(rate, a.point(x)))).toBe(true);
      } else expect(rate).toBe(NOT_RATIONAL);
    },
  );

  test.prop([
    fc.tuple(schedule, schedule),
    fc.array(fc.tuple(fc.constantFrom(0, 1), fc.integer({ min: 1, max: 4 })), { minLength: 2, maxLength: 12 }),
  ])('is the rate of the schedule and step asked, whatever was asked before', (drawn, asked) => {
    const a = Float64Enclosures.instance;
    const configs = drawn.map(configOf);
    asked.forEach(([which, k], i) => {
      const rate = scheduledRate(a, configs[which]!, k);
      const x = closedForm(drawn[which], k);
      expect(decidesAround(a, rate, x, '1.8e-15', drawn[which].lr), `call ${i}`).toBe(true);
    });
  });

  it('is refused, as an internal error, in an arithmetic that is no stage', () => {
    const config = configOf({ lr: '0.1', eta: '0', T: 7 });
    class Stranger {
      readonly precision = 40;
    }
    const stranger = new Stranger() as unknown as Arithmetic;
    expect(() => scheduledRate(stranger, config, 2)).toThrow(
      'internal: a scheduled learning rate in an arithmetic of no stage (Stranger)',
    );
  });
});
