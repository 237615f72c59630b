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

/** The signs of ρ_t − 5 and ρ_t − 4 at one t. */
interface Signs {
  readonly five: number;
  readonly four: number;
}

/** The sums of {@link thresholdSigns} for one β2, as far as they have been asked for. */
interface SignTable {
  readonly p: bigint;
  readonly q: bigint;
  power: bigint;
  five: bigint;
  four: bigint;
  readonly signs: Signs[];
}

/** Tables by β2's text: the claims ask for the same few β2 at many t (each sum is O(t) products). */
const tables = new Map<string, SignTable>();
const MAX_TABLES = 256;

const sign = (x: bigint): number => (x > 0n ? 1 : x < 0n ? -1 : 0);

/** The signs at t = 1, ..., at least `last`, extending β2's table. */
function signsThrough(beta2: string, last: number): readonly Signs[] {
  let table = tables.get(beta2);
  if (table === undefined) {
    if (tables.size >= MAX_TABLES) tables.clear();
    const [p, q] = fraction(beta2);
    table = { p, q, power: 1n, five: 0n, four: 0n, signs: [] };
    tables.set(beta2, table);
  }
  while (table.signs.length < last) {
    const j = BigInt(table.signs.length);
    table.five = table.five * table.q + (j - 2n) * table.power;
    table.four = table.four * table.q + (2n * j - 3n) * table.power;
    table.power *= table.p;
    table.signs.push({ five: sign(table.five), four: sign(table.four) });
  }
  return table.signs;
}

/**
 * The signs of q^(t−1) Σ_{j<t} (j − 2) β^j (that of ρ_t − 5) and q^(t−1) Σ_{j<t} (2j − 3) β^j
 * (that of ρ_t − 4), for t = 1, 2, ..., `last`, computed exactly in integers.
 */
export function* thresholdSigns(beta2: string, last: number): Generator<{ t: number; five: number; four: number }> {
  for (let t = 1; t <= last; t++) {
    const s = signsThrough(beta2, t)[t - 1] as Signs;
    yield { t, ...s };
  }
}

/** Whether step t is rectified under `threshold`, decided exactly. */
export function rectified(threshold: Threshold, beta2: string, t: number): boolean {
  const last = t < 1 ? { five: -1, four: -1 } : (signsThrough(beta2, t)[t - 1] as Signs);
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
