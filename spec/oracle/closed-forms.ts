/**
 * What the oracle's closed-form specs share: decimal.js at 1,000 digits for the closed forms written
 * again in the specs, and float32 outputs as text that tells −0 from 0.
 */
import { Decimal } from 'decimal.js';
import { exactText } from '../../oracle/binary32.js';
import { configure, PRESET_NAMES, type CatalogueEntry, type Configuration } from '../../core/catalogue/index.js';

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

/** decimal.js at 130 digits, for the closed forms' square roots, powers and cosines (at 1,000 they cost seconds a case). */
const D130 = Decimal.clone({ precision: 130 });
/** √x within 10^−129 relative. */
export const root = (x: D): D => new D(D130.sqrt(x));
/** x^y within 10^−129 relative (0 for x = 0). */
export const pow = (x: D, y: D | string): D => (x.isZero() ? new D(0) : new D(D130.pow(x, y)));
const PI = D130.acos(-1);
/** c(x) = (1 + cos(π x))/2 within 10^−128. */
export const cosineFactor = (x: D): D => new D(D130.cos(PI.times(x)).plus(1).div(2));
/** How far from exact a closed form with those roots, powers or cosines may be: 10^−125 of its magnitude. */
export const APPROXIMATE = '1e-125';

/**
 * lo ≤ d ≤ hi, each end widened by `slack` times |d| (a closed form's own rounding), computed in
 * {@link D}: arithmetic on the oracle's own decimals would round at their precision.
 */
export function holds(i: { readonly lo: Decimal; readonly hi: Decimal }, d: D, slack: string = '0'): boolean {
  const s = d.abs().times(slack);
  return new D(i.lo).minus(s).lte(d) && d.lte(new D(i.hi).plus(s));
}

/** Each oracle with its catalogue entry, as a case per preset the entry has: `[name (preset), oracle, configuration]`. */
export function presetCases<O>(
  pairs: readonly (readonly [O, CatalogueEntry])[],
): (readonly [string, O, Configuration])[] {
  return pairs.flatMap(([oracle, entry]) =>
    PRESET_NAMES.filter((p) => entry.presets[p] !== undefined).map(
      (preset) => [`${entry.name} (${preset})`, oracle, configure(entry, preset)] as const,
    ),
  );
}
