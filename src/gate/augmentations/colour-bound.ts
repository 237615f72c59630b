/**
 * The derived error bounds of brightness and contrast: production's own algorithm
 * (src/production/augmentations/colour.ts) run on error-bounded numbers, each channel plane a region
 * (a sum over it in any order: {@link sumBound}), its float64 coefficients bounded by
 * {@link scalarBoundArith} and rounded once to float32. Operations on exact values whose exact result
 * is a float32 stay exact. min is 1-Lipschitz, so its error is its operands' larger one. A floor
 * (torchvision's floored grayscale, and every uint8 value written back) takes the integers its
 * operand's window reaches: it becomes their midpoint with half their spread as error, which holds
 * production's floor and the exact one alike, so later operations bound both from the same value.
 *
 *   float32 output: |production − oracle| ≤ the running bound plus the oracle's rounding (comparisonBound)
 *   uint8 output:   production and oracle both among the integers the last floor allows
 *
 * @module
 */
import type { HwcImage } from '../../../core/catalogue/augmentations/geometric.js';
import type { Configuration } from '../../../core/catalogue/index.js';
import { required } from '../../../core/required.js';
import type { ColourAlgorithm, ColourArith, ColourCoefficient } from '../../production/augmentations/colour.js';
import { colourShape } from '../../production/augmentations/colour-tfjs.js';
import { exactInput, sumBound, type Bounded } from '../bound/bounded.js';
import { boundedRegionArith, type BoundedRegion } from '../bound/bounded-region.js';
import { scalarBoundArith, scalarToBounded, type ScalarBound } from '../bound/scalar-bound.js';
import { elementBound, type ElementBound } from '../bound/step-bound.js';
import { exactAwareArith, windowOf } from './interpolating-exact.js';

/** Elementwise on two regions, a region of length 1 broadcasting. */
function zip(a: BoundedRegion, b: BoundedRegion, f: (x: Bounded, y: Bounded) => Bounded): BoundedRegion {
  const n = Math.max(a.length, b.length);
  const at = (r: BoundedRegion, i: number) => required(r[r.length === 1 ? 0 : i], 'a region element');
  return Array.from({ length: n }, (_, i) => f(at(a, i), at(b, i)));
}

/** ⌊b⌋ as the midpoint of the integers b's window floors to, with half their spread as error. */
function floorBounded(b: Bounded): Bounded {
  const [lo, hi] = windowOf(b).map(Math.floor) as [number, number];
  if (!Number.isFinite(lo) || !Number.isFinite(hi))
    return { v: Math.floor(b.v), e: Infinity, s: b.s, out: b.out ?? 'overflow' };
  return { v: (lo + hi) / 2, e: (hi - lo) / 2, s: Math.max(b.s, Math.abs(hi), 1) };
}

/** {@link ColourArith} on bounded regions. */
export const boundedColourArith: ColourArith<BoundedRegion> = {
  ...boundedRegionArith(sumBound),
  add: (a, b) => zip(a, b, exactAwareArith.add),
  sub: (a, b) => zip(a, b, exactAwareArith.sub),
  mul: (a, b) => zip(a, b, exactAwareArith.mul),
  div: (a, b) => zip(a, b, exactAwareArith.div),
  min: (a, b) =>
    zip(a, b, (x, y) => {
      const out = x.out ?? y.out;
      const v = Math.min(x.v, y.v);
      return out === undefined ? { v, e: Math.max(x.e, y.e), s: Math.max(x.s, y.s) } : { v, e: Infinity, s: x.s, out };
    }),
  floor: (a) => a.map(floorBounded),
};

/** A float64 coefficient as production's float32 scalar: exact when it is an exact float32 integer, else rounded. */
function lift(x: ScalarBound): Bounded {
  const v = x.x.toNumber();
  return x.err === 0 && Math.fround(v) === v && x.x.eq(v) ? exactInput(v) : scalarToBounded(x);
}

/** Per output value, in HWC order: a float32 output's bound, or the integers a uint8 output may be. */
export type ColourBound =
  | { readonly dtype: 'float32'; readonly bounds: ElementBound[] }
  | { readonly dtype: 'uint8'; readonly allowed: number[][] };

/** The derived bound of `algorithm` on `image` under `config`. */
export function colourBound(algorithm: ColourAlgorithm, config: Configuration, image: HwcImage): ColourBound {
  const shape = colourShape(image);
  const coefficients = algorithm.coefficients(scalarBoundArith, config, shape);
  const c = {} as Record<ColourCoefficient, BoundedRegion>;
  for (const k of Object.keys(coefficients) as ColourCoefficient[]) c[k] = [lift(coefficients[k])];
  const C = image.channels;
  const planes: Bounded[][] = Array.from({ length: C }, () => []);
  image.data.forEach((x, i) => required(planes[i % C], 'a plane').push(exactInput(x)));
  const out = algorithm.apply(boundedColourArith, planes, c, config, shape);
  const values = Array.from({ length: image.data.length }, (_, i) => {
    const plane = required(out[i % C], 'an output plane');
    return required(plane[plane.length === 1 ? 0 : Math.floor(i / C)], 'an output value');
  });
  if (image.dtype === 'float32') return { dtype: 'float32', bounds: values.map(elementBound) };
  return {
    dtype: 'uint8',
    allowed: values.map((b) => {
      if (!Number.isFinite(b.e)) throw new RangeError('a uint8 output outside the analysed domain');
      const ints: number[] = [];
      for (let k = Math.round(b.v - b.e); k <= Math.round(b.v + b.e); k++) ints.push(k);
      return ints;
    }),
  };
}
