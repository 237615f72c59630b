/**
 * `bounds --rule R --preset P`: a part of the table, measured as the whole run measures it, and with
 * `--write` put in place of its rows, the rest of the table untouched; refused before measuring when
 * the table was measured with another backend, seed or count; refused by `merge`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundsCommandWith } from '../../src/cli/commands/bounds.js';
import { BOUND_TABLE_PATH, measureBoundTable, type BoundTable } from '../../src/gate/bound-table.js';
import { root, run } from './in-process.js';

const committed: BoundTable = JSON.parse(readFileSync(join(root, BOUND_TABLE_PATH), 'utf8'));
const options = ['--runs', '20', '--seed', '7', '--backend', 'cpu'];

/** A copy of the committed rows under the header of a run with `options`, in a file of its own. */
function tableFile(header: Partial<BoundTable> = {}): string {
  const file = join(mkdtempSync(join(tmpdir(), 'optim-oracle-')), 'error-bounds.json');
  const table = {
    ...committed,
    command: 'npx optim-oracle bounds --write --runs 20 --seed 7',
    implementation: 'optim-oracle on cpu',
    seed: 7,
    casesPerPreset: 20,
    ...header,
  };
  writeFileSync(file, `${JSON.stringify(table, null, 2)}\n`);
  return file;
}

const pair = (table: BoundTable, rule: string, preset: string) =>
  table.rows.filter((r) => r.rule === rule && r.preset === preset);

describe('bounds --rule, --preset', () => {
  it("measures a pair's rows as a run of more pairs does, and --write replaces only those rows", async () => {
    const wider = await run(['bounds', '--rule', 'sgd', ...options, '--json']);
    expect(wider.status).toBe(0);
    const measured: BoundTable = JSON.parse(wider.out);
    expect(measured.selection).toEqual({ rule: 'sgd' });
    expect(measured.command).toBe('npx optim-oracle bounds --write --runs 20 --seed 7 --rule sgd');

    const file = tableFile();
    const before: BoundTable = JSON.parse(readFileSync(file, 'utf8'));
    const bounds = boundsCommandWith({ file: () => file });
    const r = await run(['bounds', '--rule', 'sgd', '--preset', 'pytorch', ...options, '--write'], {}, [bounds]);
    expect(r.status).toBe(0);
    expect(r.out).toContain(`wrote ${file}`);
    const after: BoundTable = JSON.parse(readFileSync(file, 'utf8'));
    expect(pair(after, 'sgd', 'pytorch')).toEqual(pair(measured, 'sgd', 'pytorch'));
    // At 20 cases the measurement differs from the committed 100,000-case row: the row was replaced.
    expect(pair(after, 'sgd', 'pytorch')).not.toEqual(pair(before, 'sgd', 'pytorch'));
    const rest = (t: BoundTable) => t.rows.filter((x) => x.rule !== 'sgd' || x.preset !== 'pytorch');
    expect(rest(after)).toEqual(rest(before));
    expect(after.rows.map((x) => `${x.rule}/${x.preset}/${x.output}`)).toEqual(
      before.rows.map((x) => `${x.rule}/${x.preset}/${x.output}`),
    );
    const { rows: _a, ...headerAfter } = after;
    const { rows: _b, ...headerBefore } = before;
    expect(headerAfter).toEqual(headerBefore);
  }, 60_000);

  it("--rule keras-wrapper --write adds the wrapper stages' rows after every other row, as --json measures them", async () => {
    const measured: BoundTable = JSON.parse(
      (await run(['bounds', '--rule', 'keras-wrapper', ...options, '--json'])).out,
    );
    expect(measured.rows.map((x) => `${x.rule}/${x.preset}/${x.output}`)).toEqual([
      'keras-wrapper/keras/decayed',
      'keras-wrapper/keras/average',
    ]);
    const file = tableFile({ rows: committed.rows.filter((x) => x.rule !== 'keras-wrapper') });
    const before: BoundTable = JSON.parse(readFileSync(file, 'utf8'));
    const bounds = boundsCommandWith({ file: () => file });
    const r = await run(['bounds', '--rule', 'keras-wrapper', ...options, '--write'], {}, [bounds]);
    expect(r.status).toBe(0);
    const after: BoundTable = JSON.parse(readFileSync(file, 'utf8'));
    expect(after.rows).toEqual([...before.rows, ...measured.rows]);
  }, 60_000);

  it.each<[Partial<BoundTable>, RegExp]>([
    [{ casesPerPreset: 21 }, /21 cases per rule and preset, not 20 \(--runs\)/],
    [{ seed: 8 }, /seed 8, not 7 \(--seed\)/],
    [{ implementation: 'optim-oracle on wasm' }, /implementation 'optim-oracle on wasm', not 'optim-oracle on cpu'/],
  ])('--write refuses a table measured otherwise (%j), before measuring (exit 2)', async (header, message) => {
    const file = tableFile(header);
    const text = readFileSync(file, 'utf8');
    let measured = 0;
    const bounds = boundsCommandWith({
      file: () => file,
      measure: (...args) => (measured++, measureBoundTable(...args)),
    });
    const r = await run(['bounds', '--rule', 'sgd', '--preset', 'pytorch', ...options, '--write'], {}, [bounds]);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(measured).toBe(0);
  });

  it('--write refuses a file that is not a whole table', async () => {
    const file = tableFile({ selection: { rule: 'sgd' } });
    const bounds = boundsCommandWith({ file: () => file });
    const r = await run(['bounds', '--rule', 'sgd', ...options, '--write'], {}, [bounds]);
    expect(r.status).toBe(2);
    expect(r.err).toContain(`${file}: not a whole bounds table`);
  });

  it('merge refuses a part of the table', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'optim-oracle-')), 'part.json');
    const part = await run(['bounds', '--rule', 'sgd', '--preset', 'paper', ...options, '--json']);
    writeFileSync(file, part.out);
    const r = await run(['merge', file]);
    expect(r.status).toBe(2);
    expect(r.err).toContain(
      `${file}: a part of the table (npx optim-oracle bounds --write --runs 20 --seed 7 --rule sgd --preset paper)`,
    );
  });
});
