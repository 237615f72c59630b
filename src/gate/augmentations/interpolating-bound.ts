/**
 * The derived bounds of the interpolating operations (docs/augmentation.md, section Interpolating
 * operations, "The derived bound"). Each kernel computes a source position in floating point and
 * then either takes a pixel (nearest) or interpolates (bilinear); the position's computation, run on
 * error-bounded numbers as the kernels write it (tfjs's cpu kernels and TensorFlow's in one order,
 * XNNPACK's, behind tfjs's wasm backend, in another; the float32 model covers the float64 ones),
 * gives a window the computed position lies in. Then
 *
 *   nearest    production may take any pixel a position in the window rounds or floors to (a set of
 *              values; the exact one among them), and nothing else;
 *   bilinear   production is the interpolant at the computed position plus the rounding of its
 *              three lerps, so |production − exact| ≤ max over the cells the window reaches of
 *              (|value of the cell's lerp − exact| + its running error bound), plus the oracle's own
 *              rounding (u |v| + η).
 *
 * @module
 */
import type { HwcImage } from '../../../core/catalogue/augmentations/geometric.js';
import type { RotateSchema } from '../../../core/catalogue/augmentations/interpolating.js';
import type { Configuration } from '../../../core/catalogue/index.js';
import { bilinearTap, type Coordinates } from '../../../oracle/augmentations/interpolating-resize.js';
import { pixel } from '../../../oracle/augmentations/interpolating-image.js';
import { rotationParameters } from '../../production/augmentations/interpolating-parameters.js';
import { ETA, exactInput, U, type Bounded } from '../bound/bounded.js';
import { scalarBoundArith, scalarToBounded } from '../bound/scalar-bound.js';
import type { ElementBound } from '../bound/step-bound.js';
import {
  exactAwareArith as A,
  floorCandidates,
  roundCandidates,
  roundCandidatesUnclamped,
  windowOf,
} from './interpolating-exact.js';

const n_ = (k: number): Bounded => exactInput(k);

/**
 * The positions the kernels compute for output index i of an axis from n to m (for nearest sampling,
 * before the floor or rounding; half-pixel nearest adds no −1/2): ratio · i, or ratio · (i + 1/2) − 1/2
 * (tfjs cpu, TensorFlow) and i · ratio + (ratio/2 − 1/2) (XNNPACK), with ratio = n/m, or
 * (n − 1)/(m − 1) under align-corners.
 */
export function kernelPositions(
  coordinates: Coordinates,
  n: number,
  m: number,
  i: number,
  nearest: boolean,
): Bounded[] {
  const align = coordinates === 'align-corners' && m > 1;
  const ratio = A.div(n_(align ? n - 1 : n), n_(align ? m - 1 : m));
  if (coordinates !== 'half-pixel') return [A.mul(ratio, n_(i))];
  if (nearest) return [A.mul(ratio, n_(i + 0.5))];
  return [A.sub(A.mul(ratio, n_(i + 0.5)), n_(0.5)), A.add(A.mul(n_(i), ratio), A.sub(A.mul(n_(0.5), ratio), n_(0.5)))];
}

/** The smallest interval holding every position's window. */
function union(positions: readonly Bounded[]): [number, number] {
  const windows = positions.map(windowOf);
  return [Math.min(...windows.map(([lo]) => lo)), Math.max(...windows.map(([, hi]) => hi))];
}

/** The input indices nearest-neighbour resizing may take for output index i. */
export function nearestCandidates(coordinates: Coordinates, n: number, m: number, i: number): number[] {
  const window = union(kernelPositions(coordinates, n, m, i, true));
  return coordinates === 'align-corners' ? roundCandidates(window, n) : floorCandidates(window, n);
}

/** One cell a bilinear kernel may use along an axis: its indices and the weight, with the position's error. */
interface Tap {
  readonly lower: number;
  readonly upper: number;
  readonly weight: Bounded;
}

