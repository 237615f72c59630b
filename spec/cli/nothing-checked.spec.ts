/**
 * Nothing checked is a failure, never a pass: every way a run of `check`, `claims` or `bounds` can
 * compare nothing either throws an OptionError naming the option, or reports a failure saying what
 * was not checked.
 */
import { boundShardHolding } from './bound-shards.js';
import { describe, expect, it } from 'vitest';
import { isUsageError, OptionError } from '../../core/catalogue/index.js';
import { runCheck } from '../../src/runs/check.js';
import { runClaims } from '../../src/runs/claims.js';
import { measuredConfigurations } from '../../src/gate/bound-pairs.js';
import { boundTableProblems, measureBoundTable } from '../../src/gate/bound-table.js';
import { production, type Implementation } from '../../src/gate/implementation.js';
import { SEED_MAX, SEED_MIN } from '../../src/gate/seed-range.js';
import { backends } from '../backends.js';

const backend = backends[0]!;

/** Production whose derived bound puts every element outside the analysed domain: nothing is judged. */
const nothingJudged = (b: string): Implementation => {
  const real = production(b);
  const outside = (bound: ReturnType<Implementation['bound']>) =>
    Object.fromEntries(
      Object.entries(bound).map(([k, v]) => [k, v.map((e) => ({ ...e, bound: Infinity, out: 'overflow' as const }))]),
    );
  return {
    ...real,
    name: 'judges nothing',
    bound: (c, i) => outside(real.bound(c, i)),
    boundInit: (c, n) => outside(real.boundInit(c, n)),
  };
};

async function rejected(run: Promise<unknown>, message: RegExp): Promise<void> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the run should have thrown').toBeInstanceOf(OptionError);
  expect(isUsageError(error)).toBe(true);
  expect((error as Error).message).toMatch(message);
}

describe('runCheck: options that select nothing are rejected', () => {
  const base = { seed: 1, runs: 2, backend };
  it('a rule/property pair with no applicable property', async () => {
    await rejected(
      runCheck({ ...base, rule: 'adam', property: 'agreement' }),
      /nothing to check: adam has no property 'agreement'; its properties: one-step, one-step-nonfinite, trajectory/,
    );
    await rejected(
      runCheck({ ...base, rule: 'l1', property: 'trajectory' }),
      /nothing to check: l1 has no property 'trajectory'; its properties: agreement/,
    );
  });

  it('a preset the rule does not have', async () => {
    const error = await runCheck({ ...base, rule: 'dropconnect', preset: 'pytorch' }).catch((e: unknown) => e);
    expect(isUsageError(error)).toBe(true);
    expect((error as Error).message).toMatch(/unknown preset for dropconnect 'pytorch'; known: paper/);
  });

  it('runs that are not an integer ≥ 1', async () => {
    for (const runs of [0, -3, 1.5, NaN])
      await rejected(
        runCheck({ ...base, rule: 'sgd', runs }),
        new RegExp(`runs \\(cases per property\\) must be an integer ≥ 1, got ${runs}`),
      );
  });

  it('a seed outside fast-check’s 32-bit range', async () => {
    for (const seed of [2 ** 32, 2 ** 31, SEED_MIN - 1, 0.5])
      await rejected(
        runCheck({ ...base, rule: 'sgd', seed }),
        new RegExp(
          `seed must be an integer from -2147483648 to 2147483647 \\(fast-check's 32-bit seeds\\), got ${seed}`,
        ),
      );
    expect([SEED_MIN, SEED_MAX]).toEqual([-(2 ** 31), 2 ** 31 - 1]);
    const edge = await runCheck({
      ...base,
      rule: 'sgd',
      preset: 'paper',
      property: 'one-step',
      seed: SEED_MAX,
      runs: 1,
    });
    expect(edge.results[0]!.properties[0]!.seed).toBe(SEED_MAX);
  });

  it('--path with more than one property selected', async () => {
    await rejected(
      runCheck({ ...base, rule: 'adam', preset: 'pytorch', path: '0' }),
      /--path replays one property's counterexample; the options select 4 properties/,
    );
  });

  it('a time limit that is not a number of seconds > 0', async () => {
    await rejected(
      runCheck({ ...base, rule: 'sgd', maxSeconds: 0 }),
      /max time must be a number of seconds > 0, got 0/,
    );
  });
});

