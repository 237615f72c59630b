/**
 * What the oracle's closed-form specs share: decimal.js at 1,000 digits for the closed forms written
 * again in the specs, and float32 outputs as text that tells −0 from 0.
 */
import { Decimal } from 'decimal.js';
import { exactText } from '../../oracle/binary32.js';

/**
 * decimal.js at 1,000 digits: a float32 has at most 105 significant decimal digits and spans at most
 * 83 decimal orders, so sums and products of the few float32 values and short decimals the specs
 * combine are exact; quotients and square roots are within 10^−999 relative.
 */
export const D = Decimal.clone({ precision: 1000 });
/** A value of {@link D}. */
export type D = InstanceType<typeof D>;

/** The exact value of a float32 as a {@link D}. */
export const exactD = (x: number): D => new D(exactText(x));

/** Each float32 as text, −0 told from 0. */
export const bits = (xs: ArrayLike<number>): string[] => Array.from(xs, (x) => (Object.is(x, -0) ? '-0' : String(x)));

/** Probabilities p ∈ (0, 1] as written, for keep probabilities. */
export const PROBABILITIES = ['1', '0.5', '0.9', '0.1', '0.999', '0.3'] as const;
