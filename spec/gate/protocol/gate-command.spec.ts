/**
 * `optim-oracle gate --impl` against a small SGD program (./programs/sgd.mjs, written without
 * optim-oracle): a correct program passes, a wrong one fails with a replay line that names it, and
 * each way of breaking the protocol ends the run with exit status 3 within the time limit, keeping
 * the properties finished before.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../src/cli/exit.js';
import type { CheckReport } from '../../../src/runs/check-types.js';
import { root, run } from '../../cli/in-process.js';

const program = `node ${join(root, 'spec/gate/protocol/programs/sgd.mjs')}`;

const gate = (flags: string, ...more: string[]) =>
  run(['gate', '--impl', `${program}${flags === '' ? '' : ` ${flags}`}`, '--seed', '7', ...more]);

describe('gate --impl', () => {
  it('passes a correct program on every preset it names, judging elements in every property', async () => {
    const { status, out } = await gate('', '--runs', '10', '--json');
    const report = JSON.parse(out) as CheckReport;
    expect(status).toBe(EXIT.ok);
    expect(report.implementation).toBe('sgd.mjs');
    expect(report.results.map((r) => r.preset)).toEqual(['paper', 'pytorch', 'keras', 'tfjs']);
    for (const p of report.results.flatMap((r) => r.properties)) {
      expect(p.passed).toBe(true);
      expect(p.judged).toBeGreaterThan(0);
    }
  });

  it('fails a program with a sign error, and the replay line reruns that program', async () => {
    const { status, out } = await gate('--bug sign', '--runs', '10', '--preset', 'paper', '--property', 'one-step');
    expect(status).toBe(EXIT.failed);
    expect(out).toContain('sgd.mjs disagrees with the oracle on sgd/paper');
    const replay = /replay: (.*)/.exec(out)?.[1] ?? '';
    expect(replay).toMatch(/^npx optim-oracle gate --impl '.*sgd\.mjs --bug sign' --rule sgd --preset paper /);
    const [, seed, path] = /--seed (-?\d+) --path (\S+)/.exec(replay) ?? [];
    const counterexample = /counterexample: (.*)/.exec(out)?.[1];
    const replayed = await run([
      'gate',
      '--impl',
      `${program} --bug sign`,
      ...['--rule', 'sgd', '--preset', 'paper', '--property', 'one-step', '--runs', '10'],
      ...['--seed', seed ?? '', '--path', path ?? ''],
    ]);
    expect(replayed.status).toBe(EXIT.failed);
    expect(/counterexample: (.*)/.exec(replayed.out)?.[1]).toBe(counterexample);
  });

  it("accepts a batch's answers in any order, matched by id", async () => {
    const { status, out } = await gate(
      '--reorder',
      '--runs',
      '8',
      '--preset',
      'paper',
      '--property',
      'trajectory',
      '--json',
    );
    expect(status).toBe(EXIT.ok);
    expect((JSON.parse(out) as CheckReport).results[0]?.properties[0]).toMatchObject({ passed: true, runs: 8 });
  });

  it('saves each failure as a case file, and --case replays it on the program', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'optim-oracle-cases-'));
    const failed = await gate(
      '--bug sign',
      '--runs',
      '10',
      '--preset',
      'paper',
      '--property',
      'one-step',
      '--save-cases',
      dir,
    );
    expect(failed.status).toBe(EXIT.failed);
    const file = join(dir, 'sgd-paper-one-step.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      format: 'optim-oracle-case/1',
      rule: 'sgd',
      preset: 'paper',
    });
    const wrong = await run(['gate', '--impl', `${program} --bug sign`, '--case', file]);
    expect(wrong.status).toBe(EXIT.failed);
    expect(wrong.out).toMatch(/step t = \d+: fails\n {2}params\[\d+\]: error above the derived bound/);
    const right = await run(['gate', '--impl', program, '--case', file]);
    expect(right.status).toBe(EXIT.ok);
    expect(right.out).toMatch(/: passes \((exact|faithful-to-preset)\)/);
  });

  it.each([
    ['--crash-after 25', /no answer to the step request 25 .*exited with status 7/],
    ['--hang-after 25', /no answer to the step request 25 .*did not answer within 2 s/],
    ['--garbage-after 25', /answer to the step request 25 .* is not JSON: "Traceback/],
    ['--wrong-id', /it answered id 2 to the step request 1 /],
    ['--wrong-length', /answer to the step request 1 has (\d+) params, (?!\1)\d+ expected/],
  ])('stops with exit status 3 when the program breaks the protocol (%s)', async (flags, message) => {
    // Only the hanging program waits out its limit; 2 s leaves the 20 answers before it room on a loaded machine.
    const { status, out } = await gate(flags, '--runs', '20', '--preset', 'paper', '--timeout', '2', '--json');
    expect(status).toBe(EXIT.gate);
    const report = JSON.parse(out) as CheckReport;
    expect(report.broken?.message).toMatch(message);
    expect(report.broken?.notChecked.length).toBeGreaterThan(0);
    if (flags.endsWith('25')) {
      // 20 cases of one-step ran (requests 1 to 20) before the program broke: that result is kept.
      const first = report.results[0]?.properties[0];
      expect(first).toMatchObject({ name: 'one-step', passed: true, runs: 20 });
    }
  });

  it('stops with exit status 3 on a hello of another protocol version', async () => {
    const { status, err } = await gate('--bad-hello', '--runs', '5');
    expect(status).toBe(EXIT.gate);
    expect(err).toContain('its hello is not a valid hello (/protocol must be equal to constant)');
  });

  it('stops with exit status 3 when the program cannot start', async () => {
    const { status, err } = await run(['gate', '--impl', '/nonexistent/program', '--runs', '5', '--timeout', '5']);
    expect(status).toBe(EXIT.gate);
    expect(err).toMatch(/no hello: .*exited with status 127/);
  });

  it('is a usage error without --impl, with a bad --timeout, or when the program implements nothing selected', async () => {
    expect((await run(['gate', '--runs', '5'])).status).toBe(EXIT.usage);
    expect((await gate('', '--timeout', '0')).status).toBe(EXIT.usage);
    const none = await gate('', '--rule', 'adam', '--runs', '5');
    expect(none.status).toBe(EXIT.usage);
    expect(none.err).toContain('sgd.mjs implements none of the selected rules and presets');
  });
});