describe('runCheck: a property that checked nothing fails', () => {
  it('a --path that leads to no case', async () => {
    const r = await runCheck({
      rule: 'adam',
      preset: 'pytorch',
      property: 'one-step',
      runs: 10,
      seed: 1,
      path: '999999:999',
      backend,
    });
    expect(r).toMatchObject({ passed: 0, failed: 1 });
    const p = r.results[0]!.properties[0]!;
    expect(p).toMatchObject({ passed: false, runs: 0, judged: 0 });
    expect(p.notChecked).toBe('not checked: --path 999999:999 leads to no case of this property with seed 1');
    expect(p.replay).toBeUndefined();
  });

  it('a property whose cases judged no element', async () => {
    const r = await runCheck({
      rule: 'adam',
      preset: 'pytorch',
      property: 'one-step',
      runs: 5,
      seed: 1,
      backend,
      implementation: nothingJudged,
    });
    expect(r).toMatchObject({ passed: 0, failed: 1 });
    expect(r.results[0]!.properties[0]!.notChecked).toBe(
      'not checked: its 5 cases judged no element (every output outside the analysed domain)',
    );
  });

  it('counts judged elements per property, not per rule and preset', async () => {
    const r = await runCheck({ rule: 'sgd', preset: 'paper', runs: 3, seed: 1, backend });
    const judged = r.results[0]!.properties.map((p) => p.judged);
    const tally = Object.values(r.results[0]!.tally.outputs).reduce((n, m) => n + m.compared + m.classified, 0);
    expect(judged.every((n) => n > 0)).toBe(true);
    expect(judged.reduce((a, b) => a + b, 0)).toBe(tally);
  });
});

describe('runClaims: nothing checked', () => {
  it('rejects runs < 1, a bad seed, an unknown claim and a --path over several claims', async () => {
    await rejected(
      runClaims({ claim: 'adam-step/paper-bound', runs: 0, seed: 1 }),
      /runs \(cases per property\) must be an integer ≥ 1, got 0/,
    );
    await rejected(
      runClaims({ claim: 'adam-step/paper-bound', seed: 2 ** 32 }),
      /seed must be an integer from -2147483648 to 2147483647/,
    );
    await rejected(
      runClaims({ claim: 'nothing', seed: 1 }),
      /no claim matches 'nothing'; groups: adam-step, scale-invariance, bias-correction, equivalence/,
    );
    await rejected(
      runClaims({ claim: 'adam-step', seed: 1, path: '0:1' }),
      /--path replays one claim's counterexample; --claim matches \d+ claims/,
    );
  });

  it('a --path that leads to no case gives the verdict `not checked`, which differs from docs/claims.md', async () => {
    const r = await runClaims({ claim: 'adam-step/paper-bound', seed: 1, path: '999999:999', backend });
    expect(r.outcomes).toHaveLength(1);
    expect(r.outcomes[0]).toMatchObject({
      verdict: 'not checked',
      cases: 0,
      reason: 'not checked: --path 999999:999 leads to no case of this claim with seed 1',
    });
    expect(r.surprises).toBe(1);
  });
});

describe('measureBoundTable: nothing measured', () => {
  const impl = () => production(backend);
  it('rejects cases < 1, a bad seed and a bad shard', () => {
    expect(() => measureBoundTable(impl(), { cases: 0, seed: 1 })).toThrow(
      /runs \(cases per property\) must be an integer ≥ 1, got 0/,
    );
    expect(() => measureBoundTable(impl(), { cases: 1, seed: 2 ** 32 })).toThrow(
      /seed must be an integer from -2147483648/,
    );
    expect(() => measureBoundTable(impl(), { cases: 1, seed: 1, shard: { index: 2, count: 2 } })).toThrow(
      /shard takes i\/n with integers 0 ≤ i < n, got 2\/2/,
    );
  });

  it('leaves out an output that compared nothing, lists it, and the table has problems', () => {
    const table = measureBoundTable(nothingJudged(backend), {
      cases: 3,
      seed: 1,
      shard: boundShardHolding('sgd/paper', measuredConfigurations().length).shard,
    });
    expect(table.rows).toEqual([]);
    expect(table.notMeasured).toContain('sgd/paper/params: no element compared against the bound in 3 cases');
    expect(boundTableProblems(table)).toEqual([
      'nothing measured: the table has no row',
      'not measured: sgd/paper/params: no element compared against the bound in 3 cases',
    ]);
  });

  it('a table where every output compared something has no problem', () => {
    const table = measureBoundTable(impl(), {
      cases: 3,
      seed: 1,
      shard: boundShardHolding('sgd/paper', measuredConfigurations().length).shard,
    });
    expect(table.rows.map((r) => `${r.rule}/${r.preset}/${r.output}`)).toEqual(['sgd/paper/params']);
    expect(boundTableProblems(table)).toEqual([]);
  });
});
