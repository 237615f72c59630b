/**
 * Bias correction as a statistical claim (Kingma & Ba 2015, section 3): for i.i.d. gradients,
 * E[m_t] = E[g] (1 − β1^t) and E[v_t] = E[g²] (1 − β2^t), so m̂_t and v̂_t are unbiased.
 *
 * Each element of one tensor is an independent run (N runs at once), with gradients drawn from a fixed,
 * seeded generator, so the test is deterministic. m_t is bounded: every m_t lies in
 * (1 − β1^t)[a, b] when g ∈ [a, b], so Hoeffding's inequality bounds the sample mean's deviation:
 * P(|mean − E| ≥ δ) ≤ 2 exp(−2 N δ² / R²). With δ = R √(ln(2/p) / (2N)) and p = 1e-9, the false-failure
 * probability is at most 1e-9. Power: the same test rejects the uncorrected m_t as an estimate of E[g].
 */
import { describe, expect, it } from 'vitest';
import { oracleRuleOf } from '../../oracle/rules/index.js';
import { configure, entryOf } from '../../src/catalogue/index.js';
import { production } from '../../src/gate/implementation.js';
import { seedFromEnv } from '../../src/gate/seed.js';
import { useBackend } from '../../src/tfjs/backend.js';

const FALSE_FAILURE = 1e-9;

/** A seeded xorshift32 generator of floats in [0, 1). */
function uniform(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

/** Hoeffding's half-width for the mean of N samples of range R at false-failure probability p. */
const halfWidth = (range: number, n: number) => range * Math.sqrt(Math.log(2 / FALSE_FAILURE) / (2 * n));

/** Whether the sample mean of `xs` is within Hoeffding's half-width of `expected`. */
function consistent(xs: ArrayLike<number>, expected: number, range: number): { ok: boolean; mean: number; halfWidth: number } {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  const mean = sum / xs.length;
  const w = halfWidth(range, xs.length);
  return { ok: Math.abs(mean - expected) <= w, mean, halfWidth: w };
}

describe('bias correction, statistically (false-failure probability ≤ 1e-9 each; seeded, so deterministic)', () => {
  // g ~ Uniform[a, b] in float32; E[g] = (a + b)/2, E[g²] = (a² + ab + b²)/3.
  const [a, b] = [-0.5, 1.5];
  const meanG = (a + b) / 2;
  const meanG2 = (a * a + a * b + b * b) / 3;
  const t = 4;
  const beta1 = 0.9;
  const beta2 = 0.999;

  async function run(n: number, implementation: 'production' | 'oracle') {
    const config = configure(entryOf('adam'), 'paper');
    const next = uniform(seedFromEnv());
    const impl = implementation === 'oracle' ? oracleRuleOf('adam') : production(await useBackend());
    let params: Float32Array = new Float32Array(n);
    let state = impl.init(config, params);
    for (let step = 1; step <= t; step++) {
      const grads = Float32Array.from({ length: n }, () => a + (b - a) * next());
      const out = impl.step(config, { params, grads, state, t: step });
      params = out.params;
      state = out.state;
    }
    return state;
  }

  it.each([
    ['production', 20_000],
    ['oracle', 2_000],
  ] as const)('HOLDS on %s (N = %i runs): E[m_t] = E[g](1 − β1^t) and E[v_t] = E[g²](1 − β2^t); the uncorrected m_t is rejected as an estimate of E[g] (power)', async (implementation, n) => {
    const state = await run(n, implementation);
    const c1 = 1 - beta1 ** t;
    const c2 = 1 - beta2 ** t;
    const m = consistent(state['m']!, meanG * c1, c1 * (b - a));
    const v = consistent(state['v']!, meanG2 * c2, c2 * Math.max(a * a, b * b));
    expect(m.ok, `mean m_t ${m.mean} vs ${meanG * c1} ± ${m.halfWidth}`).toBe(true);
    expect(v.ok, `mean v_t ${v.mean} vs ${meanG2 * c2} ± ${v.halfWidth}`).toBe(true);
    // Power: without bias correction, m_t estimates E[g] (1 − β1^t) = 0.34 E[g], not E[g]; the test says so.
    expect(consistent(state['m']!, meanG, c1 * (b - a)).ok).toBe(false);
    expect(consistent(Array.from(state['m']!, (x) => x / c1), meanG, b - a).ok).toBe(true);
  });
});
