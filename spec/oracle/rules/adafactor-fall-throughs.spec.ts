/**
 * The property cases of Adafactor (oracle/rules/adafactor.ts; 1,000 per preset, seed 20171213) that
 * had fallen through to the decimal ladder: each is now decided by the fast stages and matches the
 * ladder alone bit for bit.
 *
 * Six have a tiny decay rate c: β = 1 − t^−c where t^−c is 1 − c ln t with c ln t as small as
 * 10^−320, which binary64 encloses only by [1 − 2^−53, 1], so β's enclosure is [0, 2^−53] or holds 0,
 * and a product by an exact zero beside it has no decided sign. The rational stage writes t^−c as 1
 * plus a remainder enclosed by e^(−c ln t) − 1 (oracle/rational-with-float64.ts) and narrows a whole
 * value that cancelled to its exact ends (oracle/rational-float64.ts).
 *
 * One is a clipped update, max(u, −d) with u = −3.03… (a surd, so a value with a remainder) far
 * below −d = −0.1: the max is −0.1 exactly, and θ' = θ (1 + 0.1) with it, which the rational stage
 * now keeps where it had re-based the max on binary64's enclosure.
 */
import { describe, expect, it } from 'vitest';
import { configure, type PresetName, type StepInput } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { adafactorOracle } from '../../../oracle/rules/adafactor.js';
import { certifyStatistics, resetCertifyStatistics, withCertifyStages } from '../../../oracle/staged.js';

interface Case {
  readonly hyper: Record<string, string>;
  readonly t: number;
  readonly shape?: readonly number[];
  readonly params: readonly number[];
  readonly grads: readonly number[];
  readonly state: Readonly<Record<'r' | 'c' | 'v', readonly number[]>>;
}

const MAX = 3.4028234663852886e38;

