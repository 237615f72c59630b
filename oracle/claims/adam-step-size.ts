/**
 * Adam's effective step with ε = 0, exactly (Kingma & Ba 2015, section 2.1): from zero state and a
 * gradient sequence g_1..g_t (exact decimals),
 *
 *   m_t = (1 − β1) Σ β1^(t−i) g_i,   v_t = (1 − β2) Σ β2^(t−i) g_i²,   Δ_t = α (m_t / (1 − β1^t)) / √(v_t / (1 − β2^t)),
 *
 * with no rounding between steps, and the bounds the paper states and the tight one derived in
 * docs/claims.md:
 *
 *   paper:  |Δ_t| ≤ α (1 − β1)/√(1 − β2) when 1 − β1 > √(1 − β2), else |Δ_t| ≤ α
 *   tight:  |Δ_t| ≤ α (1 − β1)/(1 − β1^t) · √((1 − β2^t)/(1 − β2)) · √(Σ_{k<t} (β1²/β2)^k),
 *           attained by g_i = (β1/β2)^(t−i).
 *
 * @module
 */
import type { Dec } from '../binary32.js';
import { IntervalArithmetic, type Interval } from '../interval.js';

/** m̂_t and v̂_t for the gradient sequence from zero state, in interval arithmetic at `a`'s precision. */
export function adamMoments(
  a: IntervalArithmetic,
  beta1: Dec | string,
  beta2: Dec | string,
  gradients: readonly (Dec | string)[],
): { mHat: Interval; vHat: Interval } {
  const b1 = a.point(beta1);
  const b2 = a.point(beta2);
  const one = a.point(1);
  let m = a.point(0);
  let v = a.point(0);
  for (const g of gradients) {
    const G = a.point(g);
    m = a.add(a.mul(b1, m), a.mul(a.sub(one, b1), G));
    v = a.add(a.mul(b2, v), a.mul(a.sub(one, b2), a.square(G)));
  }
  const t = gradients.length;
  return { mHat: a.div(m, a.sub(one, a.powInt(b1, t))), vHat: a.div(v, a.sub(one, a.powInt(b2, t))) };
}

/** Δ_t for the gradient sequence, in interval arithmetic at `a`'s precision. */
export function adamStep(
  a: IntervalArithmetic,
  beta1: Dec | string,
  beta2: Dec | string,
  alpha: Dec | string,
  gradients: readonly (Dec | string)[],
): Interval {
  const { mHat, vHat } = adamMoments(a, beta1, beta2, gradients);
  return a.mul(a.point(alpha), a.div(mHat, a.sqrt(vHat)));
}

/** The paper's bound on |Δ_t| (section 2.1). */
export function paperBound(
  a: IntervalArithmetic,
  beta1: Dec | string,
  beta2: Dec | string,
  alpha: Dec | string,
): Interval {
  const one = a.point(1);
  const ratio = a.div(a.sub(one, a.point(beta1)), a.sqrt(a.sub(one, a.point(beta2))));
  return a.mul(a.point(alpha), ratio.lo.gt(1) ? ratio : one);
}

/** The tight bound on |Δ_t| for given β1, β2 and t (docs/claims.md); infinite when β2 = 0 < β1 and t > 1. */
export function tightBound(
  a: IntervalArithmetic,
  beta1: Dec | string,
  beta2: Dec | string,
  alpha: Dec | string,
  t: number,
): Interval {
  const one = a.point(1);
  const b1 = a.point(beta1);
  const b2 = a.point(beta2);
  if (b2.lo.isZero() && !b1.lo.isZero() && t > 1) return a.point(Infinity);
  const gamma = b1.lo.isZero() ? a.point(0) : a.div(a.square(b1), b2);
  let sum = a.point(0);
  let term = one;
  for (let k = 0; k < t; k++) {
    sum = a.add(sum, term);
    term = a.mul(term, gamma);
  }
  const head = a.div(a.sub(one, b1), a.sub(one, a.powInt(b1, t)));
  const tail = a.sqrt(a.mul(a.div(a.sub(one, a.powInt(b2, t)), a.sub(one, b2)), sum));
  return a.mul(a.point(alpha), a.mul(head, tail));
}

/** The gradient sequence that attains the tight bound: g_i = (β1/β2)^(t−i), i = 1..t, to `digits` digits. */
export function extremalGradients(beta1: string, beta2: string, t: number, digits = 60): Dec[] {
  const a = IntervalArithmetic.at(digits);
  const r = a.div(a.point(beta1), a.point(beta2));
  return Array.from({ length: t }, (_, i) => a.powInt(r, t - 1 - i).near);
}

/**
 * Decides x ≤ y for exact values given by `compute` at increasing precisions: true or false when the
 * enclosures separate, 'equal' when they still overlap at 1280 digits (equal to 10^−1270).
 */
export function compareExact(compute: (a: IntervalArithmetic) => { x: Interval; y: Interval }): boolean | 'equal' {
  for (const precision of [40, 80, 160, 320, 640, 1280]) {
    const { x, y } = compute(IntervalArithmetic.at(precision));
    if (x.hi.lte(y.lo)) return true;
    if (x.lo.gt(y.hi)) return false;
  }
  return 'equal';
}
