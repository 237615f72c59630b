/**
 * Regions of float32 values under running error analysis (./bounded.ts), for algorithms that reduce
 * over the last axis (pooling regions, clipping norms): elementwise operations broadcast a region of
 * length 1, a region sum is the analysis of a float32 sum in any order.
 *
 * @module
 */
import type { RegionArith } from '../../../core/arith.js';
import { boundedArith, type Bounded } from './bounded.js';
import { mulWithExactZeros } from './exact-zero-product.js';

/** A region of float32 values under running error analysis; a region of length 1 broadcasts. */
export type BoundedRegion = readonly Bounded[];

function elementAt(x: BoundedRegion, i: number): Bounded {
  const b = x[x.length === 1 ? 0 : i];
  if (b === undefined) throw new RangeError(`no element ${i} in a region of ${x.length}`);
  return b;
}

/** The length of regions broadcast together, as tensors broadcast (a region of length 1 repeats). */
function broadcastLength(...regions: readonly BoundedRegion[]): number {
  const lengths = new Set(regions.map((x) => x.length).filter((n) => n !== 1));
  if (lengths.size > 1) throw new RangeError(`regions of ${[...lengths].join(' and ')} do not broadcast`);
  return lengths.size === 0 ? 1 : (lengths.values().next().value ?? 1);
}

/** `f` element by element, broadcasting. */
function zip(a: BoundedRegion, b: BoundedRegion, f: (x: Bounded, y: Bounded) => Bounded): BoundedRegion {
  return Array.from({ length: broadcastLength(a, b) }, (_, i) => f(elementAt(a, i), elementAt(b, i)));
}

/**
 * {@link RegionArith} on {@link BoundedRegion}s: {@link boundedArith} element by element, except that a
 * product with the float32 zero (and an operand inside the domain) is an exact zero, as it is in
 * float32 (x · 0 = ±0, no rounding); a region sum is `sum`, the analysis of a float32 sum in any order
 * ({@link sumBound}); a selection element by element, broadcasting.
 */
export function boundedRegionArith(sum: (terms: readonly Bounded[]) => Bounded): RegionArith<BoundedRegion> {
  const A = boundedArith;
  const unary =
    (f: (x: Bounded) => Bounded) =>
    (a: BoundedRegion): BoundedRegion =>
      a.map(f);
  return {
    add: (a, b) => zip(a, b, A.add),
    sub: (a, b) => zip(a, b, A.sub),
    mul: (a, b) => zip(a, b, mulWithExactZeros),
    div: (a, b) => zip(a, b, A.div),
    max: (a, b) => zip(a, b, A.max),
    sqrt: unary(A.sqrt),
    square: unary(A.square),
    abs: unary(A.abs),
    sign: unary(A.sign),
    regionSum: (a) => [sum(a)],
    wherePositive: (c, a, b) =>
      Array.from({ length: broadcastLength(c, a, b) }, (_, i) =>
        A.wherePositive(elementAt(c, i), elementAt(a, i), elementAt(b, i)),
      ),
  };
}
