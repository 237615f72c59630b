/**
 * The report files on the command line: `check --markdown --junit --html` writes the three forms of
 * the report it prints, and `report` turns `--json` files into them, refusing what it cannot join.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backends } from '../backends.js';
import { run } from './in-process.js';

const backend = backends[0]!;
const small = ['--rule', 'sgd', '--preset', 'paper', '--property', 'one-step', '--runs', '5', '--backend', backend];

describe('report files', () => {
  it('check --markdown --junit --html writes the report three ways, and report rebuilds them from --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'optim-oracle-report-cli-'));
    const f = (name: string) => join(dir, name);
    const checked = await run([
      'check',
      ...small,
      ...['--markdown', f('a.md'), '--junit', f('a.xml'), '--html', f('a.html'), '--json'],
    ]);
    expect(checked.status, checked.err).toBe(0);
    writeFileSync(f('a.json'), checked.out);
    expect(JSON.parse(checked.out).schemaVersion).toBe(1);
    expect(readFileSync(f('a.md'), 'utf8')).toMatch(/^\| sgd \| paper \| ✅ pass \| 1\/1 \|/m);
    expect(readFileSync(f('a.xml'), 'utf8')).toContain('<testcase classname="sgd/paper" name="one-step" time="0"/>');
    expect(readFileSync(f('a.html'), 'utf8')).toContain('<tr data-rule="sgd" data-preset="paper">');
    const again = await run([
      'report',
      ...['--markdown', f('b.md'), '--junit', f('b.xml'), '--html', f('b.html'), f('a.json')],
    ]);
    expect(again.status, again.err).toBe(0);
    for (const ext of ['md', 'xml', 'html'])
      expect(readFileSync(f(`b.${ext}`), 'utf8')).toBe(readFileSync(f(`a.${ext}`), 'utf8'));
  });

  it('report refuses no output, no file, Markdown of two files, a bounds table (exit 2), and a missing file (exit 4)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'optim-oracle-report-cli-'));
    const json = join(dir, 'a.json');
    writeFileSync(json, (await run(['check', ...small, '--json'])).out);
    const bounds = join(dir, 'bounds.json');
    writeFileSync(
      bounds,
      JSON.stringify({ rows: [], implementation: 'x', command: 'bounds', seed: 1, casesPerPreset: 1 }),
    );
    const out = join(dir, 'out.md');
    const cases: [string[], number, RegExp][] = [
      [[json], 2, /report needs --html FILE, --markdown FILE or --junit FILE/],
      [['--html', out], 2, /report takes the --json files/],
      [['--markdown', out, json, json], 2, /--markdown and --junit write one report; got 2 files/],
      [['--html', out, bounds], 2, /is a bounds table/],
      [['--html', out, join(dir, 'missing.json')], 4, /missing\.json/],
    ];
    for (const [args, status, message] of cases) {
      const r = await run(['report', ...args]);
      expect([r.status, r.err]).toEqual([status, expect.stringMatching(message)]);
    }
  });
});
