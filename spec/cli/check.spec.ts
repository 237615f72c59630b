import { boundShardHolding } from './bound-shards.js';
import { execFileSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/runs/check.js';
import type { CheckReport, RuleOutcome } from '../../src/runs/check-types.js';
import { formatReport } from '../../src/runs/check-report.js';
import { main } from '../../src/cli/main.js';
import { production, type Implementation } from '../../src/gate/implementation.js';
import { RUNS_ENV } from '../../src/gate/seed.js';
import { backends } from '../backends.js';
import { PRESET_NAMES, type CatalogueEntry, type PresetName } from '../../core/catalogue/index.js';
import { required } from '../../core/required.js';
import { catalogue, isUpdate, registry, scheduleRecords } from '../../src/registry/index.js';
import { takesSchedule } from '../../src/gate/schedules/rule-property.js';
import { measuredConfigurations } from '../../src/gate/bound-pairs.js';

/** Runs the CLI in-process and captures what it prints. */
async function run(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (append: (s: string) => void) =>
    Object.assign(new Writable({ write: (chunk, _e, done) => (append(String(chunk)), done()) }), { isTTY: false });
  const status = await main(
    argv,
    sink((s) => (out += s)) as unknown as NodeJS.WriteStream,
    sink((s) => (err += s)) as unknown as NodeJS.WriteStream,
  );
  return { status, out, err };
}

describe('runCheck on a broken implementation', () => {
  it('fails, and prints the seed, the path and the command that replays it', async () => {
    // A "production" that adds 2^-10 relative error to θ: far outside any derived bound.
    const broken = (backend: string): Implementation => {
      const real = production(backend);
      return {
        ...real,
        name: 'broken',
        step: (c, i) => {
          const o = real.step(c, i);
          return { ...o, params: o.params.map((x) => x * (1 + 2 ** -10)) };
        },
      };
    };
    const report = await runCheck({
      rule: 'adam',
      preset: 'pytorch',
      property: 'one-step',
      runs: 50,
      seed: 42,
      implementation: broken,
    });
    expect(report.failed).toBe(1);
    const text = formatReport(report);
    expect(text).toMatch(/FAIL adam\/pytorch one-step: seed 42, path [0-9:]+/);
    expect(text).toMatch(
      /replay: npx optim-oracle check --rule adam --preset pytorch --property one-step --backend \w+ --seed 42 --path [0-9:]+/,
    );
    expect(text).toContain('error above the derived bound');
    expect(text.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
    // Replaying the printed path reproduces the failure at once.
    const path = report.results[0]!.properties[0]!.path!;
    const replay = await runCheck({
      rule: 'adam',
      preset: 'pytorch',
      property: 'one-step',
      runs: 50,
      seed: 42,
      path,
      implementation: broken,
    });
    expect(replay.results[0]!.properties[0]!.path).toBe(path);
  });
});

/**
 * The whole `check` on the first backend; on every backend when $OPTIM_ORACLE_RUNS is set (CI). The
 * other backends run the same code, which the agreement specs exercise on each; here the command line
 * is what is tested, and one backend's run keeps `npm test` within two minutes.
 */
const checkedBackends = (process.env[RUNS_ENV] ?? '') === '' ? backends.slice(0, 1) : backends;

describe('optim-oracle check', () => {
  it.each(checkedBackends)(
    'prints a row per rule (regularizer, monitor, transform, schedule) and preset within 100 columns, names the backend, and exits 0 (%s)',
    async (backend) => {
      // 3 cases: with 2, both of LARS's first one-step cases lie outside the analysed domain (norms
      // near overflow), and a property that judged nothing fails, as it must.
      const r = await run('check', '--runs', '3', '--backend', backend);
      expect(r.status).toBe(0);
      expect(r.out).toContain(`optim-oracle on ${backend}, seed`);
      const pairs = (entries: readonly CatalogueEntry[]) =>
        entries.flatMap((e) => PRESET_NAMES.filter((p) => e.presets[p] !== undefined).map((p) => [e.name, p] as const));
      const rules = pairs(catalogue);
      // A rule with an lr has one more property, one step with a schedule, where its preset has
      // schedules (NAG, paper only, under paper); an update on a given gradient has one more under
      // keras: Keras's optimizer wrapper.
      const scheduled = (rule: string, preset: PresetName) =>
        takesSchedule(
          required(
            catalogue.find((e) => e.name === rule),
            rule,
          ),
          preset,
        );
      const wrapped = (rule: string, preset: string) =>
        preset === 'keras' && catalogue.some((e) => e.name === rule && e.kind === 'elementwise-update');
      const count = (rule: string, preset: PresetName) =>
        3 + (scheduled(rule, preset) ? 1 : 0) + (wrapped(rule, preset) ? 1 : 0);
      for (const [rule, preset] of rules) {
        const n = count(rule, preset);
        expect(r.out).toMatch(new RegExp(`^${rule}\\s+${preset}\\s+${n}/${n}\\s+\\d+\\s+[01]\\.\\d{3}\\s+\\w+`, 'm'));
      }
      expect(rules.filter(([rule, preset]) => scheduled(rule, preset))).toHaveLength(36);
      const regs = [
        ...pairs(registry.filter((r) => !isUpdate(r)).map((r) => r.entry)),
        ...scheduleRecords.flatMap((s) =>
          PRESET_NAMES.filter((p) => s.entry.presets[p] !== undefined).map((p) => [s.entry.name, p] as const),
        ),
      ];
      for (const [name, preset] of regs) expect(r.out).toMatch(new RegExp(`^${name}\\s+${preset}\\s+1/1\\s+\\d+`, 'm'));
      for (const line of r.out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
      const properties = rules.reduce((n, [rule, preset]) => n + count(rule, preset), 0);
      expect(r.out.trimEnd().split('\n').at(-1)).toBe(`${properties + regs.length} passed, 0 failed`);
    },
  );

  it('--detail prints a row per output', async () => {
    const r = await run('check', '--runs', '2', '--rule', 'adam', '--preset', 'tfjs', '--detail');
    expect(r.status).toBe(0);
    for (const output of ['params', 'm', 'v', 'b1pow'])
      expect(r.out).toMatch(new RegExp(`^adam\\s+tfjs\\s+3/3\\s+${output}\\s+\\d+`, 'm'));
  });

  it('marks the rows whose err/bound is 0.9 or more, in the summary and the detail', () => {
    const measure = (maxRatio: number) => ({
      compared: 10,
      classified: 0,
      excluded: 0,
      uncertified: 0,
      maxError: maxRatio,
      maxBound: 1,
      maxRatio,
    });
    const outcome = (rule: string, ratios: Record<string, number>): RuleOutcome => ({
      rule,
      preset: 'paper',
      properties: [{ name: 'one-step', passed: true, runs: 1, judged: 10, seed: 1 }],
      tally: { steps: 1, outputs: Object.fromEntries(Object.entries(ratios).map(([k, x]) => [k, measure(x)])) },
    });
    const report: CheckReport = {
      schemaVersion: 1,
      implementation: 'test',
      backend: 'cpu',
      seed: 1,
      runs: 1,
      passed: 2,
      failed: 0,
      results: [outcome('near', { params: 0.5, m: 0.93 }), outcome('far', { params: 0.899 })],
    };
    const summary = formatReport(report).split('\n');
    expect(summary.find((l) => l.startsWith('near'))).toMatch(/0\.930\s+m\s+!$/);
    expect(summary.find((l) => l.startsWith('far'))).toMatch(/0\.899\s+params$/);
    const detail = formatReport(report, { detail: true }).split('\n');
    expect(detail.find((l) => /^near\s.*\sm\s/.test(l))).toMatch(/0\.930\s+!$/);
    expect(detail.find((l) => /^near\s.*\sparams\s/.test(l))).toMatch(/0\.500$/);
  });

  it('reports JSON with the seed, the backend and each property', async () => {
    const r = await run('check', '--runs', '2', '--rule', 'adam', '--preset', 'keras', '--seed', '7', '--json');
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ seed: 7, runs: 2, passed: 5, failed: 0, backend: backends[0] });
    expect(report.results[0].properties.map((p: { name: string }) => p.name)).toEqual([
      'one-step',
      'one-step-nonfinite',
      'trajectory',
      'one-step-scheduled',
      'keras-wrapper',
    ]);
  });

  it.each([
    [['check', '--rule', 'adamw2'], /unknown rule 'adamw2'; implemented: sgd, momentum, nesterov, nag, adagrad/],
    [
      ['check', '--rule', 'adam', '--preset', 'jax'],
      /unknown preset for adam 'jax'; known: paper, pytorch, keras, tfjs/,
    ],
    [['check', '--rule', 'adamw', '--preset', 'tfjs'], /unknown preset for adamw 'tfjs'; known: paper, pytorch, keras/],
    [['check', '--preset', 'jax'], /unknown preset 'jax'; known: paper, pytorch, keras, tfjs/],
    [['check', '--runs', '0'], /--runs must be an integer ≥ 1, got '0'/],
    [['check', '--backend', 'gpu'], /--backend must be one of tensorflow, wasm, cpu, auto; got 'gpu'/],
    [['check', '--property', 'speed'], /unknown property 'speed'/],
    [['check', '--frobnicate'], /unknown flag '--frobnicate' for check/],
    [['train'], /unknown command 'train'/],
  ])('rejects %j with exit status 2 and a clear message', async (argv, message) => {
    const r = await run(...argv);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('--preset alone selects the rules that have it', async () => {
    const r = await run('check', '--runs', '1', '--preset', 'tfjs', '--property', 'one-step');
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/adadelta\s+tfjs/);
    expect(r.out).not.toMatch(/adamw\s+/);
  });

  it('bounds measures a shard of the table as JSON, and rejects a bad shard', async () => {
    // One shard per measured pair: each holds one pair alone.
    const { shard } = boundShardHolding('sgd/paper', measuredConfigurations().length);
    const r = await run('bounds', '--runs', '2', '--shard', `${shard.index}/${shard.count}`, '--json');
    expect(r.status).toBe(0);
    const table = JSON.parse(r.out);
    expect(table.rows.map((x: { rule: string; preset: string }) => `${x.rule}/${x.preset}`)).toContain('sgd/paper');
    expect(new Set(table.rows.map((x: { rule: string; preset: string }) => `${x.rule}/${x.preset}`)).size).toBe(1);
    const bad = await run('bounds', '--shard', '2/2');
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/--shard takes i\/n with 0 ≤ i < n, got '2\/2'/);
  });

  it('prints help', async () => {
    const r = await run('--help');
    expect(r.status).toBe(0);
    expect(r.out).toContain('--seed N');
  });

  it('runs as the installed command (bin/optim-oracle.js over dist/)', () => {
    const out = execFileSync(process.execPath, ['bin/optim-oracle.js', 'help'], { encoding: 'utf8' });
    expect(out).toContain('optim-oracle check [flags]');
  });
});

describe('optim-oracle claims', () => {
  it('prints a refuted claim with its counterexample in decimal and float32 hex, and the command that replays it', async () => {
    const r = await run('claims', '--claim', 'bias-correction/efficient-form-same-epsilon', '--seed', '20171213');
    expect(r.status).toBe(0);
    expect(r.out).toContain('REFUTED          bias-correction/efficient-form-same-epsilon');
    expect(r.out).toMatch(/β2 = 0\.5 \(0x1p-1\)/);
    expect(r.out).toMatch(
      /replay: claims --claim bias-correction\/efficient-form-same-epsilon --seed 20171213 --path [0-9:]+/,
    );
    expect(r.out.trimEnd().split('\n').at(-1)).toBe(
      '1 claims: 0 hold, 0 hold with a bound, 1 refuted; 0 differ from docs/claims.md',
    );
  });

  it('prints a bound and what was measured for a claim that holds with a bound, and JSON with --json', async () => {
    const r = await run('claims', '--claim', 'adam-step/tight-bound/float32', '--runs', '20', '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.outcomes).toHaveLength(1);
    expect(report.outcomes[0]).toMatchObject({
      id: 'adam-step/tight-bound/float32',
      verdict: 'holds with bound',
      cases: 20,
      on: 'float32',
    });
    expect(report.outcomes[0].bound).toContain('B + e');
  });

  it('rejects an unknown claim and a --path that does not name one claim, with status 2', async () => {
    expect((await run('claims', '--claim', 'nothing')).status).toBe(2);
    const r = await run('claims', '--claim', 'adam-step', '--path', '0:1');
    expect(r.status).toBe(2);
    expect(r.err).toContain('--path replays one claim');
  });
});
