/**
 * oracle/monitors/prechelt.ts, Prechelt's GL_α, PQ_α and UP_s, against the criteria written again
 * from the paper (Prechelt 1998, section 2.2) in BigInt fractions, which share nothing with the
 * oracle's decimal.js: with t = epoch + 1, E_opt(t) the lowest E_va so far, GL(t) = 100 (E_va/E_opt − 1)
 * and P_k(t) = 1000 (Σ strip E_tr / (k min strip E_tr) − 1), GL_α stops at the first t with GL > α,
 * PQ_α at the first end of strip with GL/P_k > α (P_k = 0: when GL > 0), UP_s at the first end of strip
 * with s successive increases between strip ends. On the series the agreement property draws
 * (validation errors a few ulps from the GL threshold, flat training strips), the stop epoch, the best
 * epoch (the earliest lowest E_va) and each epoch's decision are the reference's.
 */
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { configure, type CatalogueEntry, type Configuration } from '../../../core/catalogue/index.js';
import {
  earlyStopping,
  generalizationLoss,
  progressQuotient,
  successiveIncreases,
} from '../../../core/catalogue/monitors/index.js';
import type { MonitorInput } from '../../../core/catalogue/monitors/monitor-types.js';
import {
  generalizationLossMonitorOracle,
  progressQuotientMonitorOracle,
  successiveIncreasesMonitorOracle,
  type MonitorOracle,
} from '../../../oracle/monitors/index.js';
import { generalizationLossOracle } from '../../../oracle/monitors/prechelt.js';
import { rationalOfDouble, rationalOfText, type Rational } from '../../../src/claims/early-stopping/rational.js';
import { precheltCase } from '../../../src/gate/monitors/arbitraries.js';

/** A finite fraction n/d, d > 0 (the series are positive and finite: checkPrecheltSeries). */
type Q = { readonly n: bigint; readonly d: bigint };
const q = (r: Rational): Q => {
  if ('special' in r) throw new Error('a finite value was expected');
  return r;
};
const mul = (x: Q, y: Q): Q => ({ n: x.n * y.n, d: x.d * y.d });
const add = (x: Q, y: Q): Q => ({ n: x.n * y.d + y.n * x.d, d: x.d * y.d });
const sub = (x: Q, y: Q): Q => add(x, { n: -y.n, d: y.d });
const int = (k: number): Q => ({ n: BigInt(k), d: 1n });
const sign = (x: Q): number => (x.n === 0n ? 0 : x.n > 0n ? 1 : -1);
const lt = (x: Q, y: Q): boolean => sign(sub(x, y)) < 0;
const gt = (x: Q, y: Q): boolean => lt(y, x);

/** The reference's decisions: stop epoch, best epoch, and per epoch whether it was monitored and stopped. */
interface Reference {
  stop: number | undefined;
  best: number | undefined;
  /** Per epoch: whether it was monitored, how many comparisons it made, whether it stopped. */
  epochs: Decision[];
}
type Decision = { monitored: boolean; comparisons: number; stop: boolean };

/** Runs a criterion (`decide(t, va, tr, opt)`, t 1-based) epoch by epoch, keeping the earliest lowest E_va. */
function reference(input: MonitorInput, decide: (t: number, va: Q[], tr: Q[], opt: Q) => Decision): Reference {
  const va = input.values.values.map((x) => q(rationalOfDouble(x)));
  const tr = (input.training?.values ?? []).map((x) => q(rationalOfDouble(x)));
  const epochs: Reference['epochs'] = [];
  let opt: Q | undefined;
  let best: number | undefined;
  for (let epoch = 0; epoch < va.length; epoch++) {
    if (opt === undefined || lt(va[epoch]!, opt)) [opt, best] = [va[epoch]!, epoch];
    const d = decide(epoch + 1, va, tr, opt);
    epochs.push(d);
    if (d.stop) return { stop: epoch, best, epochs };
  }
  return { stop: undefined, best, epochs };
}

