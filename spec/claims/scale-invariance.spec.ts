/**
 * Scale invariance (src/claims/scale-invariance.ts), and the power of its checks: the wrong degree of
 * homogeneity is refuted, both exactly and bitwise.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { configure } from '../../core/catalogue/index.js';
import * as entries from '../../core/catalogue/entries.js';
import { only } from '../../src/claims/one-step.js';
import { DEGREE_ONE, SCALE_INVARIANT, scaleInvarianceClaims } from '../../src/claims/scale-invariance.js';
import { bitwiseClaim, exactClaim } from '../../src/claims/scale-invariance/homogeneity.js';
import { elementwiseOracleOf } from '../../src/registry/index.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { claimTests } from './verdicts.js';

claimTests(scaleInvarianceClaims);

describe('power: the wrong degree is refuted', () => {
  it('the adaptive rules are not homogeneous of degree 1 (exact)', () => {
    expect(exactClaim(SCALE_INVARIANT, 1, { seed: 1, backend: 'none', runs: 50 }).verdict).toBe('refuted');
  });
  it('SGD and momentum are not invariant (bitwise, degree 0)', async () => {
    const backend = await useBackend();
    expect(bitwiseClaim(DEGREE_ONE, 0, { seed: 1, backend, runs: 50 }).verdict).toBe('refuted');
  });
});

describe('AdaDelta with ε > 0 is not homogeneous: its two limits (oracle)', () => {
  it('the first step is ≈ c g for small |c| and tends to sign(c) √ε/√(1 − ρ) for large |c| (ρ = 0.95, ε = 1e-6)', () => {
    const D = Decimal.clone({ precision: 100 });
    const config = configure(entries.adadelta, 'paper');
    const first = (g: string) => {
      const out = elementwiseOracleOf('adadelta').enclose(
        config,
        { params: ['0'], grads: [g], state: { gradSquared: ['0'], updateSquared: ['0'] }, t: 1 },
        100,
      );
      return only(out['params'], "θ'").near.neg();
    };
    const limit = new D('1e-6').sqrt().div(new D('0.05').sqrt());
    expect(first('1e-12').div('1e-12').minus(1).abs().lt('1e-6')).toBe(true);
    expect(first('1e12').div(limit).minus(1).abs().lt('1e-6')).toBe(true);
    expect(first('-1e12').div(limit).plus(1).abs().lt('1e-6')).toBe(true);
  });
});