/** The exact tap and every tap the computed position may select, along one axis. */
function bilinearTaps(coordinates: Coordinates, n: number, m: number, i: number): { exact: Tap; candidates: Tap[] } {
  const t = bilinearTap(coordinates, n, m, i);
  const w = Number(t.weight.num) / Number(t.weight.den);
  const exact: Tap = { lower: t.lower, upper: t.upper, weight: { v: w, e: 0, s: Math.abs(w) } };
  const clamp = (x: number) => Math.max(0, Math.min(x, n - 1));
  const [lo, hi] = union(kernelPositions(coordinates, n, m, i, false)).map(clamp) as [number, number];
  if (lo === hi && lo === t.lower + w) return { exact, candidates: [exact] };
  const s = t.lower + w;
  const e = Math.max(s - lo, hi - s);
  const candidates = floorCandidates([lo, hi], n).map((lower) => ({
    lower,
    upper: Math.min(lower + 1, n - 1),
    weight: { v: s - lower, e, s: Math.abs(s - lower) + 1 },
  }));
  return { exact, candidates };
}

/** The kernels' lerps, top + (bottom − top) w_y with top = tl + (tr − tl) w_x, on bounded values. */
function lerp2(tl: Bounded, tr: Bounded, bl: Bounded, br: Bounded, wx: Bounded, wy: Bounded): Bounded {
  const lerp = (p: Bounded, q: Bounded, w: Bounded) => A.add(p, A.mul(A.sub(q, p), w));
  return lerp(lerp(tl, tr, wx), lerp(bl, br, wx), wy);
}

/** The derived bound of each output value of a bilinear resize of `image` to h × w, in HWC order. */
export function bilinearBound(coordinates: Coordinates, image: HwcImage, h: number, w: number): ElementBound[] {
  const rows = Array.from({ length: h }, (_, i) => bilinearTaps(coordinates, image.height, h, i));
  const cols = Array.from({ length: w }, (_, j) => bilinearTaps(coordinates, image.width, w, j));
  const bounds: ElementBound[] = [];
  for (const row of rows)
    for (const col of cols)
      for (let c = 0; c < image.channels; c++) {
        const at = (ty: Tap, tx: Tap) => {
          const p = (y: number, x: number) => n_(pixel(image, y, x, c));
          return lerp2(
            p(ty.lower, tx.lower),
            p(ty.lower, tx.upper),
            p(ty.upper, tx.lower),
            p(ty.upper, tx.upper),
            tx.weight,
            ty.weight,
          );
        };
        const v0 = at(row.exact, col.exact);
        let worst = 0;
        let scale = v0.s;
        let out = v0.out;
        for (const ty of row.candidates)
          for (const tx of col.candidates) {
            const b = at(ty, tx);
            worst = Math.max(worst, Math.abs(b.v - v0.v) + b.e);
            scale = Math.max(scale, b.s);
            out ??= b.out;
          }
        bounds.push(
          out === undefined
            ? { bound: (worst + U * Math.abs(v0.v) + ETA) * (1 + 2 ** -20) + 2 ** -45 * scale, scale }
            : { bound: Infinity, scale, out },
        );
      }
  return bounds;
}

/** cos θ and sin θ as production computes them (Math.cos, or float32 cosf on wasm), bounded. */
function trig(theta: Bounded): { cos: Bounded; sin: Bounded } {
  if (theta.e === 0 && theta.v === 0) return { cos: n_(1), sin: n_(0) };
  const e = theta.e + 2 ** -21;
  return { cos: { v: Math.cos(theta.v), e, s: 1 }, sin: { v: Math.sin(theta.v), e, s: 1 } };
}

/** The source pixels (rows, columns; possibly outside the image) production may take for each output pixel. */
export function rotationCandidates(
  config: Configuration<RotateSchema>,
  height: number,
  width: number,
): (y: number, x: number) => { rows: number[]; cols: number[] } {
  const p = rotationParameters(scalarBoundArith, config, height, width);
  const { cos, sin } = trig(scalarToBounded(p.radians));
  const cx = A.mul(n_(width), scalarToBounded(p.centreX));
  const cy = A.mul(n_(height), scalarToBounded(p.centreY));
  return (y, x) => {
    const dx = A.sub(n_(x), cx);
    const dy = A.sub(n_(y), cy);
    const X = A.add(A.sub(A.mul(dx, cos), A.mul(dy, sin)), cx);
    const Y = A.add(A.add(A.mul(dx, sin), A.mul(dy, cos)), cy);
    return { rows: roundCandidatesUnclamped(windowOf(Y)), cols: roundCandidatesUnclamped(windowOf(X)) };
  };
}