/** GL(t) > α ⟺ 100 (E_va − E_opt) > α E_opt, as E_opt > 0. */
const glAbove = (v: Q, opt: Q, alpha: Q) => gt(mul(int(100), sub(v, opt)), mul(alpha, opt));

const CRITERIA: readonly [
  string,
  CatalogueEntry,
  MonitorOracle,
  (c: Configuration) => Parameters<typeof reference>[1],
][] = [
  [
    'GL_α',
    generalizationLoss,
    generalizationLossMonitorOracle,
    (c) => {
      const alpha = q(rationalOfText(c.hyper['alpha']!));
      return (t, va, _tr, opt) => ({ monitored: true, comparisons: 1, stop: glAbove(va[t - 1]!, opt, alpha) });
    },
  ],
  [
    'PQ_α',
    progressQuotient,
    progressQuotientMonitorOracle,
    (c) => {
      const alpha = q(rationalOfText(c.hyper['alpha']!));
      const k = Number(c.hyper['k']);
      return (t, va, tr, opt) => {
        if (t % k !== 0) return { monitored: false, comparisons: 0, stop: false };
        const strip = tr.slice(t - k, t);
        const min = strip.reduce((m, x) => (lt(x, m) ? x : m));
        const sum = strip.reduce(add);
        // GL/P_k > α with P_k = 1000 (Σ − k min)/(k min): 100 (E_va − E_opt) k min > α 1000 (Σ − k min) E_opt.
        const gl = mul(mul(int(100), sub(va[t - 1]!, opt)), mul(int(k), min));
        const progress = mul(mul(int(1000), sub(sum, mul(int(k), min))), opt);
        const stop = sign(progress) === 0 ? sign(gl) > 0 : gt(gl, mul(alpha, progress));
        return { monitored: true, comparisons: 1, stop };
      };
    },
  ],
  [
    'UP_s',
    successiveIncreases,
    successiveIncreasesMonitorOracle,
    (c) => {
      const [s, k] = [Number(c.hyper['s']), Number(c.hyper['k'])];
      return (t, va) => {
        if (t % k !== 0) return { monitored: false, comparisons: 0, stop: false };
        if (t - s * k < k) return { monitored: true, comparisons: 0, stop: false };
        const up = Array.from({ length: s }, (_, i) => gt(va[t - i * k - 1]!, va[t - (i + 1) * k - 1]!));
        // The comparisons stop at the first that fails.
        const failed = up.indexOf(false);
        return { monitored: true, comparisons: failed === -1 ? s : failed + 1, stop: failed === -1 };
      };
    },
  ],
];

describe.each(CRITERIA)("Prechelt's %s, exactly", (_, entry, oracle, criterion) => {
  test.prop([precheltCase(entry)])('decides as the paper on BigInt fractions, epoch by epoch', ({ config, input }) => {
    const out = oracle(config, input);
    const ref = reference(input, criterion(config));
    expect({ stop: out.stopEpoch, best: out.bestEpoch, restored: out.restoredEpoch }).toEqual({
      stop: ref.stop,
      best: ref.best,
      restored: ref.best,
    });
    expect(
      out.epochs.map((e) => ({ monitored: e.monitored, comparisons: e.comparisons.length, stop: e.stop })),
    ).toEqual(ref.epochs);
    expect(out.epochs.map((e) => e.epoch)).toEqual(ref.epochs.map((_e, i) => i));
    expect(out.reason).toBe(ref.stop === undefined ? undefined : REASONS[entry.name]);
  });
});

const REASONS: Record<string, string> = {
  'early-stopping-gl': 'generalization-loss',
  'early-stopping-pq': 'progress-quotient',
  'early-stopping-up': 'successive-increases',
};

