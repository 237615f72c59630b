/**
 * Every replay line the reports print replays: each `replay:` line of a `check` report (for a broken
 * implementation, since production passes) and of a `claims` report (every refuted claim), run with
 * exactly the arguments it prints, fails again with the same counterexample.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/runs/check.js';
import type { CheckOptions } from '../../src/runs/check-types.js';
import { formatReport } from '../../src/runs/check-report.js';
import { claims } from '../../src/claims/index.js';
import { runClaims } from '../../src/runs/claims.js';
import { formatClaims } from '../../src/runs/claims-report.js';
import { production, type Implementation } from '../../src/gate/implementation.js';
import { DEFAULT_SEED } from '../../src/gate/seed.js';
import { backends } from '../backends.js';

const backend = backends[0]!;

/** The `--name value` pairs of a printed command line. */
function argumentsOf(line: string): Record<string, string> {
  const args: Record<string, string> = {};
  for (const m of line.matchAll(/--([a-z-]+) (\S+)/g)) args[m[1]!] = m[2]!;
  return args;
}

/** Production with θ' scaled by 1 + 2^−18 (64 ulps of a float32 near 1): outside the derived bounds. */
const broken = (b: string): Implementation => {
  const real = production(b);
  return {
    ...real,
    name: 'broken by 64 ulps',
    step: (c, i) => {
      const o = real.step(c, i);
      return { ...o, params: o.params.map((x) => Math.fround(x * (1 + 2 ** -18))) };
    },
  };
};

describe('every replay line check prints replays its failure', () => {
  it('reruns each printed replay with the same broken implementation and gets the same counterexample', async () => {
    const runs: CheckOptions[] = [
      { rule: 'adam', runs: 20, seed: DEFAULT_SEED, backend, implementation: broken },
      { rule: 'nag', runs: 20, seed: 7, backend, implementation: broken },
      { rule: 'rmsprop', preset: 'pytorch', runs: 20, seed: -5, backend, implementation: broken },
    ];
    let replayed = 0;
    for (const options of runs) {
      const report = await runCheck(options);
      const failures = report.results.flatMap((r) =>
        r.properties.filter((p) => !p.passed).map((p) => ({ rule: r.rule, preset: r.preset, ...p })),
      );
      const lines = formatReport(report)
        .split('\n')
        .filter((l) => l.trimStart().startsWith('replay:'));
      expect(lines.length).toBe(failures.length);
      expect(failures.length).toBeGreaterThan(0);
      for (const [i, line] of lines.entries()) {
        const a = argumentsOf(line);
        const again = await runCheck({
          rule: a['rule'],
          preset: a['preset'],
          property: a['property'],
          backend: a['backend'],
          seed: Number(a['seed']),
          path: a['path'],
          runs: Number(a['runs']),
          implementation: broken,
        });
        expect(again.failed, line).toBe(1);
        const p = again.results[0]!.properties[0]!;
        expect([again.results[0]!.rule, again.results[0]!.preset, p.name], line).toEqual([
          failures[i]!.rule,
          failures[i]!.preset,
          failures[i]!.name,
        ]);
        expect(p.counterexample, line).toBe(failures[i]!.counterexample);
        expect(p.path, line).toBe(failures[i]!.path);
        replayed++;
      }
    }
    console.info(`check: ${replayed} replay lines replayed`);
    expect(replayed).toBeGreaterThanOrEqual(10);
  }, 60_000);
});

describe('every replay line claims prints replays its refutation', () => {
  // The claims docs/claims.md reports refuted, each run alone by its exact id; spec/claims/ checks
  // that every claim's verdict is the one reported, so these are the claims whose reports print a replay.
  let reports: Awaited<ReturnType<typeof runClaims>>[];
  beforeAll(async () => {
    reports = [];
    for (const c of claims.filter((c) => c.expected === 'refuted'))
      reports.push(await runClaims({ claim: c.id, seed: DEFAULT_SEED, backend }));
  }, 120_000);

  it('reruns each printed replay and gets the same verdict and the same counterexample', async () => {
    const refuted = reports.flatMap((r) => r.outcomes.filter((o) => o.verdict === 'refuted'));
    const lines = reports.flatMap((r) =>
      formatClaims(r)
        .split('\n')
        .filter((l) => l.includes('replay: claims ')),
    );
    expect(refuted.length).toBe(claims.filter((c) => c.expected === 'refuted').length);
    expect(lines.length).toBe(refuted.length);
    expect(refuted.length).toBeGreaterThan(0);
    for (const [i, line] of lines.entries()) {
      const a = argumentsOf(line.slice(line.indexOf('replay: claims ')).replace(/\):$/, ''));
      const again = await runClaims({
        claim: a['claim'],
        seed: Number(a['seed']),
        ...(a['path'] === undefined ? {} : { path: a['path'] }),
        backend,
      });
      expect(
        again.outcomes.map((o) => o.id),
        line,
      ).toEqual([refuted[i]!.id]);
      const o = again.outcomes[0]!;
      expect(o.verdict, line).toBe('refuted');
      expect(o.counterexample, line).toEqual(refuted[i]!.counterexample);
      expect(o.reason, line).toBe(refuted[i]!.reason);
    }
    console.info(`claims: ${lines.length} replay lines replayed`);
  }, 120_000);
});
