/**
 * Nadam's 1 − β1 and 1 − β2, prepared once per step in the preparation the refined stage computes in
 * decimal (oracle/rules/nadam.ts, as Adam's): a β2 that no double holds (0.9999999999998863) left
 * 1 − β2, computed by each element from β2's binary64 enclosure, known only to 10^−3 of itself, and
 * v′ = β2 v + (1 − β2) g² to 10^−6, so that whole steps fell through to the decimal ladder. The cases
 * are the property's (seed 20171213, PyTorch's preset); each must now be decided by the fast stages,
 * bit for bit as the decimal ladder decides it alone.
 */
import { describe, expect, it } from 'vitest';
import { configure } from '../../../core/catalogue/index.js';
import type { StepInput } from '../../../core/catalogue/index.js';
import { entryOf, oracleRuleOf } from '../../../src/registry/index.js';
import { certifyStatistics, resetCertifyStatistics, withCertifyStages } from '../../../oracle/staged.js';

const nadam = oracleRuleOf('nadam');

const cases: Array<[string, Record<string, string>, StepInput]> = [
  [
    'β2 = 0.9999999999998863, t = 10^6',
    {
      lr: '1',
      beta1: '4.3744422697824235e-113',
      beta2: '0.9999999999998863',
      eps: '1e-7',
      momentumDecay: '800',
      weightDecay: '7e-44',
    },
    {
      t: 1e6,
      params: Float32Array.of(-0.00000375784247808042, 1.2990514039993286),
      grads: Float32Array.of(-3.4028175844865035e38, -0.000012814070032618474),
      state: {
        m: Float32Array.of(-1.1754943508222875e-38, -303432.71875),
        v: Float32Array.of(0.36352789402008057, 1.2984115942544928e-20),
        muProduct: Float32Array.of(6.472106184318704e-10),
      },
    },
  ],
  [
    'β2 = 0.9999999999999983, t = 361544',
    {
      lr: '0.000001',
      beta1: '0.99',
      beta2: '0.9999999999999983',
      eps: '2.4767182107077543e-99',
      momentumDecay: '60',
      weightDecay: '0',
    },
    {
      t: 361544,
      params: Float32Array.of(
        -0.00000212305076274788,
        -0.0000028474325972638326,
        -1.1754943508222875e-38,
        16.000009536743164,
        0.000027543735996005125,
      ),
      grads: Float32Array.of(
        0.027051737532019615,
        9.679843717566004e-18,
        1.1953494438666192e-22,
        -5886230130589696,
        0.0009765640133991838,
      ),
      state: {
        m: Float32Array.of(
          -524288.375,
          0.0371801033616066,
          -3.996627247898621e-13,
          1.1754943508222875e-38,
          -3.413269069841748e31,
        ),
        v: Float32Array.of(2.802596928649634e-44, 0, 7.999997138977051, 262143.765625, 289813.90625),
        muProduct: Float32Array.of(2.802596928649634e-44),
      },
    },
  ],
];

describe('Nadam with a β2 no double holds', () => {
  it.each(cases)('%s: the fast stages decide every output, as the decimal ladder does alone', (_, hyper, input) => {
    const config = configure(entryOf('nadam'), 'pytorch', hyper);
    resetCertifyStatistics();
    const staged = nadam.step(config, input);
    const fell = Object.values(certifyStatistics()['nadam']?.fallThrough ?? {}).reduce((s, n) => s + n, 0);
    expect(fell).toBe(0);
    const ladder = withCertifyStages('decimal', () => nadam.step(config, input));
    expect(staged).toEqual(ladder);
    expect(staged.uncertified ?? []).toEqual([]);
  });
});
