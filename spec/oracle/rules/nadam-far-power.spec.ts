/**
 * PyTorch Nadam's last property case (seed 20171213, index 846 of 1,000) that fell through to the
 * decimal ladder: the sign of θ′ = θ − α u for θ = 0 at α = 7.4 · 10^−323 and ψ = 1000, t = 556,386.
 * The rational stage's remainders are doubles and stop at 2^−1074 (α β1 = 3.7 · 10^−324 is enclosed by
 * ±2^−1074); the big-float stage needs 0.96^(ψ t) = 10^−9,864,038, a decimal it had converted to a dyadic
 * through a power of ten of ten million digits, and refused. It now bounds 5^|k| by binary powering at
 * p + 64 bits (oracle/dyadic.ts), decides the sign, and matches the decimal ladder alone.
 */
import { describe, expect, it } from 'vitest';
import { configure, type StepInput } from '../../../core/catalogue/index.js';
import { entryOf, oracleRuleOf } from '../../../src/registry/index.js';
import { certifyStatistics, resetCertifyStatistics, withCertifyStages } from '../../../oracle/staged.js';

const nadam = oracleRuleOf('nadam');

const hyper = {
  lr: '7.4e-323',
  beta1: '0.05',
  beta2: '0.9999999999999929',
  eps: '2.2234674431920667e-25',
  momentumDecay: '1000',
  weightDecay: '8.856804875091325e-265',
};

const input = (): StepInput => ({
  t: 556386,
  params: Float32Array.of(
    0,
    -9.224087394247115e-29,
    519301952,
    -11.325581550598145,
    -0.207890585064888,
    -69674.21875,
    2 ** -149,
  ),
  grads: Float32Array.of(
    0.000009673854037828278,
    15.999987602233887,
    3.0879805088043213,
    -65252.44921875,
    5.8683326146722125e-30,
    -45140.19921875,
    3.3209211607626977e31,
  ),
  state: {
    m: Float32Array.of(
      0.0019531240686774254,
      1.0108230113983154,
      -3.2229864679470793e-44,
      0.000020950221369275823,
      0.000014895685126248281,
      -278.45111083984375,
      -0.10167175531387329,
    ),
    v: Float32Array.of(
      0.25000032782554626,
      0,
      1.4771878719329834,
      1.0683279488153506e-38,
      0.0000024260502868855838,
      0,
      0.000027625459551927634,
    ),
    muProduct: Float32Array.of(7.017034420186974e-8),
  },
});

describe('PyTorch Nadam with 0.96^(ψ t) = 10^−9,864,038', () => {
  it('pytorch/846 (α = 7.4 · 10^−323, ψ = 1000, t = 556,386): the fast stages decide every output, as the decimal ladder does alone', () => {
    const config = configure(entryOf('nadam'), 'pytorch', hyper);
    resetCertifyStatistics();
    const staged = nadam.step(config, input());
    const counts = certifyStatistics()['nadam']!;
    expect(Object.values(counts.fallThrough)).toEqual([0, 0, 0, 0]);
    expect(counts.bigFloat).toBeGreaterThan(0);
    const ladder = withCertifyStages('decimal', () => nadam.step(config, input()));
    expect(staged).toEqual(ladder);
  });
});
