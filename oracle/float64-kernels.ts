/**
 * The operations of outward-rounded binary64 interval arithmetic on the ends of their operands,
 * writing the result's ends into `R` (./float64-rounding.ts): the one implementation behind both
 * {@link Float64Enclosures} (an object per enclosure) and the tape (./float64-tape.ts, a column of
 * ends per operation). An operand is [lo, hi]; it is an exact point when lo === hi (NaN never is).
 * What cannot be decided throws `FLOAT64_UNDECIDED`. The reasoning behind each case is in
 * ./float64.ts, where each operation is documented.
 *
 * @module
 */
import {
  down,
  finite,
  FLOAT64_UNDECIDED,
  set,
  setChecked,
  setOverflowed,
  setPointProduct,
  setPointSum,
  productError,
  up,
} from './float64-rounding.js';

/** [alo, ahi] + [blo, bhi]. */
export function add(alo: number, ahi: number, blo: number, bhi: number): void {
  if (alo !== alo || blo !== blo) return set(NaN, NaN);
  if (alo === ahi && blo === bhi) return setPointSum(alo, blo);
  setChecked(down(alo + blo), up(ahi + bhi));
}

/** [alo, ahi] − [blo, bhi]. */
export function sub(alo: number, ahi: number, blo: number, bhi: number): void {
  if (alo !== alo || blo !== blo) return set(NaN, NaN);
  if (alo === ahi && blo === bhi) return setPointSum(alo, -blo);
  setChecked(down(alo - bhi), up(ahi - blo));
}

/** −[lo, hi], exactly. */
export function neg(lo: number, hi: number): void {
  set(-hi, -lo);
}

/** |[lo, hi]|, exactly. */
export function abs(lo: number, hi: number): void {
  if (lo !== lo) return set(NaN, NaN);
  if (lo === hi) return set(Math.abs(lo), Math.abs(lo));
  if (lo >= 0) return set(lo, hi);
  if (hi <= 0) return set(-hi, -lo);
  set(0, Math.max(-lo, hi));
}

/** [alo, ahi] · [blo, bhi]: by the signs of the ends, or the four products' extremes. */
export function mul(alo: number, ahi: number, blo: number, bhi: number): void {
  if (alo !== alo || blo !== blo) return set(NaN, NaN);
  const pa = alo === ahi;
  const pb = blo === bhi;
  if (pa && pb) return setPointProduct(alo, blo);
  if (pa || pb) {
    const x = pa ? alo : blo;
    const ilo = pa ? blo : alo;
    const ihi = pa ? bhi : ahi;
    if (x === 0 && finite(ilo) && finite(ihi)) {
      // An exact zero, signed as IEEE signs the product of x and any value of the interval (when it tells one).
      if (ilo > 0) return set(x, x);
      if (ihi < 0) return set(-x, -x);
      throw FLOAT64_UNDECIDED;
    }
    return x >= 0 ? setChecked(down(ilo * x), up(ihi * x)) : setChecked(down(ihi * x), up(ilo * x));
  }
  if (alo >= 0 && blo >= 0) return setChecked(down(alo * blo), up(ahi * bhi));
  const p1 = alo * blo;
  const p2 = alo * bhi;
  const p3 = ahi * blo;
  const p4 = ahi * bhi;
  setChecked(down(Math.min(p1, p2, p3, p4)), up(Math.max(p1, p2, p3, p4)));
}

/** [alo, ahi] · [blo, bhi] for nonnegative operands: two end products, the lower clamped at 0. */
export function mulNonnegative(alo: number, ahi: number, blo: number, bhi: number): void {
  if (alo !== alo || blo !== blo) return set(NaN, NaN);
  if (alo === ahi && blo === bhi) return setPointProduct(alo, blo);
  const lo = down(alo * blo);
  setChecked(lo < 0 ? 0 : lo, up(ahi * bhi));
}

/** [lo, hi]², never below 0. */
export function square(lo: number, hi: number): void {
  if (lo !== lo) return set(NaN, NaN);
  if (lo === hi) return setPointProduct(lo, lo);
  // The least and greatest |x| on [lo, hi]: lo, −hi or 0 (whichever end is nearest 0, or 0 inside); −lo or hi.
  const mlo = Math.max(lo, -hi, 0);
  const mhi = Math.max(-lo, hi);
  const l = down(mlo * mlo);
  setChecked(l < 0 ? 0 : l, up(mhi * mhi));
}

/** [alo, ahi] / [blo, bhi], with IEEE semantics for an exactly zero divisor. */
export function div(alo: number, ahi: number, blo: number, bhi: number): void {
  if (alo !== alo || blo !== blo) return set(NaN, NaN);
  const pa = alo === ahi;
  if (blo === bhi && blo === 0) {
    if (pa) return set(alo / blo, alo / blo);
    if (alo > 0) return set(1 / blo, 1 / blo);
    if (ahi < 0) return set(-1 / blo, -1 / blo);
    throw FLOAT64_UNDECIDED;
  }
  if (blo <= 0 && bhi >= 0) throw FLOAT64_UNDECIDED;
  if (pa && alo === 0 && finite(blo) && finite(bhi)) {
    const q = alo / blo;
    return set(q, q);
  }
  if (pa && blo === bhi) {
    const x = alo;
    const y = blo;
    const q = x / y;
    if (finite(q)) {
      // A finite dividend of an infinite divisor (a zero one returned above): IEEE's ±0 is the exact quotient.
      if (!finite(y)) return set(q, q);
      const p = q * y;
      if (p === x && productError(q, y, p) === 0) return set(q, q);
      return set(down(q), up(q));
    }
    // An infinite dividend gives IEEE's exact ±∞ or NaN (∞ / ∞); finite operands overflowed.
    if (!finite(x)) return set(q, q);
    return setOverflowed(q);
  }
  const q1 = alo / blo;
  const q2 = alo / bhi;
  const q3 = ahi / blo;
  const q4 = ahi / bhi;
  setChecked(down(Math.min(q1, q2, q3, q4)), up(Math.max(q1, q2, q3, q4)));
}

/** √[lo, hi], with √(−0) = −0 and NaN for a negative argument. */
export function sqrt(lo: number, hi: number): void {
  if (lo !== lo) return set(NaN, NaN);
  if (hi < 0) return set(NaN, NaN);
  if (lo === hi) {
    const r = Math.sqrt(lo);
    if (lo === 0 || !finite(lo)) return set(r, r);
    const p = r * r;
    if (p === lo && productError(r, r, p) === 0) return set(r, r);
    return set(down(r), up(r));
  }
  // For lo < 0 ≤ hi, √lo and so l are NaN, and setChecked throws FLOAT64_UNDECIDED.
  const l = down(Math.sqrt(lo));
  setChecked(l < 0 ? 0 : l, up(Math.sqrt(hi)));
}

/** max([alo, ahi], [blo, bhi]), NaN if either is NaN; max(−0, +0) = +0, as decimal.js's Decimal.max. */
export function max(alo: number, ahi: number, blo: number, bhi: number): void {
  if (alo !== alo || blo !== blo) return set(NaN, NaN);
  if (alo === ahi && blo === bhi) {
    if (alo !== blo) return alo < blo ? set(blo, bhi) : set(alo, ahi);
    // decimal.js's max of equal zeros is −0 only when both are −0.
    return alo === 0 && !Object.is(alo, blo) ? set(0, 0) : set(alo, ahi);
  }
  const lo = Math.max(alo, blo);
  const hi = Math.max(ahi, bhi);
  if (lo === hi && lo === 0) throw FLOAT64_UNDECIDED;
  set(lo, hi);
}
