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
 * `squares` holds a^(2^i) at index i (a at 0) and is extended as far as n needs: a caller that keeps it
 * for one base pays the ⌊log₂ n⌋ squarings once, and each later power only its set bits' products.
 * The products are the same, in the same order, with or without it.
 */
export function powerBySquaring<E>(one: E, a: E, n: number, mul: (x: E, y: E) => E, squares: E[] = [a]): E {
  let result = one;
  for (let i = 0, k = n; k > 0; i++, k = Math.floor(k / 2)) {
    if (i === squares.length) {
      // squares holds a at least, so i ≥ 1 here and a^(2^(i−1)) is its last entry.
      const previous = squares[i - 1] as E;
      squares.push(mul(previous, previous));
    }
    const square = squares[i] as E;
    if (k % 2 === 1) result = mul(result, square);
  }
  return result;
}

/**
 * The squarings a^(2^i) of a few bases (β1, β2, Nadam's 0.96), kept per arithmetic so that β^t at each
 * step of a trajectory costs its set bits' products, not ⌊log₂ t⌋ squarings more (at 2,560 digits and
 * t near 10^6, 75 ms a power without them). Past `capacity` bases it starts afresh.
 */
export class SquareChains<E> {
  private readonly chains = new Map<string, E[]>();

  constructor(private readonly capacity = 64) {}

  /** The squarings of `a` (whose identity `key` spells), for {@link powerBySquaring} to extend. */
  of(key: string, a: E): E[] {
    let squares = this.chains.get(key);
    if (squares === undefined) {
      if (this.chains.size >= this.capacity) this.chains.clear();
      squares = [a];
      this.chains.set(key, squares);
    }
    return squares;
  }
}
