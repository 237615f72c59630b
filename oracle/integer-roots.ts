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
 * The bit length of |x|: from Math.clz32 below 2^53; below 2^1024 from the exponent of the double
 * nearest to x (2^(e−1) ≤ that double < 2^e, and rounding to nearest may have carried x up to 2^e,
 * which one shift tells); beyond, from its hexadecimal digits.
 */
export function bits(x: bigint): number {
  const a = x < 0n ? -x : x;
  const n = Number(a);
  if (n < TWO_TO_32) return 32 - Math.clz32(n);
  if (n < 9007199254740992) return 64 - Math.clz32(Math.floor(n / TWO_TO_32));
  if (n !== Infinity) {
    f64[0] = n;
    const e = (((u32[1] as number) >>> 20) & 0x7ff) - 1022;
    return a >> BigInt(e - 1) === 0n ? e - 1 : e;
  }
  const hex = a.toString(16);
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
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  const estimate = Math.sqrt(Number(n));
  let x = Number.isFinite(estimate) ? BigInt(Math.floor(estimate)) : 1n << BigInt(Math.ceil(bits(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x && x * x <= n && (x + 1n) * (x + 1n) > n) return x;
    x = y;
  }
}