describe("Prechelt's criteria, worked cases", () => {
  const series = (va: number[], tr: number[] = va): MonitorInput => ({
    values: { format: 'float64', values: va },
    training: { format: 'float64', values: tr },
  });

  it('GL reports GL(t) to 60 digits and decides on the exact values: 100 (1.5/1 − 1) = 50 > 49', () => {
    const out = generalizationLossOracle(configure(generalizationLoss, 'paper', { alpha: '49' }), {
      validation: { format: 'float64', values: [1, 1.5] },
      training: { format: 'float64', values: [1, 1] },
    });
    expect(out.stopEpoch).toBe(1);
    const c = out.epochs[1]!.comparisons[0]!;
    expect([c.what, c.op, c.left.toString(), c.right.toString(), c.holds]).toEqual(['GL > α', '>', '50', '49', true]);
  });

  it('PQ reports the quotient, +∞ on a flat strip with GL > 0, NaN (no stop) with GL = 0', () => {
    const config = configure(progressQuotient, 'paper', { alpha: '0.5', k: '2' });
    const flat = progressQuotientMonitorOracle(config, series([1, 1], [2, 2]));
    expect(flat.epochs[1]!.comparisons[0]!.left.isNaN()).toBe(true);
    expect(flat.stopEpoch).toBeUndefined();
    const rising = progressQuotientMonitorOracle(config, series([1, 1, 1, 2], [2, 2, 2, 2]));
    expect(rising.epochs[3]!.comparisons[0]!.left.toString()).toBe('Infinity');
    expect(rising.stopEpoch).toBe(3);
    // GL(4) = 100, P_2(4) = 1000 (3/2 − 1) = 500: GL/P = 0.2 at 60 digits.
    const quotient = progressQuotientMonitorOracle(config, series([1, 1, 1, 2], [4, 4, 2, 1]));
    const c = quotient.epochs[3]!.comparisons[0]!;
    expect([c.what, c.op, c.left.toString(), c.right.toString(), c.holds]).toEqual([
      'GL/P > α',
      '>',
      '0.2',
      '0.5',
      false,
    ]);
  });

  it('UP names each comparison between strip ends, and stops at the first that fails', () => {
    const config = configure(successiveIncreases, 'paper', { s: '2', k: '1' });
    const out = successiveIncreasesMonitorOracle(config, series([3, 1, 2, 2.5]));
    expect(out.stopEpoch).toBe(3);
    expect(out.epochs[2]!.comparisons.map((c) => c.holds)).toEqual([true, false]);
    expect(out.epochs[3]!.comparisons.map((c) => [c.what, c.op, c.holds])).toEqual([
      ['E_va up', '>', true],
      ['E_va up', '>', true],
    ]);
  });

  it('UP compares strip ends k apart: 2 increases at k = 2', () => {
    const config = configure(successiveIncreases, 'paper', { s: '2', k: '2' });
    // Strip ends t = 2, 4, 6 hold E_va 1 < 2 < 3; the epochs between them do not count.
    const out = successiveIncreasesMonitorOracle(config, series([5, 1, 0.5, 2, 9, 3]));
    expect(out.stopEpoch).toBe(5);
    expect(out.epochs[5]!.comparisons.map((c) => [c.left.toString(), c.right.toString()])).toEqual([
      ['3', '2'],
      ['2', '1'],
    ]);
  });

  it('refuses a configuration of another monitor', () => {
    const input = series([1, 2]);
    const message = (oracle: string, given: string) =>
      `the oracle rule '${oracle}' (for ${oracle}) was given a configuration of '${given}'`;
    expect(() => generalizationLossMonitorOracle(configure(earlyStopping, 'keras'), input)).toThrow(
      message('early-stopping-gl', 'early-stopping'),
    );
    expect(() => progressQuotientMonitorOracle(configure(generalizationLoss, 'paper'), input)).toThrow(
      message('early-stopping-pq', 'early-stopping-gl'),
    );
    expect(() => successiveIncreasesMonitorOracle(configure(generalizationLoss, 'paper'), input)).toThrow(
      message('early-stopping-up', 'early-stopping-gl'),
    );
  });
});
