/**
 * Penalties (src/production/regularizers/penalties.ts, oracle/regularizers/penalties.ts): agreement of production
 * with the oracle within the derived bounds, on every backend; and the properties the definitions
 * promise, exactly on the oracle and in float32 production: the prox step's exact zeros and its
 * sparsity, monotone in λ; elastic net at its ends; the smooth approximation's convergence to L1 with
 * its proven rate (docs/regularizers.md).
 */
import fc from 'fast-check';
import { Decimal as BaseDecimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { exactText } from '../../oracle/binary32.js';
import { exactPenaltyValue, exactProx, l1Exact, penaltyOracle } from '../../oracle/regularizers/penalties.js';
import { configure, PRESET_NAMES, type Configuration, type PresetName } from '../../core/catalogue/index.js';
import { elasticNet, l1, l2, smoothL1 } from '../../core/catalogue/regularizers/penalties.js';
import { moderateFloat32 } from '../../src/gate/arbitraries/float32.js';
import { penaltyProperty } from '../../src/gate/regularizers/penalty-property.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { penaltyArrays, penaltyRecordOf, penaltyRecords } from '../../src/registry/regularizers.js';
import { backends } from '../backends.js';

/** 120 digits: products of float32 values and short decimals are exact at this precision. */
const Decimal = BaseDecimal.clone({ precision: 120 });
const EXACT = 200;
const rate = fc.integer({ min: 1, max: 2 ** 24 - 1 }).map((n) => n / 2 ** 24);
const weights = fc.array(moderateFloat32(), { minLength: 1, maxLength: 16 }).map((xs) => Float32Array.from(xs));
const zeros = (xs: ArrayLike<number>) => Array.from(xs).flatMap((x, i) => (x === 0 ? [i] : []));
/** The exact penalty and proximal step of `config`'s penalty, by the registry's record of it. */
const penaltyValue = (config: Configuration, w: readonly (string | number)[], precision: number) =>
  exactPenaltyValue(penaltyRecordOf(config).oracle, config, w, precision);
const prox = (config: Configuration, w: string | number, precision: number) =>
  exactProx(penaltyRecordOf(config).oracle, config, w, precision);

describe.each(backends)('penalties in float32 production on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  const cases = penaltyRecords.flatMap((record) =>
    PRESET_NAMES.filter((p) => record.entry.presets[p] !== undefined).map(
      (preset) => [record.entry.name, preset, record] as const,
    ),
  );
  it.each(cases)(
    '%s (%s): penalty, gradient and prox agree with the oracle within the derived bound',
    (_name, preset, record) => {
      fc.assert(penaltyProperty(`optim-oracle on ${backend}`, record, preset));
    },
  );

  it('the sum of no weights is 0 (tf.sum of an empty tensor is not, on wasm)', () => {
    expect(Array.from(penaltyArrays(configure(l2, 'keras'), new Float32Array(0))['penalty']!)).toEqual([0]);
  });

  it('the L1 subgradient is 0 at w = ±0 and ±λ for subnormal w (tf.sign gives 0 there on wasm)', () => {
    const g = penaltyArrays(configure(l1, 'paper', { lambda: '0.5' }), Float32Array.of(0, -0, 1e-40, -1e-40))[
      'gradient'
    ]!;
    expect(Array.from(g)).toEqual([0, 0, 0.5, -0.5]);
  });

  it('prox (soft thresholding) gives exact zeros where |w| ≤ αλ, and its zeros only grow with λ', () => {
    fc.assert(
      fc.property(weights, rate, rate, rate, fc.constantFrom('l1', 'elastic-net'), (w, lr, a, b, name) => {
        const [small, large] = a < b ? [a, b] : [b, a];
        const at = (lambda: number) => {
          const config =
            name === 'l1'
              ? configure(l1, 'paper', { lr: exactText(lr), lambda: exactText(lambda) })
              : configure(elasticNet, 'paper', { lr: exactText(lr), lambda1: exactText(lambda), lambda2: '0.5' });
          return penaltyArrays(config, w)['prox']!;
        };
        const [p1, p2] = [at(small), at(large)];
        const threshold = Math.fround(lr * small);
        // |w| ≤ fl(αλ) gives max(|w| − τ, 0) = 0 exactly, since float32 subtraction keeps the sign.
        // A zero of either sign: S_τ(w) for w < 0 is sign(w) · 0 = −0, in the oracle as in production.
        for (const [i, x] of w.entries()) if (Math.abs(x) <= threshold) expect(p1[i] === 0).toBe(true);
        expect(zeros(p1).every((i) => p2[i] === 0)).toBe(true);
      }),
    );
  });

  it('elastic net with λ2 = 0 is L1 and with λ1 = 0 is L2, value for value', () => {
    fc.assert(
      fc.property(
        weights,
        rate,
        rate,
        fc.constantFrom<PresetName>('paper', 'pytorch', 'keras'),
        (w, lr, lambda, preset) => {
          const en = (l1v: string, l2v: string) =>
            penaltyArrays(configure(elasticNet, preset, { lr: exactText(lr), lambda1: l1v, lambda2: l2v }), w);
          const pureL1 = penaltyArrays(
            configure(l1, preset === 'pytorch' ? 'paper' : preset, { lr: exactText(lr), lambda: exactText(lambda) }),
            w,
          );
          // The same convention on both sides: elastic net's paper and keras presets are λ2 ‖w‖² (l2's keras), pytorch's λ2/2 ‖w‖².
          const pureL2 = penaltyArrays(
            configure(l2, preset === 'pytorch' ? 'pytorch' : 'keras', { lr: exactText(lr), lambda: exactText(lambda) }),
            w,
          );
          const same = (x: Record<string, Float32Array>, y: Record<string, Float32Array>) =>
            ['gradient', 'prox'].every((k) => Array.from(x[k]!).every((v, i) => v === y[k]![i]));
          expect(same(en(exactText(lambda), '0'), pureL1)).toBe(true);
          expect(same(en('0', exactText(lambda)), pureL2)).toBe(true);
        },
      ),
    );
  });
});

