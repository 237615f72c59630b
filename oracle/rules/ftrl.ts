/**
 * FTRL-Proximal, exact, in Keras 3's form (keras/src/optimizers/ftrl.py, update_step), which is
 * McMahan et al. 2013's Algorithm 1 when k = 1, λs is absent and n starts at 0:
 *
 *   g' = g + 2 λs θ (when the configuration has λs),   n' = n + g²,   q(x) = √x (p = −0.5) or 1 (p = 0)
 *   z' = z + g' − ((q(n') − q(n)) / α) θ
 *   θ' = (clip(z', −λ1, λ1) − z') / (q(n')/α + k λ2 + β/α),   k = 2 (`doubled`) or 1 (`single`)
 *
 * where clip(z', −λ1, λ1) − z' is 0 for |z'| ≤ λ1 and sign(z') λ1 − z' otherwise, decided exactly.
 *
 * @module
 */
import type { FtrlSchema } from '../../core/catalogue/rules/ftrl.js';
import type { Arithmetic, Enclosure } from '../enclosure.js';
import { elementwiseRule } from '../elementwise.js';
import type { ElementwiseUpdate, StepContext } from '../rule.js';
import { decidedSign } from './common.js';

interface Shared {
  readonly context: StepContext<FtrlSchema>;
  /** k λ2 + β/α. */
  readonly constant: Enclosure;
  /** 2 λs, when the configuration has λs. */
  readonly shrinkage?: Enclosure;
}

/** q(n) = n^(−p) for the power the flag `learningRatePower` names. */
function power(a: Arithmetic, n: Enclosure, p: FtrlSchema['flags']['learningRatePower']): Enclosure {
  return p === '0' ? a.point(1) : a.sqrt(n);
}

/**
 * q(n') − q(n) with n' = n + g², g ≠ 0: 0 for p = 0, and for p = −0.5 the equal g² / (√n' + √n),
 * which does not cancel (√n' − √n loses every digit when g² is tiny beside n: n = 3.4 · 10^38,
 * g² = 4.3 · 10^9 leaves binary64 an enclosure a million times wider than the difference).
 */
function powerChange(
  a: Arithmetic,
  gradSquared: Enclosure,
  rate: Enclosure,
  n: Enclosure,
  p: FtrlSchema['flags']['learningRatePower'],
): Enclosure {
  return p === '0' ? a.point(0) : a.div(gradSquared, a.add(rate, a.sqrt(n)));
}

/** FTRL-Proximal's exact elementwise update. */
export const ftrlUpdate: ElementwiseUpdate<FtrlSchema, Shared> = {
  name: 'ftrl',
  entries: ['ftrl'],
  initTensorSlots: () => ({}),
  prepare(a, context) {
    const { h, flags } = context;
    const k = a.point(flags.l2Scale === 'doubled' ? 2 : 1);
    return {
      context,
      constant: a.add(a.mul(k, h.l2), a.div(h.beta, h.lr)),
      ...(h.l2Shrinkage === undefined ? {} : { shrinkage: a.mul(a.point(2), h.l2Shrinkage) }),
    };
  },
  element(a, { param, grad, slots }, { context: { h, flags }, constant, shrinkage }) {
    const p = flags.learningRatePower;
    const g = shrinkage === undefined ? grad : a.add(grad, a.mul(shrinkage, param));
    const gradSquared = a.square(grad);
    const n = a.add(slots.accumulator, gradSquared);
    const rate = power(a, n, p);
    // g = 0 leaves n' = n: the difference is an exact 0 (σ = 0, or 0/0 at α = 0).
    const change = a.isZero(grad) ? a.point(0) : powerChange(a, gradSquared, rate, slots.accumulator, p);
    const sigma = a.div(change, h.lr);
    const z = a.add(slots.linear, a.sub(g, a.mul(sigma, param)));
    // clip(z', −λ1, λ1) − z': exactly 0 where |z'| ≤ λ1 (an enclosure of z' − z' would hold 0 without being
    // it), else sign(z') λ1 − z'; NaN for a NaN z'.
    const within = decidedSign(a, a.sub(a.abs(z), h.l1)) <= 0;
    const numerator = within ? a.point(0) : a.sub(decidedSign(a, z) < 0 ? a.neg(h.l1) : h.l1, z);
    const denominator = a.add(a.div(rate, h.lr), constant);
    return { param: a.div(numerator, denominator), slots: { accumulator: n, linear: z } };
  },
  nextTensorSlots: () => ({}),
};

/** FTRL-Proximal as an oracle rule. */
export const ftrlOracle = elementwiseRule(ftrlUpdate);
