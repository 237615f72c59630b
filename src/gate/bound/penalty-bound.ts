/**
 * The derived error bound of a penalty's outputs: its algorithm (src/production/regularizers/penalties.ts) run on
 * {@link Bounded} values element by element, and for the penalty, a sum of n terms in any order
 * ({@link sumBound}).
 *
 * @module
 */
import type { Configuration } from '../../../core/catalogue/index.js';
import type { PenaltyAlgorithm } from '../../production/regularizers/penalties.js';
import { boundedArith, exactInput, sumBound, type Bounded } from './bounded.js';
import { scalarBoundArith, scalarToBounded } from './scalar-bound.js';
import { elementBound, type ElementBound, type StepBound } from './step-bound.js';

/** Per output (`penalty`, `gradient`, `prox`), the bound on each element of `algorithm` for weights `w`. */
export function boundPenalty(algorithm: PenaltyAlgorithm, config: Configuration, w: Float32Array): StepBound {
  const c = Object.fromEntries(
    Object.entries(algorithm.coefficients(scalarBoundArith, config)).map(([k, v]) => [k, scalarToBounded(v)]),
  );
  const terms: Bounded[] = [];
  const gradient: ElementBound[] = [];
  const prox: ElementBound[] | undefined = algorithm.prox ? [] : undefined;
  for (const x of w) {
    const W = exactInput(x);
    terms.push(algorithm.term(boundedArith, W, c));
    gradient.push(elementBound(algorithm.gradient(boundedArith, W, c)));
    if (algorithm.prox && prox) prox.push(elementBound(algorithm.prox(boundedArith, W, c)));
  }
  return { gradient, ...(prox ? { prox } : {}), penalty: [elementBound(sumBound(terms))] };
}
