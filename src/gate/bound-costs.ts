/**
 * What each pair of the error-bound table costs to measure, for dealing the pairs to shards so that
 * the shards finish together (./shard.ts `dealtByCost`): `bounds --shard i/n`, `bounds --jobs n` and
 * `merge` deal by these costs, and every pair of the table must have one (spec/gate/bound-costs.spec.ts).
 * Dealt round-robin, two shards of `bounds --runs 100000` took 19 min 47 s and 26 min 34 s
 * (2026-12-06); dealt by these costs, the largest of n shards is predicted to fall from 65.6 to 60.0
 * s of the 119.8 s measured for n = 2, from 50.0 to 40.0 s for n = 3, from 40.9 to 30.1 s for n = 4
 * and from 32.6 to 20.1 s for n = 6.
 *
 * @module
 */
import { dealtByCost, type Shard } from './shard.js';

/**
 * Seconds per 1,000 cases of each rule/preset pair, measured by `measureBoundTable` on wasm at 3,000
 * cases, seed 20171213, on 2 cores of a busy machine (2026-12-07). Only their ratios matter.
 */
export const BOUND_PAIR_SECONDS: Readonly<Record<string, number>> = {
  'sgd/paper': 0.3,
  'sgd/pytorch': 0.19,
  'sgd/keras': 0.13,
  'sgd/tfjs': 0.13,
  'momentum/paper': 0.3,
  'momentum/pytorch': 0.28,
  'momentum/keras': 0.19,
  'momentum/tfjs': 0.2,
  'nesterov/paper': 0.25,
  'nesterov/pytorch': 0.22,
  'nesterov/keras': 0.21,
  'nesterov/tfjs': 0.19,
  'nag/paper': 0.32,
  'adagrad/paper': 0.3,
  'adagrad/pytorch': 0.32,
  'adagrad/keras': 0.23,
  'adagrad/tfjs': 0.25,
  'adadelta/paper': 0.46,
  'adadelta/pytorch': 0.51,
  'adadelta/keras': 0.39,
  'adadelta/tfjs': 0.4,
  'rmsprop/paper': 0.37,
  'rmsprop/pytorch': 0.38,
  'rmsprop/keras': 0.39,
  'rmsprop/tfjs': 0.39,
  'rmsprop-centered/paper': 0.48,
  'rmsprop-centered/pytorch': 0.47,
  'rmsprop-centered/keras': 0.45,
  'rmsprop-centered/tfjs': 0.48,
  'adam/paper': 0.63,
  'adam/pytorch': 0.68,
  'adam/keras': 0.77,
  'adam/tfjs': 0.98,
  'amsgrad/paper': 0.57,
  'amsgrad/pytorch': 0.64,
  'amsgrad/keras': 0.64,
  'adamw/paper': 0.62,
  'adamw/pytorch': 0.54,
  'adamw/keras': 0.52,
  'adamax/paper': 0.43,
  'adamax/pytorch': 0.46,
  'adamax/keras': 0.44,
  'adamax/tfjs': 0.51,
  'nadam/paper': 0.57,
  'nadam/pytorch': 1.4,
  'nadam/keras': 0.84,
  'lion/paper': 0.38,
  'lion/keras': 0.38,
  'lion/optax': 0.39,
  'radam/paper': 0.66,
  'radam/pytorch': 0.66,
  'radam/optax': 0.57,
  'asgd/pytorch': 0.68,
  'ftrl/paper': 0.54,
  'ftrl/keras': 0.59,
  'lamb/paper': 1.2,
  'lamb/keras': 0.96,
  'lamb/optax': 1.1,
  'lars/optax': 0.82,
  'adafactor/paper': 1.5,
  'adafactor/keras': 1.2,
  'adafactor/optax': 1.2,
  'rprop/pytorch': 0.92,
  'clip-by-norm/keras': 0.47,
  'clip-by-global-norm/pytorch': 0.44,
  'clip-by-global-norm/keras': 0.37,
  'clip-by-value/pytorch': 0.31,
  'clip-by-value/keras': 0.36,
  'keras-wrapper/keras': 3.9,
};

/** The median of {@link BOUND_PAIR_SECONDS}. */
const MEDIAN = ((xs: number[]) => xs[Math.floor(xs.length / 2)] ?? 1)(
  Object.values(BOUND_PAIR_SECONDS).sort((a, b) => a - b),
);

/** A pair's cost: its measured seconds, or the median of all of them for a pair not measured yet. */
export function boundPairCost(pair: string): number {
  return BOUND_PAIR_SECONDS[pair] ?? MEDIAN;
}

/** The pairs of `shard` (each `{ rule, preset }` of the table), dealt by {@link boundPairCost}. */
export function dealtBoundPairs<P extends { readonly rule: string; readonly preset: string }>(
  pairs: readonly P[],
  shard: Shard,
): P[] {
  return dealtByCost(pairs, shard, (p) => boundPairCost(`${p.rule}/${p.preset}`));
}
