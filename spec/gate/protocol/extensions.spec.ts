/**
 * Schedules, Keras's wrapper and clippings through the gate (docs/protocol.md, "Beyond plain steps"):
 * the test program (./programs/sgd.mjs --extensions) announces exponential decay with SGD, Keras's
 * wrapper around SGD and the clippings; the gate runs `one-step-scheduled`, `keras-wrapper` and the
 * clippings' `agreement` on it, over the protocol and, on the same arithmetic
 * (./programs/sgd-target.ts), in process, with the same verdicts both ways. Each planted bug fails
 * exactly the properties it concerns (exit 1). A program that announces nothing is asked plain steps
 * only, as before.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../src/cli/exit.js';
import type { CheckReport, PropertyOutcome } from '../../../src/runs/check-types.js';
import { gate } from '../../../src/runs/gate.js';
import { root, run } from '../../cli/in-process.js';
import type { Bug } from './programs/sgd-math.mjs';
import { sgdTarget } from './programs/sgd-target.js';

const program = `node ${join(root, 'spec/gate/protocol/programs/sgd.mjs')}`;
const SEED = 7;

/** Each property's verdict as both ways report it: everything but the replay line, which names the way. */
const verdicts = (report: CheckReport) =>
  report.results.flatMap((r) =>
    r.properties.map(({ replay: _, ...p }: PropertyOutcome) => ({ rule: r.rule, preset: r.preset, ...p })),
  );

const failing = (report: CheckReport) =>
  verdicts(report)
    .filter((p) => !p.passed)
    .map((p) => `${p.rule}/${p.preset} ${p.name}`);

/** The program judged over the protocol and in process, on the same selection. */
async function bothWays(bug: Bug, runs: number, selection: { rule?: string; property?: 'keras-wrapper' } = {}) {
  const flags = [
    ...(selection.rule === undefined ? [] : ['--rule', selection.rule]),
    ...(selection.property === undefined ? [] : ['--property', selection.property]),
  ];
  const impl = `${program} --extensions${bug === undefined ? '' : ` --bug ${bug}`}`;
  const cli = await run(['gate', '--impl', impl, '--seed', String(SEED), '--runs', String(runs), '--json', ...flags]);
  const overProtocol = JSON.parse(cli.out) as CheckReport;
  const inProcess = await gate(sgdTarget(bug), {
    seed: SEED,
    runs,
    domain: 'full',
    ...(selection.rule === undefined ? {} : { rule: selection.rule }),
    ...(selection.property === undefined ? {} : { property: selection.property }),
  });
  return { status: cli.status, overProtocol, inProcess };
}

describe('gate: schedules, Keras wrapper and clippings', () => {
  it('passes the correct program on every property it announces, with the same report both ways', async () => {
    const { status, overProtocol, inProcess } = await bothWays(undefined, 10);
    expect(status).toBe(EXIT.ok);
    expect(verdicts(inProcess)).toEqual(verdicts(overProtocol));
    const names = verdicts(overProtocol).map((p) => `${p.rule}/${p.preset} ${p.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'sgd/pytorch one-step-scheduled',
        'sgd/keras one-step-scheduled',
        'sgd/keras keras-wrapper',
        'clip-by-norm/keras agreement',
        'clip-by-global-norm/pytorch agreement',
        'clip-by-global-norm/keras agreement',
        'clip-by-value/pytorch agreement',
        'clip-by-value/keras agreement',
      ]),
    );
    for (const p of verdicts(overProtocol)) {
      expect(p.passed, `${p.rule}/${p.preset} ${p.name}`).toBe(true);
      expect(p.judged).toBeGreaterThan(0);
    }
  });

  it.each([
    [
      'schedule-step',
      { rule: 'sgd' },
      ['sgd/pytorch one-step-scheduled', 'sgd/keras one-step-scheduled', 'sgd/keras keras-wrapper'],
    ],
    ['decay-lr', { rule: 'sgd', property: 'keras-wrapper' }, ['sgd/keras keras-wrapper']],
    ['clip-global', { rule: 'clip-by-global-norm' }, ['clip-by-global-norm/pytorch agreement']],
  ] as const)('fails bug %s on exactly the properties it concerns, both ways alike', async (bug, selection, failed) => {
    const { status, overProtocol, inProcess } = await bothWays(bug, 20, selection);
    expect(status).toBe(EXIT.failed);
    expect(failing(overProtocol)).toEqual(failed);
    expect(verdicts(inProcess)).toEqual(verdicts(overProtocol));
  });

  it('fails the schedule bug in the wrapper too, and names the failing property in the text report', async () => {
    const cli = await run([
      'gate',
      '--impl',
      `${program} --extensions --bug schedule-step`,
      ...['--rule', 'sgd', '--preset', 'keras', '--seed', String(SEED), '--runs', '20'],
    ]);
    expect(cli.status).toBe(EXIT.failed);
    expect(cli.out).toMatch(/^FAIL sgd\/keras one-step-scheduled: seed 7, path /m);
    expect(cli.out).toMatch(/^FAIL sgd\/keras keras-wrapper: seed 7, path /m);
    expect(cli.out).not.toMatch(/^FAIL sgd\/keras (one-step|trajectory):/m);
  });

  it('asks a program that announces nothing for plain steps only', async () => {
    const cli = await run(['gate', '--impl', program, '--seed', String(SEED), '--runs', '3', '--json']);
    expect(cli.status).toBe(EXIT.ok);
    const report = JSON.parse(cli.out) as CheckReport;
    expect(report.results.map((r) => r.rule)).toEqual(['sgd', 'sgd', 'sgd', 'sgd']);
    for (const p of verdicts(report)) expect(['one-step', 'one-step-nonfinite', 'trajectory']).toContain(p.name);
  });

  it.each([
    [
      '--wrong-length',
      ['--rule', 'clip-by-value'],
      /answer to the transform request \d+ has (\d+) values in gradient 0, (?!\1)\d+ expected/,
    ],
    [
      '--wrong-id',
      ['--rule', 'clip-by-value'],
      /it answered id \d+ to the transform request \d+ \(clip-by-value\/pytorch\)/,
    ],
    [
      '--wrong-length',
      ['--rule', 'sgd', '--preset', 'keras', '--property', 'keras-wrapper'],
      /answer to the step request \d+ \(Keras's wrapper\) has (\d+) values in variable 0's params, (?!\1)\d+ expected/,
    ],
  ])('stops with exit status 3 when an answer breaks the protocol (%s %o)', async (flag, selection, message) => {
    const cli = await run(['gate', '--impl', `${program} --extensions ${flag}`, ...selection, '--runs', '5', '--json']);
    expect(cli.status).toBe(EXIT.gate);
    expect((JSON.parse(cli.out) as CheckReport).broken?.message).toMatch(message);
  });

  it('stops with exit status 3 on a hello that gives a schedule a flag it does not have', async () => {
    const cli = await run(['gate', '--impl', `${program} --extensions --bad-option`, '--runs', '5']);
    expect(cli.status).toBe(EXIT.gate);
    expect(cli.err).toContain("its hello: sgd's schedule exponential-decay has no flag 'arithmetc'");
  });
});
