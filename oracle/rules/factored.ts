/**
 * The matrix pieces of Adafactor, exact (Shazeer & Stern 2018, arXiv:1804.04235, Algorithm 4): means
 * over rows, columns and the whole tensor, and the factored estimate V̂_ij = r_i c_j / mean(r) of a
 * second moment from its row means r and column means c (the paper's R C / (1ᵀR) with sums).
 *
 * @module
 */
import { required } from '../../core/required.js';
import type { Arithmetic, Enclosure } from '../enclosure.js';
import { signOf } from './common.js';

/** Element i of a tensor's enclosures. */
export const at = (xs: readonly Enclosure[], i: number): Enclosure => required(xs[i], `element ${i}`);

/** mean(x) = (Σ x_i) / n over the whole tensor, exactly (NaN for an empty one: 0/0). */
export function mean(a: Arithmetic, xs: readonly Enclosure[]): Enclosure {
  return a.div(
    xs.reduce((s, x) => a.add(s, x), a.point(0)),
    a.point(xs.length),
  );
}

/**
 * RMS(x) = √(mean(x²)) over the whole tensor, exactly; |x| for a single element (the same value, as
 * a point where x is one, so that the quotients of the step stay exact: u / RMS(u) = ±1).
 */
export function rms(a: Arithmetic, xs: readonly Enclosure[]): Enclosure {
  const [only] = xs;
  if (xs.length === 1 && only !== undefined) return a.abs(only);
  return a.sqrt(
    mean(
      a,
      xs.map((x) => a.square(x)),
    ),
  );
}

/**
 * Û = U / max(1, RMS(U) / d), exactly. For a single finite element this is sign(u) · min(|u|, d),
 * written so (the same value) that a clipped step is exact: u / (|u| / d) is d · sign(u) exactly,
 * while the quotient of enclosures only approaches it.
 */
export function clipByRms(a: Arithmetic, u: readonly Enclosure[], d: Enclosure): Enclosure[] {
  const [only] = u;
  if (u.length === 1 && only !== undefined) {
    const m = a.abs(only);
    // min(|u|, d) = −max(−|u|, −d), without a comparison that a tie |u| = d would leave undecided.
    if (!a.isZero(a.div(a.point(1), m))) return [a.mul(signOf(a, only), a.neg(a.max(a.neg(m), a.neg(d))))];
  }
  const clip = a.max(a.point(1), a.div(rms(a, u), d));
  return u.map((x) => a.div(x, clip));
}

/** Per row i of a rows × cols row-major matrix, the mean over its columns. */
export function rowMeans(a: Arithmetic, xs: readonly Enclosure[], rows: number, cols: number): Enclosure[] {
  return Array.from({ length: rows }, (_, i) => mean(a, xs.slice(i * cols, (i + 1) * cols)));
}

/** Per column j of a rows × cols row-major matrix, the mean over its rows. */
export function colMeans(a: Arithmetic, xs: readonly Enclosure[], rows: number, cols: number): Enclosure[] {
  return Array.from({ length: cols }, (_, j) =>
    mean(
      a,
      Array.from({ length: rows }, (_, i) => at(xs, i * cols + j)),
    ),
  );
}

/**
 * The factored estimate of a rows × cols second moment, row-major: V̂_ij = (r_i / mean(r)) c_j when
 * the row statistic is normalised (`normalise` 'rows', Keras), r_i (c_j / mean(c)) when the column one
 * is (`'columns'`, optax for a matrix with more rows than columns).
 */
export function factoredEstimate(
  a: Arithmetic,
  r: readonly Enclosure[],
  c: readonly Enclosure[],
  normalise: 'rows' | 'columns',
): Enclosure[] {
  const rows = r.length;
  const cols = c.length;
  const rHat = normalise === 'rows' ? r.map((x) => a.div(x, mean(a, r))) : r;
  const cHat = normalise === 'columns' ? c.map((x) => a.div(x, mean(a, c))) : c;
  return Array.from({ length: rows * cols }, (_, k) => a.mul(at(rHat, Math.floor(k / cols)), at(cHat, k % cols)));
}
