/**
 * The diagnosis names the convention an implementation follows instead of its preset's: this
 * project's production run under another flag value (as a framework with that convention would
 * compute) is recognised, a flag marked as a framework defect is reported as a finding, and a bug
 * that is no convention matches nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Configuration, FlagValue, PresetName } from '../../core/catalogue/index.js';
import { describeDiagnosis, diagnose } from '../../src/gate/diagnosis.js';
import { production, type Implementation } from '../../src/gate/implementation.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { entryOf, oracleRuleOf } from '../../src/registry/index.js';
import { backends } from '../backends.js';

let ours: Implementation;
beforeAll(async () => {
  ours = production(await useBackend(backends[0]));
});

/** Production computing with `flags` changed, whatever configuration it is asked with. */
function following(flags: Readonly<Record<string, FlagValue>>): Implementation {
  return { ...ours, step: (c: Configuration, input) => ours.step({ ...c, flags: { ...c.flags, ...flags } }, input) };
}

const run = (impl: Implementation, rule: string, preset: PresetName) =>
  diagnose(impl, entryOf(rule), preset, { cases: 24, seed: 11 });

describe('diagnose', () => {
  it("names PyTorch 1.13's NAdam product as the match, and reports it as a finding", async () => {
    // Production has no code for PyTorch 1.13's product (no preset uses it): the oracle's correctly
    // rounded values under that flag stand in for a framework that computes it.
    const torch113: Implementation = {
      ...ours,
      step: (c, input) => oracleRuleOf('nadam').step({ ...c, flags: { ...c.flags, productNext: 'torch-1.13' } }, input),
    };
    const d = await run(torch113, 'nadam', 'pytorch');
    expect(d.own.passed).toBeLessThan(d.cases);
    expect(d.match).toMatchObject({ changed: { productNext: 'torch-1.13' }, passed: d.cases });
    expect(d.match?.defects[0]).toMatch(/multiplies μ_t into the product twice/);
    expect(describeDiagnosis(d)).toMatch(/it matches productNext: "torch-1.13", which passes all 24; a finding: /);
  });

  it("names tfjs's AdaDelta denominator under the pytorch preset", async () => {
    const d = await run(following({ denominator: 'previous' }), 'adadelta', 'pytorch');
    expect(d.match?.changed).toEqual({ denominator: 'previous' });
    expect(d.match?.defects).toHaveLength(1);
  });

  it('names a whole other preset when its conventions explain the answers (Adam in Keras form under paper)', async () => {
    const d = await run(following({ form: 'efficient' }), 'adam', 'paper');
    expect(d.match?.changed).toEqual({ form: 'efficient' });
    expect(d.match?.defects).toEqual([]);
  });

  it('finds no match for a bug that is no convention, and passes nothing to the correct implementation', async () => {
    const flipped: Implementation = {
      ...ours,
      step: (c, input) => {
        const out = ours.step(c, input);
        return { ...out, params: out.params.map((p, i) => 2 * (input.params[i] ?? 0) - p) };
      },
    };
    const d = await run(flipped, 'adam', 'pytorch');
    expect(d.match).toBeUndefined();
    expect(describeDiagnosis(d)).toMatch(/no convention explains it/);
    const correct = await run(ours, 'adam', 'pytorch');
    expect(correct.own.passed).toBe(correct.cases);
    expect(correct.match).toBeUndefined();
  });
});
