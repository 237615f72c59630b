/**
 * The penalties' staged certification (oracle/regularizers/penalties.ts through certifyStaged) against
 * their decimal ladder alone (spec/deep/formula-stages.ts): on the weight vectors the agreement
 * property draws, under every preset, the same bits and marks; exact zeros keep their sign; and the
 * comparison finds the errors of a deliberately too-narrow binary64 multiplication.
 */
import { describe, expect, it } from 'vitest';
import { configure } from '../../../core/catalogue/index.js';
import { l1 } from '../../../core/catalogue/regularizers/penalties.js';
import { Float64Enclosures, type F64 } from '../../../oracle/float64.js';
import { l1Exact, penaltyOracle } from '../../../oracle/regularizers/penalties.js';
import { withCertifyStages, withFastArithmetic } from '../../../oracle/staged.js';
import {
  fastCases,
  outputDifferences,
  penaltySubjects,
  stageAgreementSpec,
  stageDisagreements,
  STAGES_SEED,
} from '../../deep/formula-stages.js';

const num = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));

stageAgreementSpec(
  'spec/oracle/regularizers/penalty-stages.spec.ts',
  'the penalties’ stages agree with their decimal ladder',
  penaltySubjects,
);

describe('the penalties’ stages on named cases', () => {
  it('exact zeros keep their sign: the soft threshold at τ = αλ = 0.25 (a binary64) and inside τ = 0.01 (not one)', () => {
    // S_τ(w) = sign(w) max(|w| − τ, 0): 0 at |w| = τ and at fl32(0.01) < 0.01, −0 for the negative weight.
    for (const [lr, lambda, w] of [
      ['0.5', '0.5', 0.25],
      ['0.1', '0.1', Math.fround(0.01)],
    ] as const) {
      const config = configure(l1, 'paper', { lr, lambda });
      const weights = Float32Array.of(w, -w, 0, -0);
      const staged = penaltyOracle(l1Exact, config, weights);
      const decimal = withCertifyStages('decimal', () => penaltyOracle(l1Exact, config, weights));
      expect(Array.from(staged.prox!, num)).toEqual(['0', '-0', '0', '0']);
      expect(outputDifferences(staged, decimal)).toEqual([]);
    }
  });
});

/**
 * Float64Enclosures with each inexact product replaced by one point 2^−26 (relative) below its lower
 * end: no longer an enclosure, and claimed exact. (Shrinking to the midpoint, as the rules' spec does,
 * is seldom wrong here: a penalty's products are one operation deep, and the double nearest them
 * rounds to the right float32 unless they lie within 2^−29 of a rounding boundary.)
 */
class TooNarrow extends Float64Enclosures {
  override mul(a: F64, b: F64): F64 {
    const r = super.mul(a, b);
    if (r.lo === r.hi) return r;
    const low = r.lo - Math.abs(r.lo) * 2 ** -26;
    return { lo: low, hi: low };
  }
}

describe('the comparison fails when the binary64 stage is wrong', () => {
  it('finds disagreements when a too-narrow multiplication is injected, and names the case', () => {
    const l2 = penaltySubjects.find((s) => s.name === 'l2/keras')!;
    const { found } = withFastArithmetic(new TooNarrow(), () => stageDisagreements(l2, fastCases(), STAGES_SEED));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/≠ .* \(l2\/keras \{.*\} w = \[.*\]\)$/);
  });
});
