/**
 * The command line's invocations: bad ones exit 2 with a message naming what was wrong, flags win over
 * environment variables, and internal and I/O errors exit 5 and 4.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { boundsCommandWith } from '../../src/cli/commands/bounds.js';
import { boundTableFile } from '../../src/cli/bounds.js';
import { measureBoundTable } from '../../src/gate/bound-table.js';
import { root, run, sink } from './in-process.js';

const SEED_RANGE = /must be an integer from -2147483648 to 2147483647/;

describe('bad invocations get exit status 2 and a message naming what was wrong', () => {
  it.each<[string[], NodeJS.ProcessEnv, RegExp]>([
    [['check', '--write'], {}, /check does not take --write/],
    [['merge', '--runs', '5'], {}, /merge does not take --runs/],
    [['claims', '--shard', '0/2'], {}, /claims does not take --shard/],
    [['check', '--claim', 'adam-step'], {}, /check does not take --claim/],
    [['claims', '--rule', 'adam'], {}, /claims does not take --rule/],
    [['claims', '--write'], {}, /claims does not take --write/],
    [['claims', '--detail'], {}, /claims does not take --detail/],
    [['bounds', '--rule', 'adamw2'], {}, /unknown rule 'adamw2'; the table measures: sgd, momentum/],
    [['bounds', '--rule', 'nag', '--preset', 'keras'], {}, /nag has no preset 'keras'; it has paper/],
    [['bounds', '--rule', 'sgd', '--shard', '0/2'], {}, /--shard divides the whole table/],
    [['bounds', '--property', 'one-step'], {}, /bounds does not take --property/],
    [['bounds', '--path', '1:2'], {}, /bounds does not take --path/],
    [['list', '--runs', '5'], {}, /list does not take --runs/],
    [['version', '--json'], {}, /version does not take --json/],
    [['check', '--runs', '-5'], {}, /--runs must be an integer ≥ 1, got '-5'/],
    [['check', '--runs=-5'], {}, /--runs must be an integer ≥ 1, got '-5'/],
    [['check', '--runs', '0'], {}, /--runs must be an integer ≥ 1, got '0'/],
    [['check', '--runs', '1.5'], {}, /--runs must be an integer ≥ 1, got '1.5'/],
    [['check', '--runs', 'abc'], {}, /--runs must be an integer ≥ 1, got 'abc'/],
    [['check', '--runs', '9007199254740993'], {}, /--runs must be an integer ≥ 1, got '9007199254740993'/],
    [['check', '--runs'], {}, /--runs needs a value/],
    [['check', '--rule', '--json'], {}, /--rule needs a value/],
    [
      ['check', '--seed', '4294967296'],
      {},
      /--seed must be an integer from -2147483648 to 2147483647 .*got '4294967296'/,
    ],
    [['check', '--seed', '9007199254740993'], {}, /--seed must be an integer .*got '9007199254740993'/],
    [['check', '--seed', '2147483648'], {}, SEED_RANGE],
    [['check', '--seed', '-2147483649'], {}, SEED_RANGE],
    [['claims', '--seed', '1e3'], {}, /--seed must be an integer .*got '1e3'/],
    [['bounds', '--seed', '0.5'], {}, /--seed must be an integer .*got '0.5'/],
    [['check', '--frobnicate'], {}, /unknown flag '--frobnicate' for check; it takes --rule/],
    [['check', '--json=yes'], {}, /--json takes no value, got 'yes'/],
    [['check', 'adam'], {}, /check takes no arguments, got 'adam'/],
    [['check', '--backend', 'gpu'], {}, /--backend must be one of tensorflow, wasm, cpu, auto; got 'gpu'/],
    [['check', '--max-time', '0'], {}, /--max-time must be a number of seconds > 0, got '0'/],
    [['claims', '--max-time', '-1'], {}, /--max-time must be a number of seconds > 0, got '-1'/],
    [['bounds', '--max-time', 'soon'], {}, /--max-time must be a number of seconds > 0, got 'soon'/],
    [['bounds', '--shard', '2/2'], {}, /--shard takes i\/n with 0 ≤ i < n, got '2\/2'/],
    [['bounds', '--write', '--shard', '0/2'], {}, /--write takes the whole table/],
    [['bounds', '--runs', '-1'], {}, /--runs must be an integer ≥ 1, got '-1'/],
    [['list', 'rulez'], {}, /list takes rules, schedules, presets, claims or nothing, got 'rulez'/],
    [['list', 'rules', 'claims'], {}, /list takes \[rules\|schedules\|presets\|claims\], got 'claims'/],
    [
      ['train'],
      {},
      /unknown command 'train'; commands: check, gate, claims, bounds, fixtures, merge, report, list, version, help/,
    ],
    [['help', 'train'], {}, /unknown command 'train'/],
    [['--debug'], {}, /--debug goes after the command/],
    [['check', '--rule', 'adamw2'], {}, /unknown rule 'adamw2'; implemented: sgd/],
    [['check', '--preset', 'jax'], {}, /unknown preset 'jax'; known: paper, pytorch, keras, tfjs/],
    [['claims', '--claim', 'nothing'], {}, /no claim matches 'nothing'/],
    [
      ['check'],
      { OPTIM_ORACLE_SEED: '4294967296' },
      /OPTIM_ORACLE_SEED must be an integer from -2147483648 to 2147483647 .*got '4294967296'/,
    ],
    [['check'], { OPTIM_ORACLE_RUNS: 'abc' }, /OPTIM_ORACLE_RUNS must be an integer ≥ 1, got 'abc'/],
    [['bounds'], { OPTIM_ORACLE_RUNS: '-3' }, /OPTIM_ORACLE_RUNS must be an integer ≥ 1, got '-3'/],
    [
      ['claims'],
      { OPTIM_ORACLE_BACKEND: 'gpu' },
      /OPTIM_ORACLE_BACKEND must be one of tensorflow, wasm, cpu, auto; got 'gpu'/,
    ],
  ])('%j with %j', async (argv, env, message) => {
    const r = await run(argv, env);
    expect(r.err).toMatch(message);
    expect(r.status).toBe(2);
    expect(r.out).toBe('');
  });
});

describe('a flag wins over its environment variable, which is read only when the flag is absent', () => {
  it('ignores invalid variables when the flags are given', async () => {
    const r = await run(
      [
        'check',
        '--rule',
        'sgd',
        '--preset',
        'paper',
        '--property',
        'one-step',
        '--runs',
        '2',
        '--seed',
        '7',
        '--backend',
        'cpu',
        '--json',
      ],
      {
        OPTIM_ORACLE_SEED: 'abc',
        OPTIM_ORACLE_RUNS: '-1',
        OPTIM_ORACLE_BACKEND: 'gpu',
      },
    );
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ seed: 7, runs: 2, backend: 'cpu', passed: 1, failed: 0 });
  });

  it('reads the variables when the flags are absent', async () => {
    const r = await run(['check', '--rule', 'sgd', '--preset', 'paper', '--property', 'one-step', '--json'], {
      OPTIM_ORACLE_SEED: '11',
      OPTIM_ORACLE_RUNS: '3',
      OPTIM_ORACLE_BACKEND: 'cpu',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ seed: 11, runs: 3, backend: 'cpu' });
  });

  it('takes a negative seed after --seed as its value', async () => {
    const r = await run([
      'check',
      '--rule',
      'sgd',
      '--preset',
      'paper',
      '--property',
      'one-step',
      '--runs',
      '1',
      '--seed',
      '-2147483648',
      '--json',
    ]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out).seed).toBe(-(2 ** 31));
  });
});

describe('internal and I/O errors', () => {
  /** A stream whose writes fail with a plain Error: a defect, not bad usage or I/O. */
  const broken = Object.assign(new Writable({ write: (_c, _e, done) => done() }), {
    write: () => {
      throw new Error('the report could not be formatted');
    },
  });

  it('an internal error exits 5 with one line and the hint to rerun with --debug', async () => {
    const err = sink();
    const status = await main(
      ['version'],
      broken as unknown as NodeJS.WriteStream,
      err as unknown as NodeJS.WriteStream,
      {},
    );
    expect(status).toBe(5);
    expect(err.text).toBe(
      'optim-oracle: internal error: the report could not be formatted (a defect of optim-oracle; rerun with --debug for the stack)\n',
    );
  });

  it('--debug prints the stack of an internal error', async () => {
    const err = sink();
    const status = await main(
      ['version', '--debug'],
      broken as unknown as NodeJS.WriteStream,
      err as unknown as NodeJS.WriteStream,
      {},
    );
    expect(status).toBe(5);
    expect(err.text).toMatch(
      /internal error: the report could not be formatted\nError: the report could not be formatted\n\s+at /,
    );
  });

  it('bounds --write resolves fixtures/error-bounds.json from the package root', () => {
    expect(boundTableFile()).toBe(join(root, 'fixtures', 'error-bounds.json'));
  });

  it('bounds --write checks that it can write before measuring, and exits 4', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'optim-oracle-'));
    writeFileSync(join(dir, 'not-a-directory'), '');
    let [writes, measured] = [0, 0];
    const bounds = boundsCommandWith({
      file: () => join(dir, 'not-a-directory', 'error-bounds.json'),
      write: () => void writes++,
      measure: (...args) => (measured++, measureBoundTable(...args)),
    });
    const r = await run(['bounds', '--write', '--runs', '1'], {}, [bounds]);
    expect(r.status).toBe(4);
    expect(r.err).toMatch(/^optim-oracle: ENOTDIR: not a directory, '.*not-a-directory'/);
    expect(r.out).toBe('');
    expect([writes, measured]).toEqual([0, 0]);
  });

  it('bounds --write that fails to write prints the measurement, saves it to a temporary file, and exits 4', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'optim-oracle-')), 'error-bounds.json');
    const bounds = boundsCommandWith({
      file: () => file,
      write: (path) => {
        throw Object.assign(new Error(`EROFS: read-only file system, open '${path}'`), { code: 'EROFS' });
      },
    });
    // 20 cases: LAMB's first 5 one-step cases judge no parameter (norms outside the analysed domain),
    // the wrapper's first 16 (one per rule it wraps) keep no average, and a table with an output that
    // compared nothing is not written.
    const r = await run(['bounds', '--write', '--runs', '20', '--backend', 'cpu'], {}, [bounds]);
    expect(r.status).toBe(4);
    expect(r.err).toContain(`could not write ${file}: EROFS: read-only file system`);
    const saved = /saved to (\S+\.json)/.exec(r.err)?.[1];
    expect(saved).toBeDefined();
    const printed = JSON.parse(r.out.slice(r.out.indexOf('{\n')));
    expect(printed.rows.length).toBeGreaterThan(100);
    expect(JSON.parse(readFileSync(saved!, 'utf8'))).toEqual(printed);
  }, 120_000);
});
