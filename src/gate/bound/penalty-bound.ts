/**
 * The derived error bound of a penalty's outputs: its algorithm (src/production/regularizers/penalties.ts) run on
 * {@link Bounded} values element by element, and for the penalty, a sum of n terms in any order:
 *
 *   |fl(Σ x̂_i) − Σ x_i| ≤ Σ e_i + γ_{n−1} Σ (|x_i| + e_i),   γ_m = m u / (1 − m u)
 *
 * (Higham 2002, §4.2; it covers every order of float32 additions, and float64 accumulation rounded once
 * to float32 as tfjs's cpu backend does). Additions need no η: a subnormal sum is exact.
 *
 * @module
 */
import type { Configuration } from '../../../core/catalogue/index.js';
import { penaltyAlgorithms } from '../../production/regularizers/penalties.js';
import { boundedArith, exactInput, U, type Bounded } from './bounded.js';
import { scalarBoundArith, scalarToBounded } from './scalar-bound.js';
import { elementBound, type StepBound } from './step-bound.js';

/** The running bound of a float32 sum of the bounded terms, in any order. */
export function sumBound(terms: readonly Bounded[]): Bounded {
  const out = terms.find((x) => x.out !== undefined)?.out;
  const v = terms.reduce((s, x) => s + x.v, 0);
  const size = terms.reduce((s, x) => s + x.s, 0);
  if (out !== undefined) return { v, e: Infinity, s: size, out };
  const n = terms.length;
  const gamma = n <= 1 ? 0 : ((n - 1) * U) / (1 - (n - 1) * U);
  const e = terms.reduce((s, x) => s + x.e, 0) + gamma * terms.reduce((s, x) => s + Math.abs(x.v) + x.e, 0);
  return { v, e, s: size };
}

/** Per output (`penalty`, `gradient`, `prox`), the bound on each element for weights `w`. */
export function boundPenalty(config: Configuration, w: Float32Array): StepBound {
  const algorithm = penaltyAlgorithms[config.entry.name]!;
  const c = Object.fromEntries(
    Object.entries(algorithm.coefficients(scalarBoundArith, config)).map(([k, v]) => [k, scalarToBounded(v)]),
  );
  const terms: Bounded[] = [];
  const result: StepBound = { gradient: [] };
  if (algorithm.prox) result['prox'] = [];
  for (const x of w) {
    const W = exactInput(x);
    terms.push(algorithm.term(boundedArith, W, c));
    result['gradient']!.push(elementBound(algorithm.gradient(boundedArith, W, c)));
    if (algorithm.prox) result['prox']!.push(elementBound(algorithm.prox(boundedArith, W, c)));
  }
  result['penalty'] = [elementBound(sumBound(terms))];
  return result;
}
