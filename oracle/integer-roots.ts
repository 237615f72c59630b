/**
 * Integer helpers of the rational stage (./rational.ts): bit lengths, and exact square roots of
 * BigInts, which decide whether √(p/q) is rational (p q a square) or stays a surd.
 *
 * @module
 */

/** The bit length of |x| (for the exponent estimate of a rounding), from its hexadecimal digits. */
export function bits(x: bigint): number {
  if (x === 0n) return 0;
  const hex = (x < 0n ? -x : x).toString(16);
  return (hex.length - 1) * 4 + 32 - Math.clz32(parseInt(hex.charAt(0), 16));
}

/**
 * √x when x ≥ 0 is a square, else undefined: the power of two comes out first (x = 4^k y, an odd
 * power of two is no square); then y's residues mod 64, 63, 65 and 11 (Cohen's filter), which reject
 * most non-squares; then an exact root.
 */
export function squareRoot(x: bigint): bigint | undefined {
  if (x === 0n) return 0n;
  const zeros = bits(x & -x) - 1;
  if (zeros % 2 === 1) return undefined;
  const root = oddSquareRoot(x >> BigInt(zeros));
  return root === undefined ? undefined : root << BigInt(zeros / 2);
}

/** √y for y with no factor 4, when y is a square. */
function oddSquareRoot(x: bigint): bigint | undefined {
  const r64 = Number(x & 63n);
  if (((0x202021202030213n >> BigInt(r64)) & 1n) === 0n) return undefined;
  const m = Number(x % 45045n); // 63 · 65 · 11
  if (!SQUARES_63[m % 63] || !SQUARES_65[m % 65] || !SQUARES_11[m % 11]) return undefined;
  const root = isqrt(x);
  return root * root === x ? root : undefined;
}

const squaresMod = (k: number): boolean[] => {
  const s = Array<boolean>(k).fill(false);
  for (let i = 0; i < k; i++) s[(i * i) % k] = true;
  return s;
};
const SQUARES_63 = squaresMod(63);
const SQUARES_65 = squaresMod(65);
const SQUARES_11 = squaresMod(11);

/** ⌊√n⌋ by Newton's iteration from above (from the double estimate, or 2^⌈bits/2⌉ past the double range). */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  const estimate = Math.sqrt(Number(n));
  let x = Number.isFinite(estimate) ? BigInt(Math.floor(estimate)) : 1n << BigInt(Math.ceil(bits(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x && x * x <= n && (x + 1n) * (x + 1n) > n) return x;
    x = y;
  }
}
