/**
 * Statistical claims with a stated false-failure probability: a seeded generator (so that runs are
 * deterministic) and Hoeffding's inequality for the mean of N independent samples in a range of width
 * R (Hoeffding 1963, Theorem 2): P(|mean − E| ≥ δ) ≤ 2 exp(−2 N δ² / R²).
 *
 * @module
 */

/** The false-failure probability every statistical claim is held to. */
export const FALSE_FAILURE = 1e-9;

/** A seeded xorshift32 generator (Marsaglia 2003) of floats in [0, 1), on a 2^−32 grid. */
export function uniform(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

/** Hoeffding's half-width δ = R √(ln(2/p) / (2N)) for the mean of N samples of range R. */
export function hoeffdingHalfWidth(range: number, n: number, p: number = FALSE_FAILURE): number {
  return range * Math.sqrt(Math.log(2 / p) / (2 * n));
}

/** A sample mean tested against its expectation. */
export interface MeanTest {
  readonly ok: boolean;
  readonly mean: number;
  readonly expected: number;
  readonly halfWidth: number;
}

/** Whether the mean of `xs` (each in a range of width `range`) is within Hoeffding's half-width of `expected`. */
export function meanConsistent(
  xs: ArrayLike<number>,
  expected: number,
  range: number,
  p: number = FALSE_FAILURE,
): MeanTest {
  let sum = 0;
  for (const x of Array.from(xs)) sum += x;
  const mean = sum / xs.length;
  const halfWidth = hoeffdingHalfWidth(range, xs.length, p);
  return { ok: Math.abs(mean - expected) <= halfWidth, mean, expected, halfWidth };
}

/** `mean 0.123 against 0.125 ± 0.004` for reports. */
export function describeMean(test: MeanTest): string {
  return `mean ${test.mean.toPrecision(5)} against ${test.expected.toPrecision(5)} ± ${test.halfWidth.toPrecision(2)}`;
}
