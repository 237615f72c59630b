/**
 * The penalties' staged certification (oracle/regularizers/penalties.ts through certifyStaged) against
 * their decimal ladder alone: on the weight vectors the agreement property draws, under every preset,
 * the same bits (the sign of every zero included) and the same uncertified marks; the binary64 stage
 * decides most outputs (a comparison in which it decided nothing would check nothing); and the
 * comparison finds the errors of a deliberately too-narrow binary64 multiplication.
 */
import { describe, expect, it } from 'vitest';
import { configure, PRESET_NAMES } from '../../../core/catalogue/index.js';
import { l1 } from '../../../core/catalogue/regularizers/penalties.js';
import { Float64Enclosures, type F64 } from '../../../oracle/float64.js';
import { penaltyOracle } from '../../../oracle/regularizers/penalties.js';
import {
  certifyStatistics,
  resetCertifyStatistics,
  withCertifyStages,
  withFastArithmetic,
} from '../../../oracle/staged.js';
import { penaltyRecords } from '../../../src/registry/regularizers.js';
import { penaltyDifferences, penaltyDisagreements } from '../../deep/penalty-stages.js';

/**
 * Weights per penalty and preset: $OPTIM_ORACLE_FAST_CASES (as spec/oracle/fast-stage.spec.ts takes
 * it per rule and preset), else 500; the decimal side costs about 50 µs a weight.
 */
const WEIGHTS = Number(process.env['OPTIM_ORACLE_FAST_CASES'] ?? 500);
if (!Number.isSafeInteger(WEIGHTS) || WEIGHTS < 1)
  throw new Error(`OPTIM_ORACLE_FAST_CASES must be an integer ≥ 1, got ${process.env['OPTIM_ORACLE_FAST_CASES']}`);
const SEED = 20171213;

const num = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));
const l1Record = penaltyRecords.find((r) => r.entry.name === 'l1')!;

const pairs = penaltyRecords.flatMap((record) =>
  PRESET_NAMES.filter((p) => record.entry.presets[p] !== undefined).map(
    (preset) => [`${record.entry.name}/${preset}`, record, preset] as const,
  ),
);

describe('the penalties’ stages agree with their decimal ladder', () => {
  it.each(pairs)(
    '%s: penalty, gradient and proximal step equal bit for bit, with the same marks',
    (_, record, preset) => {
      resetCertifyStatistics();
      const { found, compared } = penaltyDisagreements(record, preset, WEIGHTS, SEED);
      expect(found).toEqual([]);
      expect(compared).toBeGreaterThanOrEqual(WEIGHTS);
      // A comparison in which the binary64 stage decided nothing would check nothing.
      expect(certifyStatistics()[record.entry.name]?.fast ?? 0).toBeGreaterThan(WEIGHTS / 2);
    },
  );

  it('exact zeros keep their sign: the soft threshold at τ = αλ = 0.25 (a binary64) and inside τ = 0.01 (not one)', () => {
    // S_τ(w) = sign(w) max(|w| − τ, 0): 0 at |w| = τ and at fl32(0.01) < 0.01, −0 for the negative weight.
    for (const [lr, lambda, w] of [
      ['0.5', '0.5', 0.25],
      ['0.1', '0.1', Math.fround(0.01)],
    ] as const) {
      const config = configure(l1, 'paper', { lr, lambda });
      const weights = Float32Array.of(w, -w, 0, -0);
      const staged = penaltyOracle(l1Record.oracle, config, weights);
      const decimal = withCertifyStages('decimal', () => penaltyOracle(l1Record.oracle, config, weights));
      expect(Array.from(staged.prox!, num)).toEqual(['0', '-0', '0', '0']);
      expect(penaltyDifferences(staged, decimal)).toEqual([]);
    }
  });
});

/** Float64Enclosures with each product shrunk to the point nearest its exact value: no longer an enclosure. */
class TooNarrow extends Float64Enclosures {
  override mul(a: F64, b: F64): F64 {
    const r = super.mul(a, b);
    const mid = r.lo / 2 + r.hi / 2;
    return { lo: mid, hi: mid };
  }
}

describe('the comparison fails when the binary64 stage is wrong', () => {
  it('finds disagreements when a too-narrow multiplication is injected', () => {
    const l2 = penaltyRecords.find((r) => r.entry.name === 'l2')!;
    const { found } = withFastArithmetic(new TooNarrow(), () => penaltyDisagreements(l2, 'keras', WEIGHTS, SEED));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/≠ .* \(l2\/keras \{.*\} w = \[.*\]\)$/);
  });
});
