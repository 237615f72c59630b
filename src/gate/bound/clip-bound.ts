/**
 * The derived error bound of a gradient clipping (src/production/gradient-transforms/clipping.ts): its
 * algorithm run on each variable's error-bounded elements as one region ({@link boundedRegionArith}),
 * where every sum over a tensor, and the sum of the per-variable sums, is bounded by Higham's γ_{n−1}
 * bound for any order of float32 additions ({@link nonnegativeSum}); −x is exact, and Keras's
 * scale + (N − N) is the scale itself wherever N is inside the domain (finite in float32 too).
 *
 * @module
 */
import type { Configuration } from '../../../core/catalogue/index.js';
import { required } from '../../../core/required.js';
import type { ClipAlgorithm, ClipArith } from '../../production/gradient-transforms/clipping.js';
import { exactInput, nonnegativeSum, type Bounded } from './bounded.js';
import { boundedRegionArith, type BoundedRegion } from './bounded-region.js';
import { scalarBoundArith, scalarToBounded } from './scalar-bound.js';
import { elementBound, type StepBound } from './step-bound.js';

/** −x: exact, the same error and size; not ≥ 0 by construction. */
const negate = (x: Bounded): Bounded => ({ v: -x.v, e: x.e, s: x.s, ...(x.out === undefined ? {} : { out: x.out }) });

/** {@link ClipArith} on bounded regions. */
export const boundedClipArith: ClipArith<BoundedRegion> = {
  ...boundedRegionArith(nonnegativeSum),
  total: (parts) => [nonnegativeSum(parts.map((p) => required(p[0], 'a per-variable sum')))],
  plusZeroOf: (x, n) => {
    const norm = required(n[0], 'the norm');
    return norm.out === undefined ? x : x.map((b) => ({ ...b, e: Infinity, out: norm.out }));
  },
  neg: (x) => x.map(negate),
};

/** The bound on each clipped element of `algorithm` for `grads` (one array per variable), concatenated. */
export function boundClip(algorithm: ClipAlgorithm, config: Configuration, grads: readonly Float32Array[]): StepBound {
  const c = Object.fromEntries(
    Object.entries(algorithm.coefficients(scalarBoundArith, config)).map(([k, v]) => [k, [scalarToBounded(v)]]),
  );
  const regions = grads.map((g) => Array.from(g, (x) => exactInput(x)));
  const out = algorithm.clip(boundedClipArith, regions, c, config);
  return { grads: out.flatMap((r) => r.map(elementBound)) };
}
