/** selectClaims: an exact id wins over a prefix; a prefix selects every claim it starts. */
import { describe, expect, it } from 'vitest';
import { claims, selectClaims } from '../../src/claims/index.js';
import { OptionError } from '../../core/catalogue/index.js';

describe('selectClaims', () => {
  it('selects exactly the claim whose id is given, even when it is also the prefix of other ids', () => {
    for (const id of ['adam-step/paper-bound', 'equivalence/amsgrad-adam', 'equivalence/decoupled-coupled-adam']) {
      expect(claims.filter((c) => c.id.startsWith(id)).length, `${id} should be a prefix of other ids`).toBeGreaterThan(
        1,
      );
      expect(selectClaims(id).map((c) => c.id)).toEqual([id]);
    }
  });

  it('selects every claim by its own id alone', () => {
    for (const c of claims) expect(selectClaims(c.id)).toEqual([c]);
  });

  it('selects the claims a prefix starts, in order, and all without one', () => {
    expect(selectClaims('adam-step/tight').map((c) => c.id)).toEqual(
      claims.map((c) => c.id).filter((id) => id.startsWith('adam-step/tight')),
    );
    expect(selectClaims('adam-step/tight').length).toBeGreaterThan(1);
    expect(selectClaims()).toBe(claims);
  });

  it('throws an OptionError naming the groups when nothing matches', () => {
    expect(() => selectClaims('adam-stp')).toThrow(OptionError);
    expect(() => selectClaims('adam-stp')).toThrow(
      "no claim matches 'adam-stp'; groups: adam-step, scale-invariance, bias-correction, equivalence",
    );
  });
});
