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
  const inputs = Array.from(w, (x) => exactInput(x));
  const terms: Bounded[] = inputs.map((W) => algorithm.term(boundedArith, W, c));
  const gradient: ElementBound[] = inputs.map((W) => elementBound(algorithm.gradient(boundedArith, W, c)));
  const proxOf = algorithm.prox;
  const prox: StepBound =
    proxOf === undefined ? {} : { prox: inputs.map((W) => elementBound(proxOf(boundedArith, W, c))) };
  return { gradient, ...prox, penalty: [elementBound(sumBound(terms))] };
}
