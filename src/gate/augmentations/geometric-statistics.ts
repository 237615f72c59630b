/**
 * The frequencies of a random augmentation's outcomes against their exact probabilities
 * (oracle/augmentations/geometric-random.ts), with a stated false-failure probability and power, as
 * for dropout (dropout-statistics.ts, core/statistics.ts).
 *
 * n draws (seeds seed, seed + 1, …); for each of the m outcomes o of positive probability P(o), the
 * frequency F(o) = count / n is a mean of n indicators in [0, 1]. Hoeffding's inequality with the
 * false-failure probability shared among the outcomes (Bonferroni) gives the half-width
 *
 *   δ = √(ln(2 m / α) / (2 n)),   P(some |F(o) − P(o)| > δ) ≤ α   (α = FALSE_FAILURE = 1e-9),
 *
 * and any draw of an outcome of probability 0 fails at once. Power: against a generator whose
 * distribution Q has |Q(o) − P(o)| = Δ > δ for some o, the same inequality bounds the chance of
 * passing: P(reject) ≥ 1 − 2 exp(−2 n (Δ − δ)²).
 *
 * @module
 */
import { FALSE_FAILURE, hoeffdingHalfWidth } from '../../../core/statistics.js';
import type { Configuration } from '../../../core/catalogue/index.js';
import type { Rational } from '../../../oracle/rational.js';
import type { RandomTransformProduction } from '../../production/augmentations/geometric-random.js';
import type { RandomTransformRecord } from '../../registry/augmentations-geometric.js';

/** One outcome's frequency against its probability. */
export interface OutcomeFrequency {
  readonly outcome: readonly number[];
  readonly count: number;
  readonly probability: number;
  readonly frequency: number;
}

/** The outcome of a frequency test. */
export interface FrequencyTest {
  readonly ok: boolean;
  readonly draws: number;
  /** The per-outcome half-width δ. */
  readonly halfWidth: number;
  /** The largest |F(o) − P(o)|. */
  readonly distance: number;
  readonly outcomes: readonly OutcomeFrequency[];
  /** Outcomes drawn that have probability 0, with their counts. */
  readonly impossible: readonly OutcomeFrequency[];
}

const toNumber = (r: Rational): number => Number(r.num) / Number(r.den);

/** The Bonferroni–Hoeffding half-width δ = √(ln(2 m / α) / (2 n)) for m outcomes and n draws. */
export function frequencyHalfWidth(outcomes: number, draws: number, alpha: number = FALSE_FAILURE): number {
  return hoeffdingHalfWidth(1, draws, alpha / outcomes);
}

/** A lower bound on the power against a distribution Δ away in one outcome: 1 − 2 exp(−2 n (Δ − δ)²), 0 when Δ ≤ δ. */
export function frequencyPower(distance: number, draws: number, halfWidth: number): number {
  return distance <= halfWidth ? 0 : 1 - 2 * Math.exp(-2 * draws * (distance - halfWidth) ** 2);
}

/**
 * Draws `n` outcomes from `production` (the record's by default) for an image of `shape`, seeds
 * `seed` to `seed + n − 1`, and tests each outcome's frequency against the oracle's exact probability.
 */
export function outcomeFrequencies(
  record: RandomTransformRecord,
  config: Configuration,
  shape: { readonly height: number; readonly width: number },
  n: number,
  seed: number,
  production: RandomTransformProduction = record.production,
  alpha: number = FALSE_FAILURE,
): FrequencyTest {
  const distribution = record.oracle.distribution(config, shape);
  const counts = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    const key = production.draw(config, shape, seed + k).join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const halfWidth = frequencyHalfWidth(distribution.length, n, alpha);
  const outcomes = distribution.map(({ outcome, probability }) => {
    const count = counts.get(outcome.join(',')) ?? 0;
    counts.delete(outcome.join(','));
    return { outcome, count, probability: toNumber(probability), frequency: count / n };
  });
  const impossible = [...counts].map(([key, count]) => ({
    outcome: key.split(',').map(Number),
    count,
    probability: 0,
    frequency: count / n,
  }));
  const distance = Math.max(0, ...outcomes.map((o) => Math.abs(o.frequency - o.probability)));
  return { ok: impossible.length === 0 && distance <= halfWidth, draws: n, halfWidth, distance, outcomes, impossible };
}

/** A test in words: the largest distance against the half-width, and any impossible outcome. */
export function describeFrequencies(test: FrequencyTest): string {
  const worst = test.outcomes.reduce<OutcomeFrequency | undefined>(
    (w, o) =>
      w === undefined || Math.abs(o.frequency - o.probability) > Math.abs(w.frequency - w.probability) ? o : w,
    undefined,
  );
  const at =
    worst === undefined
      ? ''
      : ` (outcome [${worst.outcome.join(', ')}]: ${worst.frequency.toFixed(4)} against ${worst.probability.toFixed(4)})`;
  const impossible = test.impossible
    .map((o) => ` [${o.outcome.join(', ')}] drawn ${o.count} times, probability 0;`)
    .join('');
  return `${test.draws} draws, max |F − P| ${test.distance.toFixed(4)}${at} against δ ${test.halfWidth.toFixed(4)};${impossible}`;
}
