/**
 * Integer powers by binary powering (square-and-multiply, Knuth TAOCP vol. 2 §4.6.3), written once
 * for every enclosure type: a^n = ∏ a^(2^i) over the set bits i of n, ⌊log₂ n⌋ squarings and at most
 * as many further products, each an enclosing multiplication, so the result encloses a^n.
 *
 * @module
 */

/** Throws a RangeError unless n is an integer exponent in [0, 2^53), the domain of every `powInt`. */
export function requireExponent(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`powInt needs an integer exponent ≥ 0, got ${n}`);
}

/**
 * a^n for an integer n ≥ 0 by binary powering from `one`, with `mul` the arithmetic's enclosing
 * product (for a ≥ 0 the caller passes its nonnegative product, two end products instead of four).
 */
export function powerBySquaring<E>(one: E, a: E, n: number, mul: (x: E, y: E) => E): E {
  let result = one;
  let base = a;
  for (let k = n; k > 0; k = Math.floor(k / 2)) {
    if (k % 2 === 1) result = mul(result, base);
    if (k > 1) base = mul(base, base);
  }
  return result;
}
