/**
 * Where the central crops start, decided exactly.
 *
 * TensorFlow's tf.image.central_crop computes `int((H − H f) / 2)` on Python floats
 * (tensorflow/python/ops/image_ops_impl.py): f is the binary64 nearest the fraction, each of ×, −, /
 * rounds to nearest binary64, and int() truncates. The oracle evaluates that expression on exact
 * decimals, rounding each operation to binary64 itself ({@link roundToDouble}), so the offset it
 * returns is the one TensorFlow's arithmetic gives, decided without trusting any float operation.
 * It differs from the offset of the decimal fraction, floor(H (1 − f) / 2): for H = 50, f = 0.56
 * TensorFlow starts at 10 (size 30), the decimal at 11 (size 28).
 *
 * torchvision's center_crop computes `int(round((H − h) / 2.0))`: Python's round takes ties to
 * even, so an odd margin puts its extra pixel after the crop when (H − h − 1)/2 is even and before it
 * when odd; a crop larger than the image starts at −((h − H) // 2), the zero padding before it.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { exactOfDouble } from '../float64-decimal.js';
import { nextDown, nextUp } from '../float64-rounding.js';

const Exact = Decimal.clone({ precision: 2000, rounding: Decimal.ROUND_HALF_EVEN });

/** Whether the double `x` has an even significand (its last bit 0), for ties. */
function evenSignificand(x: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return (view.getUint32(4) & 1) === 0;
}

/**
 * The binary64 nearest the exact value `d` (ties to even), for finite d within the double range:
 * the candidate read from d's 17 leading digits, moved to a neighbour when d lies beyond the
 * midpoint between them (or on it, towards an even significand). ECMAScript rounds decimal text
 * correctly only up to 20 significant digits (StringToNumber), so the candidate is the double nearest
 * a value within 5 · 10^−17 of |d| relative, less than one unit in the last place from d's nearest
 * double: one neighbour on either side suffices. The midpoint of two doubles is exact in 2,000
 * digits, and decimal.js compares without rounding, so d may have any number of digits (the
 * ladder's enclosures have up to 2,560; a difference taken at 2,000 digits would make a near-tie a
 * tie).
 */
export function roundToDouble(d: Decimal): number {
  let best = Number(d.toSignificantDigits(17, Decimal.ROUND_HALF_EVEN).toString());
  if (!Number.isFinite(best)) throw new RangeError(`${d.toString()} is beyond the binary64 range`);
  for (const neighbour of [nextDown(best), nextUp(best)]) {
    const side = d.cmp(exact(best).plus(exact(neighbour)).div(2));
    const towards = neighbour < best ? -1 : 1;
    if (side === towards || (side === 0 && evenSignificand(neighbour) && !evenSignificand(best))) best = neighbour;
  }
  return best;
}

/** The exact value of the double `x`, in the oracle's working precision. */
const exact = (x: number): Decimal => new Exact(exactOfDouble(x));

/**
 * TensorFlow's start of a central crop of a side of `size` keeping `fraction` (decimal text in
 * (0, 1]): trunc(fl(fl(size − fl(size · fl(f))) / 2)), each fl the binary64 rounding, decided exactly.
 * The kept length is size − 2 start; f = 1 keeps the whole side (start 0).
 */
export function tensorflowCentralStart(size: number, fraction: string): number {
  const f = roundToDouble(new Exact(fraction));
  const product = roundToDouble(exact(size).times(exact(f)));
  const difference = roundToDouble(exact(size).minus(exact(product)));
  const half = roundToDouble(exact(difference).div(2));
  return Number(exact(half).floor().toString());
}

/** The start of the window the decimal fraction asks for: floor(size (1 − f) / 2), exactly. */
export function decimalCentralStart(size: number, fraction: string): number {
  return Number(new Exact(size).times(new Exact(1).minus(fraction)).div(2).floor().toString());
}

/**
 * torchvision's start of a centred window of `length` on a side of `size`: round((size − length)/2)
 * with ties to even when length ≤ size, else −floor((length − size)/2) (the zeros padded before).
 */
export function torchvisionCentralStart(size: number, length: number): number {
  const margin = size - length;
  if (margin < 0) return -Math.floor(-margin / 2);
  const half = Math.floor(margin / 2);
  return margin % 2 === 0 || half % 2 === 0 ? half : half + 1;
}
