/**
 * Registers one test per claim: the verdict must be the one docs/claims.md reports. Oracle claims run
 * once, float32 claims on every backend present. A different verdict fails with the counterexample,
 * fast-check's { seed, path } and the command that replays it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatValue, type Claim, type ClaimResult } from '../../src/claims/index.js';
import { runsFromEnv, RUNS_ENV, seedFromEnv } from '../../src/gate/seed.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { backends } from '../backends.js';

/** Cases per property: each claim's own, unless $OPTIM_ORACLE_RUNS asks for more. */
export const claimRuns = (): number | undefined => (process.env[RUNS_ENV] ? runsFromEnv(100) : undefined);

/** The failure message for an unexpected verdict. */
export function explain(claim: Claim, r: ClaimResult): string {
  const values = (r.counterexample ?? []).slice(0, 12).map(formatValue).join('; ');
  const replay = `npx optim-oracle claims --claim ${claim.id} --seed ${r.seed}${r.path === undefined ? '' : ` --path ${r.path}`}`;
  return `${claim.id}: ${r.verdict} (seed ${r.seed}, path ${r.path ?? '-'}) ${values} ${r.reason ?? ''} ${r.measured ?? ''}; replay: ${replay}`;
}

/**
 * One test per claim. The float32 claims run on the first backend present (wasm) only, unless
 * $OPTIM_ORACLE_RUNS asks for a deeper run (CI), which runs them on every backend. The agreement specs
 * already compare every backend's kernels with the oracle (a quarter of their cases on the second), so
 * the default run skips only the claims' second pass over the same production code.
 */
export function claimTests(claims: readonly Claim[]): void {
  const seed = seedFromEnv();
  const oracle = claims.filter((c) => c.on === 'oracle');
  const float32 = claims.filter((c) => c.on === 'float32');
  describe('on the oracle', () => {
    it.each(oracle.map((c) => [c.id, c.expected, c] as const))('%s: %s', async (_id, expected, claim) => {
      const r = await claim.check({ seed, backend: 'none', ...optionalRuns() });
      expect(r.verdict, explain(claim, r)).toBe(expected);
    });
  });
  if (float32.length === 0) return;
  const deep = (process.env[RUNS_ENV] ?? '') !== '';
  const on = deep ? backends : backends.slice(0, 1);
  describe.each(on)('in float32 production on %s', (backend) => {
    beforeAll(async () => {
      await useBackend(backend);
    });
    it.each(float32.map((c) => [c.id, c.expected, c] as const))('%s: %s', async (_id, expected, claim) => {
      const r = await claim.check({ seed, backend, ...optionalRuns() });
      expect(r.verdict, explain(claim, r)).toBe(expected);
    });
  });
}

function optionalRuns(): { runs?: number } {
  const runs = claimRuns();
  return runs === undefined ? {} : { runs };
}
