/**
 * Dropout's distribution, tested on any implementation (Srivastava et al. 2014; inverted form as the
 * frameworks use it). Each test states its false-failure probability (FALSE_FAILURE = 1e-9, from
 * Hoeffding's inequality or the Dvoretzky–Kiefer–Wolfowitz inequality with Massart's constant) and is
 * deterministic for a given seed. With keep probability p and input x:
 *
 *   E[y] = x (inverted) or p x (original);   Var[y] = x² (1 − p)/p (inverted) or x² p (1 − p) (original);
 *   the number kept of n ~ Binomial(n, p);   inference: y = x (inverted) or p x (original).
 *
 * @module
 */
import { FALSE_FAILURE, meanConsistent, type MeanTest } from '../../../core/statistics.js';
import type { Configuration } from '../../../core/catalogue/index.js';
import { required } from '../../../core/required.js';
import { dropoutConfiguration, isInverted } from '../../production/regularizers/dropout.js';
import { keepOf } from '../../production/tfjs/dropout.js';
import type { DropoutImplementation } from './dropout-implementation.js';

type Sampler = Pick<DropoutImplementation, 'train' | 'inference'>;

/** E[y] over n copies of x in one call: x (inverted) or p x (original). Range of y: [0, |x|/p] or [0, |x|]. */
export function dropoutMean(
  impl: Sampler,
  config: Configuration,
  x: number,
  n: number,
  seed: number,
  p = FALSE_FAILURE,
): MeanTest {
  const dropout = dropoutConfiguration(config);
  const keep = keepOf(dropout);
  const y = impl.train(config, new Float32Array(n).fill(x), seed).train;
  const inverted = isInverted(dropout);
  return meanConsistent(y, inverted ? x : keep * x, inverted ? Math.abs(x) / keep : Math.abs(x), p);
}

/** E[(y − E y)²] over n copies of x: x² (1 − p)/p (inverted) or x² p (1 − p) (original). */
export function dropoutVariance(
  impl: Sampler,
  config: Configuration,
  x: number,
  n: number,
  seed: number,
  p = FALSE_FAILURE,
): MeanTest {
  const dropout = dropoutConfiguration(config);
  const keep = keepOf(dropout);
  const inverted = isInverted(dropout);
  const mean = inverted ? x : keep * x;
  const kept = inverted ? x / keep : x;
  const y = impl.train(config, new Float32Array(n).fill(x), seed).train;
  const squares = Float64Array.from(y, (v) => (v - mean) ** 2);
  const range = Math.max(mean ** 2, (kept - mean) ** 2);
  return meanConsistent(squares, inverted ? (x * x * (1 - keep)) / keep : x * x * keep * (1 - keep), range, p);
}

/** The CDF of Binomial(n, p) at 0..n, in float64 (relative error about n · 2^−52). */
export function binomialCdf(n: number, p: number): Float64Array {
  const pmf = new Float64Array(n + 1);
  // log-space terms avoid underflow of p^n for large n.
  const logs = Array.from({ length: n + 1 }, (_, k) => logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
  logs.forEach((l, k) => (pmf[k] = Math.exp(l)));
  const cdf = new Float64Array(n + 1);
  let s = 0;
  pmf.forEach((v, k) => (cdf[k] = s += v));
  return cdf;
}

function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

/** The outcome of a distribution test. */
export interface DistributionTest {
  readonly ok: boolean;
  /** sup_c |F_K(c) − F(c)|. */
  readonly distance: number;
  /** The DKW threshold √(ln(2/p) / (2K)). */
  readonly threshold: number;
}

/**
 * The number kept of n follows Binomial(n, p): K masks (seeds seed, seed + 1, …) of n elements, their
 * empirical CDF against the exact one; DKW: P(sup |F_K − F| > ε) ≤ 2 exp(−2 K ε²).
 */
export function keptCountDistribution(
  impl: Sampler,
  config: Configuration,
  n: number,
  trials: number,
  seed: number,
  p = FALSE_FAILURE,
): DistributionTest {
  const keep = keepOf(dropoutConfiguration(config));
  const counts = new Float64Array(n + 1);
  const ones = new Float32Array(n).fill(1);
  for (let k = 0; k < trials; k++) {
    const { mask } = impl.train(config, ones, seed + k);
    let c = 0;
    for (const m of mask) c += m;
    counts[c] = required(counts[c], `the count of masks keeping ${c}`) + 1;
  }
  const cdf = binomialCdf(n, keep);
  let running = 0;
  let distance = 0;
  counts.forEach((c, i) => {
    running += c;
    distance = Math.max(distance, Math.abs(running / trials - required(cdf[i], `the binomial CDF at ${i}`)));
  });
  const threshold = Math.sqrt(Math.log(2 / p) / (2 * trials));
  return { ok: distance <= threshold, distance, threshold };
}

/** Inverted dropout's inference is the identity, bitwise; the original form's is p x (checked against the oracle elsewhere). */
export function inferenceIsIdentity(impl: Sampler, config: Configuration, x: Float32Array): boolean {
  const y = impl.inference(config, x);
  return y.length === x.length && y.every((v, i) => Object.is(v, x[i]));
}
