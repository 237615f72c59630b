/**
 * Adam with β1 = 0 is RMSProp with ε outside (PyTorch's form) once Adam's bias correction is folded
 * into the rate and ε: α_t = α √(1 − β2^t), ε_t = ε √(1 − β2^t) (Kingma & Ba 2015, section 5).
 *
 * @module
 */
import fc from 'fast-check';
import { exactText } from '../../../oracle/binary32.js';
import { configure, type Configuration } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import type { RmspropSchema } from '../../../core/catalogue/rules/rmsprop.js';
import { nonnegative } from '../../gate/arbitraries/float32.js';
import { checkProperty } from '../property.js';
import type { Claim } from '../types.js';
import { adam, agree, D, EPSILONS, F, gradients, moderate, rate, trajectory } from './common.js';
import { float32Pair, namedProperty } from './pair.js';

/** RMSProp with ε outside (PyTorch's form) and bias correction folded into α_t = α √(1 − β2^t), ε_t = ε √(1 − β2^t). */
function biasCorrectedRmsprop(alpha: string, b2: number, eps: string, t: number): Configuration<RmspropSchema> {
  const root = new D(1).minus(new D(exactText(b2)).pow(t)).sqrt();
  return configure(entries.rmsprop, 'pytorch', {
    lr: root.times(alpha).toString(),
    rho: exactText(b2),
    eps: root.times(eps).toString(),
    momentum: '0',
    weightDecay: '0',
  });
}

/** Adam with β1 = 0 against bias-corrected RMSProp. */
export const adamRmspropClaims: readonly Claim[] = [
  {
    id: 'equivalence/adam-beta1-zero-rmsprop',
    statement:
      'Adam with β1 = 0 equals RMSProp (ε outside) with bias correction: α_t = α √(1 − β2^t), ε_t = ε √(1 − β2^t)',
    source: 'Kingma & Ba 2015, section 5; Ruder 2016, section 4.6',
    on: 'oracle',
    expected: 'holds',
    check: (o) =>
      checkProperty(
        {
          ...namedProperty(
            ['θ', 'β2', 'ε', 'g'],
            [moderate, rate, fc.constantFrom(...EPSILONS), gradients(20)],
            (theta, b2, eps, gs) =>
              agree(
                trajectory(() => adam('paper', 0, b2, eps, { lr: '0.001' }), theta, { m: '0', v: '0' }, gs),
                trajectory(
                  (t) => biasCorrectedRmsprop('0.001', b2, eps, t),
                  theta,
                  { meanSquare: '0', buffer: '0' },
                  gs,
                ),
              ),
          ),
          runs: 100,
        },
        o,
      ),
  },
  {
    id: 'equivalence/adam-beta1-zero-rmsprop/float32',
    statement: 'float32 production, one step, α_t and ε_t rounded to float32: |P_A − P_B − (X_A − X_B)| ≤ e_A + e_B',
    source: 'Kingma & Ba 2015, section 5',
    on: 'float32',
    expected: 'holds with bound',
    check: (o) =>
      float32Pair(
        [
          moderate,
          moderate,
          nonnegative(moderate),
          rate,
          fc.constantFrom(...EPSILONS),
          fc.integer({ min: 1, max: 100 }),
        ],
        (theta, g, v, b2, eps, t) => {
          const r = biasCorrectedRmsprop('0.001', b2, eps, t);
          const rounded = configure(entries.rmsprop, 'pytorch', {
            ...r.hyper,
            lr: exactText(F(Number(r.hyper.lr))),
            eps: exactText(F(Number(r.hyper.eps))),
          });
          return [
            { config: adam('paper', 0, b2, eps, { lr: '0.001' }), param: theta, grad: g, state: { m: 0, v }, t },
            { config: rounded, param: theta, grad: g, state: { meanSquare: v, buffer: 0 }, t },
          ];
        },
        ['θ', 'g', 'v', 'β2', 'ε', 't'],
        o,
      ),
  },
];