describe('penalties, exactly on the oracle', () => {
  it('elastic net with λ2 = 0 is L1 and with λ1 = 0 is L2 (penalty and prox, exact)', () => {
    fc.assert(
      fc.property(weights, rate, rate, (w, lr, lambda) => {
        const L = exactText(lambda);
        const ws = Array.from(w);
        const enL1 = configure(elasticNet, 'paper', { lr: exactText(lr), lambda1: L, lambda2: '0' });
        const enL2 = configure(elasticNet, 'keras', { lr: exactText(lr), lambda1: '0', lambda2: L });
        const pureL1 = configure(l1, 'paper', { lr: exactText(lr), lambda: L });
        const pureL2 = configure(l2, 'keras', { lr: exactText(lr), lambda: L });
        expect(penaltyValue(enL1, ws, EXACT).near.eq(penaltyValue(pureL1, ws, EXACT).near)).toBe(true);
        expect(penaltyValue(enL2, ws, EXACT).near.eq(penaltyValue(pureL2, ws, EXACT).near)).toBe(true);
        expect(
          ws.every(
            (x) =>
              prox(enL1, x, EXACT).near.eq(prox(pureL1, x, EXACT).near) &&
              prox(enL2, x, EXACT).near.eq(prox(pureL2, x, EXACT).near),
          ),
        ).toBe(true);
      }),
    );
  });

  it('the two L2 conventions differ by a factor of 2 exactly: λ ‖w‖² (keras) = 2 · (λ/2) ‖w‖² (pytorch)', () => {
    fc.assert(
      fc.property(weights, rate, (w, lambda) => {
        const ws = Array.from(w);
        const full = penaltyValue(configure(l2, 'keras', { lambda: exactText(lambda) }), ws, EXACT).near;
        const half = penaltyValue(configure(l2, 'pytorch', { lambda: exactText(lambda) }), ws, EXACT).near;
        expect(full.eq(half.times(2))).toBe(true);
      }),
    );
  });

  it('prox: exact zeros where |w| ≤ αλ and the support never grows with λ (exact)', () => {
    fc.assert(
      fc.property(weights, rate, rate, rate, (w, lr, a, b) => {
        const [small, large] = a < b ? [a, b] : [b, a];
        const proxAt = (lambda: number) =>
          penaltyOracle(l1Exact, configure(l1, 'paper', { lr: exactText(lr), lambda: exactText(lambda) }), w)['prox']!;
        const tau = new Decimal(exactText(lr)).times(exactText(small));
        const p1 = proxAt(small);
        w.forEach((x, i) => {
          if (new Decimal(exactText(x)).abs().lte(tau)) expect(p1[i] === 0).toBe(true);
        });
        expect(zeros(p1).every((i) => proxAt(large)[i] === 0)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('smooth L1 → L1 as ε → 0 at the proven rate: 0 ≤ λ Σ (√(w² + ε) − |w|) ≤ λ Σ min(√ε, ε / (2|w|)), attained at w = 0', () => {
    fc.assert(
      fc.property(weights, rate, fc.integer({ min: 1, max: 30 }), (w, lambda, k) => {
        const eps = new Decimal(10).pow(-k).toString();
        const ws = Array.from(w);
        // Enclosures at 200 digits: the gap's margin below the rate is ε²/(8|w|³), relatively 10^-40 at worst here.
        const smooth = penaltyValue(configure(smoothL1, 'paper', { lambda: exactText(lambda), eps }), ws, EXACT);
        const lasso = penaltyValue(configure(l1, 'paper', { lambda: exactText(lambda) }), ws, EXACT);
        const E = new Decimal(eps);
        const rate_ = ws
          .reduce(
            (s, x) =>
              s.plus(x === 0 ? E.sqrt() : Decimal.min(E.sqrt(), E.div(new Decimal(exactText(Math.abs(x))).times(2)))),
            new Decimal(0),
          )
          .times(exactText(lambda));
        expect(smooth.lo.minus(lasso.hi).gte(0)).toBe(true);
        // The rate at 120 digits, widened by 10^-100 relative for its own rounding (√ε is irrational for odd exponents).
        expect(smooth.hi.minus(lasso.lo).lte(rate_.times(new Decimal('1e-100').plus(1)))).toBe(true);
      }),
    );
    // Attained: at w = 0 the gap is exactly λ √ε.
    const gap0 = penaltyValue(configure(smoothL1, 'paper', { lambda: '1', eps: '1e-20' }), [0], 80).near;
    expect(gap0.eq(new Decimal('1e-10'))).toBe(true);
  });
});
