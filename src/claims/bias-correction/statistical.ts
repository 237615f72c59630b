/**
 * Bias correction's statistical claim (Kingma & Ba 2015, section 3): for i.i.d. gradients
 * E[m_t] = E[g] (1 − β1^t) and E[v_t] = E[g²] (1 − β2^t), tested by Hoeffding's inequality on many
 * independent runs, with a power check that the uncorrected m_t, as an estimate of E[g], is rejected.
 *
 * @module
 */
import { configure, type State } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { describeMean, meanConsistent, uniform } from '../../../core/statistics.js';
import { production, type Implementation } from '../../gate/implementation.js';
import { oracleRuleOf } from '../../registry/index.js';
import { pick } from '../one-step.js';
import { text } from '../property.js';
import type { Claim, ClaimOptions, ClaimResult } from '../types.js';
import { SOURCE } from './common.js';

/** The setting: g ~ U[a, b] i.i.d., t steps of Adam's paper preset from zero. */
const STATS = { a: -0.5, b: 1.5, t: 4, beta1: 0.9, beta2: 0.999 } as const;

/** Adam's state after {@link STATS}.t steps of n independent runs (one tensor of n elements), from `seed`. */
function adamMomentsAfter(impl: Pick<Implementation, 'init' | 'step'>, n: number, seed: number): State {
  const config = configure(entries.adam, 'paper');
  const next = uniform(seed);
  let params: Float32Array = new Float32Array(n);
  let state = impl.init(config, params);
  for (let step = 1; step <= STATS.t; step++) {
    const grads = Float32Array.from({ length: n }, () => STATS.a + (STATS.b - STATS.a) * next());
    const out = impl.step(config, { params, grads, state, t: step });
    params = out.params;
    state = out.state;
  }
  return state;
}

/** E[m_t] and E[v_t] against their bias-corrected expectations; `corrected: false` tests the uncorrected m_t against E[g]. */
function statisticalClaim(
  implementation: 'production' | 'oracle',
  n: number,
  corrected: boolean,
  o: ClaimOptions,
): ClaimResult {
  const { a, b, t, beta1, beta2 } = STATS;
  const state = adamMomentsAfter(implementation === 'oracle' ? oracleRuleOf('adam') : production(o.backend), n, o.seed);
  const c1 = 1 - beta1 ** t;
  const c2 = 1 - beta2 ** t;
  const meanG = (a + b) / 2;
  const meanG2 = (a * a + a * b + b * b) / 3;
  // m_t ∈ (1 − β1^t)[a, b] and v_t ∈ (1 − β2^t)[0, max(a², b²)]: Hoeffding's ranges.
  const m = meanConsistent(pick(state, 'm'), corrected ? meanG * c1 : meanG, c1 * (b - a));
  const v = meanConsistent(pick(state, 'v'), meanG2 * c2, c2 * Math.max(a * a, b * b));
  const ok = corrected ? m.ok && v.ok : m.ok;
  const measured = corrected ? `m_t: ${describeMean(m)}; v_t: ${describeMean(v)}` : `m_t: ${describeMean(m)} (E[g])`;
  return ok
    ? { verdict: 'holds', cases: n, seed: o.seed, measured }
    : {
        verdict: 'refuted',
        cases: n,
        seed: o.seed,
        reason: measured,
        counterexample: [text('sample', `N = ${n} runs of t = ${t} steps, g ~ U[${a}, ${b}], seed ${o.seed}`)],
      };
}

/** The expectations of m_t and v_t, on the oracle and in float32, and the power check. */
export const statisticalClaims: readonly Claim[] = [
  {
    id: 'bias-correction/statistical',
    statement:
      'for i.i.d. gradients E[m_t] = E[g](1 − β1^t) and E[v_t] = E[g²](1 − β2^t), on the oracle (Hoeffding, false failure ≤ 1e-9)',
    source: SOURCE,
    on: 'oracle',
    expected: 'holds',
    check: (o) => statisticalClaim('oracle', Math.max(o.runs ?? 0, 2000), true, o),
  },
  {
    id: 'bias-correction/statistical/float32',
    statement: 'the same in float32 production (N = 20,000 runs as one tensor; Hoeffding, false failure ≤ 1e-9)',
    source: SOURCE,
    on: 'float32',
    expected: 'holds',
    check: (o) => statisticalClaim('production', Math.max(o.runs ?? 0, 20_000), true, o),
  },
  {
    id: 'bias-correction/uncorrected',
    statement: 'power check: the uncorrected m_t estimates E[g] (the same test must reject it)',
    source: SOURCE,
    on: 'float32',
    expected: 'refuted',
    check: (o) => statisticalClaim('production', Math.max(o.runs ?? 0, 20_000), false, o),
  },
];