/** The cases, by the preset and index they were drawn at. */
const CASES: ReadonlyArray<readonly [string, PresetName, Case]> = [
  [
    'paper/450: c = 7.8e-256, t = 8, a 1 × 3 tensor',
    'paper',
    {
      hyper: {
        lr: '5e-7',
        decayRate: '7.77229305210706e-256',
        eps1: '1e-30',
        eps2: '3.5446802229019544e-270',
        clipThreshold: '6.995869984655936e-251',
      },
      t: 8,
      shape: [1, 3],
      params: [-2037659467776, -440776.71875, -5.062901433916015e-20],
      grads: [-MAX, 0, 2048.0009765625],
      state: {
        r: [0.07992090284824371],
        c: [0, 3.4656519889831543, MAX],
        v: [2671.930908203125, 0.4468262791633606, 520617.46875],
      },
    },
  ],
  [
    'paper/610: c = 2e-323, t = 10^6',
    'paper',
    {
      hyper: { lr: '1e-7', decayRate: '2e-323', eps1: '0.001', eps2: '2e-12', clipThreshold: '1' },
      t: 1_000_000,
      params: [3.401772975921631],
      grads: [5.605193857299268e-45],
      state: { r: [489155.5625], c: [5.617103604083973e31], v: [0] },
    },
  ],
  [
    'paper/751: c = 9e-323, t = 999994',
    'paper',
    {
      hyper: {
        lr: '4.566975301465398e-304',
        decayRate: '9e-323',
        eps1: '2e-37',
        eps2: '1.7198909784013047e-102',
        clipThreshold: '7e-24',
      },
      t: 999_994,
      params: [0.0765591487288475, -27.426790237426758, -8.000016212463379],
      grads: [-1.354665994644165, -3.4028185986069837e38, 8.777945518493652],
      state: { r: [128.00009155273438], c: [22.753114700317383], v: [0, 2.193363541735945e-33, 0.22090572118759155] },
    },
  ],
  [
    'optax/88: c = 8.3e-299, t = 171575, a 3 × 2 tensor with a zero row factor',
    'optax',
    {
      hyper: {
        decayRate: '8.320178941415992e-299',
        eps1: '1e-13',
        eps2: '8e-323',
        clipThreshold: '0.03',
        minDimSizeToFactor: '0',
      },
      t: 171_575,
      shape: [3, 2],
      params: [
        211708.578125, 1.999998927116394, -0.000002473025915605831, -4652.18115234375, 1.2013543844223022,
        71.74409484863281,
      ],
      grads: [
        -164489.46875, -1.401298464324817e-45, -94021.15625, 4.203895392974451e-45, 16.000009536743164,
        -0.6953672766685486,
      ],
      state: {
        r: [4.0637655465419695e-44, 0.15917348861694336, 0],
        c: [0.0002654343261383474, 31.999980926513672],
        v: [
          11091.9052734375, 14.053367614746094, 0.5000008344650269, 262144.5625, 0.5522796511650085, 3.999995231628418,
        ],
      },
    },
  ],
  [
    'optax/238: c = 4.4e-323, t = 556104',
    'optax',
    {
      hyper: {
        decayRate: '4.4e-323',
        eps1: '1e-30',
        eps2: '1.8403454092801189e-103',
        clipThreshold: '9e-323',
        minDimSizeToFactor: '6000',
      },
      t: 556_104,
      params: [0.12500005960464478, -1.401298464324817e-45, 0.019379224628210068, -400.0833740234375],
      grads: [0, 3.402819207079272e38, -0.8294041156768799, -6.54263294596481e18],
      state: { r: [3.4028230607370965e38], c: [0.0343896821141243], v: [0, MAX, 9.04592227935791, 668412.75] },
    },
  ],
  [
    'optax/390: c = 1e-323, t = 10^6',
    'optax',
    {
      hyper: {
        decayRate: '1e-323',
        eps1: '2.452942172539832e-65',
        eps2: '2.9317487891619033e-58',
        clipThreshold: '1.546062530050526e-95',
        minDimSizeToFactor: '1',
      },
      t: 1_000_000,
      params: [32790.43359375, 0.00018947174248751253],
      grads: [-1.6395851373672485, 1.0000001192092896],
      state: { r: [0.11957581341266632], c: [524287.59375], v: [0, 0.0004882822977378964] },
    },
  ],
  [
    'optax/929: c = 2.7e-240, t = 148505, a 2 × 2 tensor with a zero column factor',
    'optax',
    {
      hyper: {
        decayRate: '2.6607958481209927e-240',
        eps1: '1e-8',
        eps2: '0.001',
        clipThreshold: '1',
        minDimSizeToFactor: '1',
      },
      t: 148_505,
      shape: [2, 2],
      params: [8.000011444091797, -0.003469974733889103, 3.3394435291154954e33, 908908057285623808],
      grads: [74.317169189453125, -(2 ** -126), -12.489514350891113, -716.29296875],
      state: {
        r: [837233.5625, 0.2500005066394806],
        c: [0, 4096.00439453125],
        v: [0.000651645939797163, 1.3361593625710692e32, 46282.9375, 7.999996662139893],
      },
    },
  ],
  [
    'optax/911: a clipped update max(u, −0.1) with u = −3.03…, t = 16',
    'optax',
    {
      hyper: { decayRate: '0.8', eps1: '1e-30', eps2: '4e-323', clipThreshold: '0.1', minDimSizeToFactor: '0' },
      t: 16,
      params: [0.0033528392668813467],
      grads: [-2047.9976806640625],
      state: { r: [0.000010458320502948482], c: [6.004769802093506], v: [0.23338787257671356] },
    },
  ],
];

function inputOf(c: Case): StepInput {
  const f = (x: readonly number[]) => Float32Array.from(x);
  return {
    t: c.t,
    ...(c.shape === undefined ? {} : { shape: c.shape }),
    params: f(c.params),
    grads: f(c.grads),
    state: { r: f(c.state.r), c: f(c.state.c), v: f(c.state.v) },
  };
}

describe('Adafactor where it had fallen through: decided by the fast stages, as the decimal ladder decides it', () => {
  it.each(CASES)('%s', (_, preset, c) => {
    const config = configure(entries.adafactor, preset, c.hyper);
    resetCertifyStatistics();
    const staged = adafactorOracle.step(config, inputOf(c));
    const counts = certifyStatistics()['adafactor']!;
    expect(Object.values(counts.fallThrough)).toEqual([0, 0, 0, 0]);
    const ladder = withCertifyStages('decimal', () => adafactorOracle.step(config, inputOf(c)));
    expect(staged).toEqual(ladder);
  });
});
