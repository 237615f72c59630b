/**
 * AMSGrad against Adam (Reddi et al. 2018, Algorithm 2): equal while v never decreases, not in
 * general.
 *
 * @module
 */
import fc from 'fast-check';
import { exactText } from '../../../oracle/binary32.js';
import { configure, type Configuration } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import type { AdamSchema } from '../../../core/catalogue/rules/adam.js';
import { required } from '../../../core/required.js';
import { nonnegative } from '../../gate/arbitraries/float32.js';
import { checkProperty } from '../property.js';
import type { Claim } from '../types.js';
import { adam, agree, F, gradients, moderate, rate, trajectory } from './common.js';
import { float32Pair, namedProperty } from './pair.js';

const EXTRA = { lr: '0.001', weightDecay: '0' };

/** AMSGrad and Adam in PyTorch's form, ε = 10^−8, α = 0.001, no weight decay. */
function configs(b1: number, b2: number): { adam: Configuration<AdamSchema>; amsgrad: Configuration<AdamSchema> } {
  return {
    adam: adam('pytorch', b1, b2, '1e-8', EXTRA),
    amsgrad: configure(entries.amsgrad, 'pytorch', {
      beta1: exactText(b1),
      beta2: exactText(b2),
      eps: '1e-8',
      ...EXTRA,
    }),
  };
}

/** The exact θ trajectories of Adam and of AMSGrad from zero state. */
function trajectories(theta: number, b1: number, b2: number, gs: readonly number[]) {
  const c = configs(b1, b2);
  return {
    adam: trajectory(() => c.adam, theta, { m: '0', v: '0' }, gs),
    amsgrad: trajectory(() => c.amsgrad, theta, { m: '0', v: '0', vmax: '0' }, gs),
  };
}

/** AMSGrad against Adam. */
export const amsgradClaims: readonly Claim[] = [
  {
    id: 'equivalence/amsgrad-adam-nondecreasing',
    statement: 'AMSGrad equals Adam while v never decreases (|g_t| non-decreasing from zero state)',
    source: 'Reddi et al. 2018, Algorithm 2',
    on: 'oracle',
    expected: 'holds',
    check: (o) =>
      checkProperty(
        {
          ...namedProperty(['θ', 'β1', 'β2', 'g'], [moderate, rate, rate, gradients(20)], (theta, b1, b2, raw) => {
            // |g_t| non-decreasing makes v_t = β2 v_{t−1} + (1 − β2) g_t² ≥ v_{t−1}, so max(v_max, v) = v.
            const gs = [...raw].sort((x, y) => Math.abs(x) - Math.abs(y));
            const r = trajectories(theta, b1, b2, gs);
            return agree(r.adam, r.amsgrad);
          }),
          runs: 100,
        },
        o,
      ),
  },
  {
    id: 'equivalence/amsgrad-adam',
    statement: 'AMSGrad equals Adam for any gradient sequence',
    source: 'Reddi et al. 2018',
    on: 'oracle',
    expected: 'refuted',
    check: (o) =>
      checkProperty(
        {
          ...namedProperty(['θ', 'β1', 'β2', 'g'], [moderate, rate, rate, gradients(20)], (theta, b1, b2, gs) => {
            const r = trajectories(theta, b1, b2, gs);
            return agree(r.adam, r.amsgrad);
          }),
          runs: 100,
          reason: ([theta, b1, b2, gs]) => {
            const r = trajectories(theta, b1, b2, gs);
            const [x, y] = [required(r.adam.at(-1), "Adam's last θ"), required(r.amsgrad.at(-1), "AMSGrad's last θ")];
            const [adamTheta, amsgradTheta] = [
              x.toSignificantDigits(12).toString(),
              y.toSignificantDigits(12).toString(),
            ];
            return `θ_${gs.length} = ${adamTheta} (Adam) against ${amsgradTheta} (AMSGrad): v decreased at the last step`;
          },
        },
        o,
      ),
  },
  {
    id: 'equivalence/amsgrad-adam-nondecreasing/float32',
    statement: 'float32 production, one step with v_max ≤ float32(β2 v) (so v_max ≤ v′ after rounding): bitwise equal',
    source: 'Reddi et al. 2018',
    on: 'float32',
    expected: 'holds',
    check: (o) =>
      float32Pair(
        [moderate, moderate, moderate, nonnegative(moderate), rate, rate, rate, fc.integer({ min: 1, max: 100 })],
        (theta, g, m, v, b1, b2, shrink, t) => {
          const c = configs(b1, b2);
          return [
            { config: c.adam, param: theta, grad: g, state: { m, v }, t },
            { config: c.amsgrad, param: theta, grad: g, state: { m, v, vmax: F(F(b2 * v) * shrink) }, t },
          ];
        },
        ['θ', 'g', 'm', 'v', 'β1', 'β2', 'v_max / float32(β2 v)', 't'],
        o,
        true,
      ),
  },
];
