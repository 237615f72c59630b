/**
 * The derived error bound of stochastic pooling's probabilities and inference: its algorithm
 * (src/production/regularizers/stochastic-pooling.ts) run on each region of {@link Bounded} values by
 * {@link boundedRegionArith} (./bounded-region.ts), each region sum by {@link sumBound} (any order of additions). A region of
 * zeros selects the exact zero, so its outputs are exact and judged bitwise.
 *
 * @module
 */
import { stochasticPooling } from '../../production/regularizers/stochastic-pooling.js';
import { exactInput, sumBound, type Bounded } from './bounded.js';
import { boundedRegionArith } from './bounded-region.js';
import { elementBound, type ElementBound, type StepBound } from './step-bound.js';

const regionArith = boundedRegionArith(sumBound);
const constants = { zero: [exactInput(0)], one: [exactInput(1)] };

/**
 * The bound on one output element; a value the analysis finds exact (error 0) and representable in
 * float32 is the oracle's own, so it is judged bitwise (bound 0).
 */
function outputBound(b: Bounded): ElementBound {
  return b.out === undefined && b.e === 0 && Math.fround(b.v) === b.v ? { bound: 0, scale: b.s } : elementBound(b);
}

/** Per output (`probabilities`, `inference`), the bound on each element for activations `a` in regions of `k`. */
export function boundStochasticPooling(a: Float32Array, k: number): StepBound {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`regions of size ${k}`);
  const probabilities: ElementBound[] = [];
  const inference: ElementBound[] = [];
  for (let start = 0; start + k <= a.length; start += k) {
    const out = stochasticPooling(regionArith, Array.from(a.subarray(start, start + k), exactInput), constants);
    probabilities.push(...out.probabilities.map(outputBound));
    inference.push(...out.inference.map(outputBound));
  }
  return { probabilities, inference };
}
