/**
 * Integer helpers of the rational stage (./rational.ts): bit lengths, and exact square roots of
 * BigInts, which decide whether √(p/q) is rational (p q a square) or stays a surd.
 *
 * @module
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const TWO_TO_32 = 4294967296;

/**
 * The bit length of |x|: from Math.clz32 below 2^32; below 2^1024 from the exponent of the double
 * nearest to x (2^(e−1) ≤ that double < 2^e, and rounding to nearest may have carried x up to 2^e,
 * which one shift tells); beyond, from its hexadecimal digits (one conversion, where halving it by
 * 2^1024 at a time would copy a number of millions of bits thousands of times).
 */
export function bits(x: bigint): number {
  const a = x < 0n ? -x : x;
  const n = Number(a);
  if (n < TWO_TO_32) return 32 - Math.clz32(n);
  if (n === Infinity) {
    const hex = a.toString(16);
    return (hex.length - 1) * 4 + 32 - Math.clz32(parseInt(hex.charAt(0), 16));
  }
  f64[0] = n;
  const e = (((u32[1] as number) >>> 20) & 0x7ff) - 1022;
  return a >> BigInt(e - 1) === 0n ? e - 1 : e;
}

/**
 * √x when x ≥ 0 is a square, else undefined: the power of two comes out first (x = 4^k y, an odd
 * power of two is no square); then the odd y's residue mod 64 (an odd square is 1 mod 8: 8 of the 32
 * odd residues), which rejects three odd non-squares in four with one mask; then an exact root.
 */
export function squareRoot(x: bigint): bigint | undefined {
  if (x === 0n) return 0n;
  const zeros = bits(x & -x) - 1;
  if (zeros % 2 === 1) return undefined;
  const y = x >> BigInt(zeros);
  if (((SQUARES_MOD_64 >> (y & 63n)) & 1n) === 0n) return undefined;
  const root = isqrt(y);
  return root * root === y ? root << BigInt(zeros / 2) : undefined;
}

/** Bit i set when i is a square mod 64 (i = k² mod 64 for some k). */
const SQUARES_MOD_64 = 0x202021202030213n;

/**
 * ⌊√n⌋ by Newton's iteration (from the double estimate, or 2^⌈bits/2⌉ past the double range): from
 * an x above the root it decreases to it, and from one below it jumps above at the first step; the
 * root is the x with x² ≤ n < (x + 1)².
 */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  const estimate = Math.sqrt(Number(n));
  let x = Number.isFinite(estimate) ? BigInt(Math.floor(estimate)) : 1n << BigInt(Math.ceil(bits(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (x * x <= n && (x + 1n) * (x + 1n) > n) return x;
    x = y;
  }
}
