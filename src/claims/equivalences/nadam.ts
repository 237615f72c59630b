/**
 * The paper's Nadam is Adam with a Nesterov look-ahead on the first moment: its step from (m, v) is
 * Adam's step from (m_t, v) with the same g, m_t = β1 m + (1 − β1) g (Dozat 2016).
 *
 * @module
 */
import fc from 'fast-check';
import type { Decimal } from 'decimal.js';
import { exactText } from '../../../oracle/binary32.js';
import { configure } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { nonnegative } from '../../gate/arbitraries/float32.js';
import { exactStep, pick, type Slots } from '../one-step.js';
import { checkProperty } from '../property.js';
import type { Claim } from '../types.js';
import { adam, agree, EPSILONS, F, gradients, moderate, rate } from './common.js';
import { float32Pair, namedProperty } from './pair.js';

/** Nadam as Adam with a look-ahead on m. */
export const nadamClaims: readonly Claim[] = [
  {
    id: 'equivalence/nadam-adam-lookahead',
    statement:
      "the paper's Nadam is Adam with a Nesterov look-ahead on the first moment: its step from (m, v) is Adam's step from (m_t, v) with the same g, " +
      'm_t = β1 m + (1 − β1) g',
    source: 'Dozat 2016; Ruder 2016, section 4.9',
    on: 'oracle',
    expected: 'holds',
    check: (o) =>
      checkProperty(
        {
          ...namedProperty(
            ['θ', 'β1', 'β2', 'ε', 'g'],
            [moderate, rate, rate, fc.constantFrom(...EPSILONS), gradients(20)],
            (theta, b1, b2, eps, gs) => {
              const nadam = configure(entries.nadam, 'paper', { beta1: exactText(b1), beta2: exactText(b2), eps });
              const adamConfig = adam('paper', b1, b2, eps);
              let th: Decimal | string = exactText(theta);
              let slots: Slots = { m: '0', v: '0' };
              return gs.every((g, i) => {
                const t = i + 1;
                const n = exactStep(nadam, th, exactText(g), slots, t);
                // Adam from (m_t, v_{t−1}): its m'' = β1 m_t + (1 − β1) g is the look-ahead, its v'' = v_t.
                const a = exactStep(adamConfig, th, exactText(g), { m: pick(n.slots, 'm'), v: pick(slots, 'v') }, t);
                th = n.theta;
                slots = n.slots;
                return agree([n.theta], [a.theta]) && agree([pick(n.slots, 'v')], [pick(a.slots, 'v')]);
              });
            },
          ),
          runs: 100,
        },
        o,
      ),
  },
  {
    id: 'equivalence/nadam-adam-lookahead/float32',
    statement:
      "float32 production, one step, Adam given production's rounded m_t: |P_A − P_B − (X_A − X_B)| ≤ e_A + e_B",
    source: 'Dozat 2016',
    on: 'float32',
    expected: 'holds with bound',
    check: (o) =>
      float32Pair(
        [moderate, moderate, moderate, nonnegative(moderate), rate, rate, fc.integer({ min: 1, max: 100 })],
        (theta, g, m, v, b1, b2, t) => {
          const nadam = configure(entries.nadam, 'paper', {
            beta1: exactText(b1),
            beta2: exactText(b2),
            eps: '1e-8',
          });
          const mt = F(F(b1 * m) + F(F(1 - b1) * g));
          return [
            { config: nadam, param: theta, grad: g, state: { m, v }, t },
            { config: adam('paper', b1, b2, '1e-8'), param: theta, grad: g, state: { m: mt, v }, t },
          ];
        },
        ['θ', 'g', 'm', 'v', 'β1', 'β2', 't'],
        o,
      ),
  },
];
