/**
 * The exact learning rates of cosine annealing (each framework's floor, warmup and clamping, read
 * from the flags) and of the one-cycle policy. Every value is A c(x)^k + B with exact rationals A, B
 * and x, and c(x) = (1 + cos(π x))/2 enclosed by ./cos-pi.ts; the warmups and linear anneals are
 * rationals. Written from the schedules' formulas (docstrings, papers), not from the frameworks' code.
 *
 * @module
 */
import { ScheduleStepError, type CosineAnnealingSchema, type OneCycleSchema } from '../../core/schedules/index.js';
import { required } from '../../core/required.js';
import type { Interval, IntervalArithmetic } from '../interval.js';
import { cosPi } from './cos-pi.js';
import { atOrBefore, type ExactSchedule } from './exact-decay.js';
import { add, cmp, div, enclose, isZero, min, mul, rational, sub, type Q } from './rational.js';

const ZERO: Q = rational(0);
const ONE: Q = rational(1);

/** c^k for c ∈ [0, 1] enclosed and k > 0 exact: c^k is increasing in c, so its ends are the ends' powers. */
function power(a: IntervalArithmetic, c: Interval, k: string): Interval {
  if (k === '1') return c;
  const exponent = a.point(k);
  const at = (d: Interval['lo']) => (d.isZero() ? a.point(0) : a.powReal(a.point(d), exponent));
  const lo = at(c.lo);
  const hi = at(c.hi);
  return { lo: lo.lo, hi: hi.hi, near: lo.near };
}

/** A ((1 + cos(π x))/2)^k + B. */
export function annealed(a: IntervalArithmetic, scale: Q, floor: Q, x: Q, k = '1'): Interval {
  const c = a.div(a.add(a.point(1), cosPi(a, x)), a.point(2));
  return a.add(a.mul(enclose(a, scale), power(a, c, k)), enclose(a, floor));
}

/**
 * Cosine annealing at step t:
 * - no warmup: s = t (periodic) or min(t, T) (clamped); α_t = η + (α₀ − η) c(s/T), with η the
 *   floor given (PyTorch's eta_min) or a α₀ (Keras's alpha);
 * - warmup to p over W steps, decay over D = T (after-warmup) or T − W (including-warmup):
 *   s = min(t, W + D); α_t = α₀ + (p − α₀) s/W for s < W, else p ((1 − a) c((s − W)/D)^k + a) with
 *   a Keras's alpha, or optax's e/p (0 when p = 0).
 */
export const cosineAnnealingExact: ExactSchedule<CosineAnnealingSchema> = (a, { hyper, flags }, t) => {
  const lr = rational(hyper.lr);
  const T = rational(hyper.decaySteps);
  // The decay from `from` as A c + B: η + (from − η) c, or from ((1 − a) c + a) with a given or e/from.
  const decayFrom = (from: Q, x: Q): Interval => {
    if (hyper.minimum !== undefined) {
      const eta = rational(hyper.minimum);
      return annealed(a, sub(from, eta), eta, x, hyper.exponent);
    }
    const alpha =
      hyper.alpha !== undefined
        ? rational(hyper.alpha)
        : isZero(from)
          ? ZERO
          : div(rational(required(hyper.end, 'the end value of a preset without a floor')), from);
    return annealed(a, mul(from, sub(ONE, alpha)), mul(from, alpha), x, hyper.exponent);
  };
  if (hyper.peak === undefined) {
    const s = flags.beyondEnd === 'periodic' ? rational(t) : min(rational(t), T);
    return decayFrom(lr, div(s, T));
  }
  const peak = rational(hyper.peak);
  const W = rational(required(hyper.warmupSteps, 'the warmup steps of a preset with a peak'));
  const D = flags.decayStepsCount === 'including-warmup' ? sub(T, W) : T;
  const s = min(rational(t), add(W, D));
  if (cmp(s, W) < 0) return enclose(a, add(lr, mul(sub(peak, lr), div(s, W))));
  return decayFrom(peak, div(sub(s, W), D));
};

/** One phase of the cycle: from `from` to `to` over the steps after `start` up to `end`. */
interface Phase {
  readonly end: Q;
  readonly from: Q;
  readonly to: Q;
}

/**
 * The one-cycle policy at step t ≤ N: the first phase whose end E ≥ t (or the last), from start s
 * (the previous end, 0 first), x = (t − s)/(E − s); cos: b + (a − b) c(x); linear: a + (b − a) x.
 * Phase ends are exact: E₁ = ρ N − 1 (PyTorch compares t with its float64 value, which can fall just
 * below the integer: docs/schedules.md, finding F6).
 */
export const oneCycleExact: ExactSchedule<OneCycleSchema> = (a, { entry, hyper, flags }, t) => {
  const N = rational(hyper.totalSteps);
  if (cmp(rational(t), N) > 0)
    throw new ScheduleStepError(entry.name, 'ValueError', `step ${t} is past total_steps = ${hyper.totalSteps}`);
  const max = rational(hyper.maxLr);
  const initial = div(max, rational(hyper.divFactor));
  const minimum = div(initial, rational(hyper.finalDivFactor));
  const rise = sub(mul(rational(hyper.pctStart), N), ONE);
  const last = sub(N, ONE);
  const phases: Phase[] = flags.threePhase
    ? [
        { end: rise, from: initial, to: max },
        { end: sub(mul(rational(2), add(rise, ONE)), rational(2)), from: max, to: initial },
        { end: last, from: initial, to: minimum },
      ]
    : [
        { end: rise, from: initial, to: max },
        { end: last, from: max, to: minimum },
      ];
  let start = ZERO;
  let i = 0;
  while (i < phases.length - 1 && !atOrBefore(t, required(phases[i], 'phase').end)) {
    start = required(phases[i], 'phase').end;
    i += 1;
  }
  const { end, from, to } = required(phases[i], 'phase');
  if (cmp(end, start) === 0)
    throw new ScheduleStepError(
      entry.name,
      'ZeroDivisionError',
      `phase ${i + 1} is empty (it starts and ends at ${end.num}/${end.den})`,
    );
  const x = div(sub(rational(t), start), sub(end, start));
  if (flags.anneal === 'linear') return enclose(a, add(from, mul(sub(to, from), x)));
  return annealed(a, sub(from, to), to, x);
};
