/**
 * What the RAdam claims share (Liu et al. 2019, arXiv:1908.03265, Algorithm 2), computed here from
 * the paper's formulas and not by the oracle:
 *
 *   ρ∞ = 2/(1 − β2) − 1,   ρ_t = ρ∞ − 2 t β2^t / (1 − β2^t),
 *   r_t = √((ρ_t − 4)(ρ_t − 2) ρ∞ / ((ρ∞ − 4)(ρ∞ − 2) ρ_t)),
 *
 * and the rectification test on ρ_t decided exactly, in integers: with S_t = Σ_{j<t} β^j and
 * A_t = Σ_{j<t} (j + 1) β^j, 1 − β^t = (1 − β) S_t and 2 S_t − 2 t β^t = 2 (1 − β) A_t, so
 * ρ_t = 2 A_t / S_t − 1. Hence ρ_t > 5 ⟺ Σ_{j<t} (j − 2) β^j > 0 and ρ_t > 4 ⟺ Σ_{j<t} (2j − 3) β^j > 0,
 * whose signs, for β = p/q, are those of the integers Σ_j a_j p^j q^(t−1−j).
 *
 * @module
 */
import { Decimal } from 'decimal.js';

/** Where the claims are stated. */
export const SOURCE = 'Liu et al. 2019, arXiv:1908.03265, Algorithm 2';
/** Decimal at 120 significant digits. */
export const D = Decimal.clone({ precision: 120 });

/** The rectification tests of the presets (the catalogue's flag `threshold`). */
export type Threshold = '>4' | '>5' | '>=5';

/** β as p/q in lowest terms, from its exact decimal text. */
export function fraction(decimalText: string): readonly [bigint, bigint] {
  const [p, q] = new Decimal(decimalText).toFraction();
  if (p === undefined || q === undefined) throw new Error(`no fraction for ${decimalText}`);
  return [BigInt(p.toFixed()), BigInt(q.toFixed())];
}

/**
 * The signs of q^(t−1) Σ_{j<t} (j − 2) β^j (that of ρ_t − 5) and q^(t−1) Σ_{j<t} (2j − 3) β^j
 * (that of ρ_t − 4), for t = 1, 2, ..., `last`, computed exactly in integers.
 */
export function* thresholdSigns(beta2: string, last: number): Generator<{ t: number; five: number; four: number }> {
  const [p, q] = fraction(beta2);
  let power = 1n;
  let five = 0n;
  let four = 0n;
  for (let t = 1; t <= last; t++) {
    const j = BigInt(t - 1);
    five = five * q + (j - 2n) * power;
    four = four * q + (2n * j - 3n) * power;
    power *= p;
    yield { t, five: five > 0n ? 1 : five < 0n ? -1 : 0, four: four > 0n ? 1 : four < 0n ? -1 : 0 };
  }
}

/** Whether step t is rectified under `threshold`, decided exactly. */
export function rectified(threshold: Threshold, beta2: string, t: number): boolean {
  let last = { five: -1, four: -1 };
  for (const s of thresholdSigns(beta2, t)) last = s;
  if (threshold === '>4') return last.four > 0;
  return threshold === '>5' ? last.five > 0 : last.five >= 0;
}

/** The first t ≤ `limit` at which ρ_t > 4 and at which ρ_t > 5 (undefined when none). */
export function firstRectified(beta2: string, limit: number): { four?: number; five?: number } {
  let four: number | undefined;
  let five: number | undefined;
  for (const s of thresholdSigns(beta2, limit)) {
    if (four === undefined && s.four > 0) four = s.t;
    if (five === undefined && s.five > 0) five = s.t;
    if (four !== undefined && five !== undefined) break;
  }
  return { ...(four === undefined ? {} : { four }), ...(five === undefined ? {} : { five }) };
}

/** ρ∞ = 2/(1 − β2) − 1 and ρ_t = ρ∞ − 2 t β2^t / (1 − β2^t), at 120 digits. */
export function rhos(beta2: string, t: number): { rhoInf: Decimal; rho: Decimal } {
  const b = new D(beta2);
  const rhoInf = new D(2).div(new D(1).minus(b)).minus(1);
  const power = b.pow(t);
  return { rhoInf, rho: rhoInf.minus(new D(2 * t).times(power).div(new D(1).minus(power))) };
}

/** The paper's rectifier r_t at 120 digits (for a rectified t: ρ_t > 4). */
export function rectifier(beta2: string, t: number): Decimal {
  const { rhoInf, rho } = rhos(beta2, t);
  const numerator = rho.minus(4).times(rho.minus(2)).times(rhoInf);
  return numerator.div(rhoInf.minus(4).times(rhoInf.minus(2)).times(rho)).sqrt();
}
