/**
 * The penalties, exact (interval arithmetic on the float32 weights and the hyperparameters as
 * written), each output certified correctly rounded to float32. With k = 1 for λ/2 ‖w‖² (`half`) and
 * k = 2 for λ ‖w‖² (`full`), S_τ(w) = sign(w) max(|w| − τ, 0):
 *
 *   l1:           λ Σ |w|;                 λ sign(w) (0 at w = 0);             S_{αλ}(w)
 *   l2:           (kλ/2) Σ w²;             kλ w;                                w / (1 + αkλ)
 *   elastic-net:  λ1 Σ |w| + (kλ2/2) Σ w²; λ1 sign(w) + kλ2 w;                  S_{αλ1}(w) / (1 + αkλ2)
 *   smooth-l1:    λ Σ √(w² + ε);           λ w / √(w² + ε)
 *
 * @module
 */
import { exactFromFloat32 } from '../binary32.js';
import { certify } from '../certify.js';
import { IntervalArithmetic, type Interval } from '../interval.js';
import { checkEntry, uncertifiedElements } from '../marks.js';
import type { Configuration, UncertifiedElement } from '../../core/catalogue/index.js';

type Outputs = {
  penalty: Float32Array;
  gradient: Float32Array;
  prox?: Float32Array;
  uncertified: UncertifiedElement[];
};

/** The penalties {@link penaltyOracle} computes. */
const PENALTIES: readonly string[] = ['l1', 'l2', 'elastic-net', 'smooth-l1'];

interface Exact {
  term(a: IntervalArithmetic, w: Interval): Interval;
  gradient(a: IntervalArithmetic, w: Interval): Interval;
  prox?(a: IntervalArithmetic, w: Interval): Interval;
}

function signOf(a: IntervalArithmetic, w: Interval): Interval {
  return a.point(w.near.isZero() ? 0 : w.near.isNeg() ? -1 : 1);
}

function softThreshold(a: IntervalArithmetic, w: Interval, tau: Interval): Interval {
  return a.mul(signOf(a, w), a.max(a.sub(a.abs(w), tau), a.point(0)));
}

/** The exact formulas of `config`'s penalty at `a`'s precision. */
function exactPenalty(config: Configuration, a: IntervalArithmetic): Exact {
  const h = (key: string) => a.point(config.hyper[key]!);
  const k = a.point(config.flags['convention'] === 'full' ? 2 : 1);
  const l2 = (key: string) => {
    const kLambda = a.mul(k, h(key));
    return { half: a.div(kLambda, a.point(2)), kLambda, divisor: a.add(a.point(1), a.mul(h('lr'), kLambda)) };
  };
  switch (config.entry.name) {
    case 'l1':
      return {
        term: (b, w) => b.mul(h('lambda'), b.abs(w)),
        gradient: (b, w) => b.mul(h('lambda'), signOf(b, w)),
        prox: (b, w) => softThreshold(b, w, b.mul(h('lr'), h('lambda'))),
      };
    case 'l2': {
      const c = l2('lambda');
      return {
        term: (b, w) => b.mul(c.half, b.square(w)),
        gradient: (b, w) => b.mul(c.kLambda, w),
        prox: (b, w) => b.div(w, c.divisor),
      };
    }
    case 'elastic-net': {
      const c = l2('lambda2');
      return {
        term: (b, w) => b.add(b.mul(h('lambda1'), b.abs(w)), b.mul(c.half, b.square(w))),
        gradient: (b, w) => b.add(b.mul(h('lambda1'), signOf(b, w)), b.mul(c.kLambda, w)),
        prox: (b, w) => b.div(softThreshold(b, w, b.mul(h('lr'), h('lambda1'))), c.divisor),
      };
    }
    case 'smooth-l1':
      return {
        term: (b, w) => b.mul(h('lambda'), b.sqrt(b.add(b.square(w), h('eps')))),
        gradient: (b, w) => b.mul(h('lambda'), b.div(w, b.sqrt(b.add(b.square(w), h('eps'))))),
      };
    default:
      throw new RangeError(`no exact penalty for '${config.entry.name}'`);
  }
}

/** Whether `config`'s penalty has a closed-form proximal step. */
export function hasProx(config: Configuration): boolean {
  return config.entry.name !== 'smooth-l1';
}

/**
 * The penalty, gradient and proximal step of the weights, each correctly rounded to float32, and the
 * elements left uncertified.
 */
export function penaltyOracle(config: Configuration, w: Float32Array): Outputs {
  checkEntry('penalties', PENALTIES, config);
  const uncertified: UncertifiedElement[] = [];
  const gradient = new Float32Array(w.length);
  const prox = hasProx(config) ? new Float32Array(w.length) : undefined;
  w.forEach((x, i) => {
    const r = certify<string>((a) => {
      const e = exactPenalty(config, a);
      const W = a.point(exactFromFloat32(x));
      const out: Record<string, Interval> = { gradient: e.gradient(a, W) };
      if (e.prox) out['prox'] = e.prox(a, W);
      return out;
    });
    gradient[i] = r.values['gradient']!;
    if (prox) prox[i] = r.values['prox']!;
    uncertified.push(...uncertifiedElements(r, (output) => ({ output, index: i })));
  });
  const total = certify((a) => {
    const e = exactPenalty(config, a);
    return {
      penalty: Array.from(w).reduce((sum, x) => a.add(sum, e.term(a, a.point(exactFromFloat32(x)))), a.point(0)),
    };
  });
  uncertified.push(...uncertifiedElements(total, (output) => ({ output, index: 0 })));
  return { penalty: Float32Array.of(total.values.penalty), gradient, ...(prox ? { prox } : {}), uncertified };
}

/** The exact penalty (not rounded), for properties about the real numbers. */
export function exactPenaltyValue(config: Configuration, w: readonly (string | number)[], precision = 60): Interval {
  return withArithmetic(precision, (a) => {
    const e = exactPenalty(config, a);
    return w.reduce<Interval>(
      (sum, x) => a.add(sum, e.term(a, a.point(typeof x === 'number' ? exactFromFloat32(x) : x))),
      a.point(0),
    );
  });
}

/** The exact proximal step of one weight (not rounded). */
export function exactProx(config: Configuration, w: string | number, precision = 60): Interval {
  return withArithmetic(precision, (a) =>
    exactPenalty(config, a).prox!(a, a.point(typeof w === 'number' ? exactFromFloat32(w) : w)),
  );
}

function withArithmetic<T>(precision: number, f: (a: IntervalArithmetic) => T): T {
  return f(IntervalArithmetic.at(precision));
}
