import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ALL_FLAGS, COMMANDS } from '../../src/cli/commands/index.js';
import { boundsCommandWith } from '../../src/cli/commands/bounds.js';
import { flagsOf, type Command } from '../../src/cli/commands/command.js';
import { parseCommand } from '../../src/cli/commands/parse.js';
import { boundTableFile } from '../../src/cli/bounds.js';
import { commandHelp, overviewHelp } from '../../src/cli/help.js';
import { progressDisplay, progressLine } from '../../src/cli/progress-display.js';
import { catalogue } from '../../core/catalogue/index.js';
import { regularizers } from '../../src/gate/regularizers/index.js';
import { claims } from '../../src/claims/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A stream that collects what is written to it. */
function sink(tty = false): Writable & { text: string; isTTY: boolean } {
  const s = Object.assign(new Writable({ write: (chunk, _e, done) => ((s.text += String(chunk)), done()) }), {
    text: '',
    isTTY: tty,
  });
  return s;
}

/** Runs the CLI in-process with its own environment and captures what it prints. */
async function run(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = {},
  commands: readonly Command[] = [],
): Promise<{ status: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const status = await main(
    argv,
    out as unknown as NodeJS.WriteStream,
    err as unknown as NodeJS.WriteStream,
    env,
    commands,
  );
  return { status, out: out.text, err: err.text };
}

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
    [['bounds', '--rule', 'adam'], {}, /bounds does not take --rule/],
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
    [['list', 'rulez'], {}, /list takes rules, presets, claims or nothing, got 'rulez'/],
    [['list', 'rules', 'claims'], {}, /list takes \[rules\|presets\|claims\], got 'claims'/],
    [['train'], {}, /unknown command 'train'; commands: check, claims, bounds, merge, list, version, help/],
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
    let writes = 0;
    const bounds = boundsCommandWith({
      file: () => join(dir, 'not-a-directory', 'error-bounds.json'),
      write: () => void writes++,
    });
    const started = performance.now();
    const r = await run(['bounds', '--write', '--runs', '1'], {}, [bounds]);
    expect(r.status).toBe(4);
    expect(r.err).toMatch(/^optim-oracle: ENOTDIR: not a directory, '.*not-a-directory'/);
    expect(r.out).toBe('');
    expect(writes).toBe(0);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('bounds --write that fails to write prints the measurement, saves it to a temporary file, and exits 4', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'optim-oracle-')), 'error-bounds.json');
    const bounds = boundsCommandWith({
      file: () => file,
      write: (path) => {
        throw Object.assign(new Error(`EROFS: read-only file system, open '${path}'`), { code: 'EROFS' });
      },
    });
    const r = await run(['bounds', '--write', '--runs', '1', '--backend', 'cpu'], {}, [bounds]);
    expect(r.status).toBe(4);
    expect(r.err).toContain(`could not write ${file}: EROFS: read-only file system`);
    const saved = /saved to (\S+\.json)/.exec(r.err)?.[1];
    expect(saved).toBeDefined();
    const printed = JSON.parse(r.out.slice(r.out.indexOf('{\n')));
    expect(printed.rows.length).toBeGreaterThan(100);
    expect(JSON.parse(readFileSync(saved!, 'utf8'))).toEqual(printed);
  }, 120_000);
});

describe('list, version and help', () => {
  it('list --json shows every rule and regularizer with each preset, its hyperparameters with defaults, and its flags', async () => {
    const r = await run(['list', '--json']);
    expect(r.status).toBe(0);
    const listing = JSON.parse(r.out);
    expect(listing.rules.map((x: { name: string }) => x.name)).toEqual(
      [...catalogue, ...regularizers].map((e) => e.name),
    );
    const adam = listing.rules.find((x: { name: string }) => x.name === 'adam');
    expect(adam.kind).toBe('update-rule');
    // PyTorch's Adam: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0 (torch/optim/adam.py).
    expect(adam.presets.find((p: { preset: string }) => p.preset === 'pytorch').hyperparameters).toEqual({
      lr: '0.001',
      beta1: '0.9',
      beta2: '0.999',
      eps: '1e-8',
      weightDecay: '0',
    });
    expect(listing.presets.find((p: { preset: string }) => p.preset === 'tfjs').rules).toContain('adadelta');
    expect(listing.claims).toHaveLength(claims.length);
  });

  it('list claims shows each claim with its expected verdict; list presets the rules of each preset', async () => {
    const c = await run(['list', 'claims']);
    expect(c.status).toBe(0);
    expect(c.out).toMatch(/adam-step\/paper-bound {2}\[refuted\]/);
    expect(c.out).not.toContain('Presets');
    const p = await run(['list', 'presets', '--json']);
    expect(Object.keys(JSON.parse(p.out))).toEqual(['presets']);
  });

  it('--version and version print the package.json version', async () => {
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    for (const argv of [['--version'], ['version']]) {
      const r = await run(argv);
      expect(r.status).toBe(0);
      expect(r.out).toBe(`optim-oracle ${version}\n`);
    }
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    '%s: the parser takes exactly the flags its help lists',
    (_name, command) => {
      const help = commandHelp(command);
      const listed = new Set([...help.matchAll(/^ {2}(?:-[a-z], )?--([a-z][a-z-]*)/gm)].map((m) => m[1]!));
      for (const flag of ALL_FLAGS) {
        const f = flagsOf(command)[flag];
        const argv = f?.type === 'string' ? [`--${flag}`, '1'] : [`--${flag}`];
        if (listed.has(flag)) expect(() => parseCommand(command, argv, ALL_FLAGS), `--${flag}`).not.toThrow();
        else
          expect(() => parseCommand(command, argv, ALL_FLAGS), `--${flag}`).toThrow(
            `${command.name} does not take --${flag}`,
          );
      }
    },
  );

  it('help lists every flag of every command, bounds defaults to 1000 runs, and the exit statuses', async () => {
    const r = await run(['help']);
    expect(r.status).toBe(0);
    for (const c of COMMANDS) for (const flag of Object.keys(flagsOf(c))) expect(r.out).toContain(`--${flag}`);
    expect(commandHelp(COMMANDS.find((c) => c.name === 'bounds')!)).toMatch(
      /--runs N\s+one-step cases per rule and preset \(default 1000, or \$OPTIM_ORACLE_RUNS\)/,
    );
    for (const status of [0, 1, 2, 3, 4, 5]) expect(r.out).toMatch(new RegExp(`^  ${status}  `, 'm'));
    for (const line of overviewHelp().split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect((await run(['check', '--help'])).out).toBe((await run(['help', 'check'])).out);
  });

  it("every flag the README's command-line section names exists, and it names every flag", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = /\n## The command line\n([\s\S]*?)\n## /.exec(readme)?.[1];
    expect(section).toBeDefined();
    const named = new Set([...section!.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]!));
    for (const flag of named) expect([...ALL_FLAGS], `--${flag}`).toContain(flag);
    for (const flag of ALL_FLAGS) expect([...named], `--${flag}`).toContain(flag);
    for (const c of COMMANDS) expect(section).toContain(`optim-oracle ${c.name}`);
  });
});

describe('the progress display', () => {
  const at = (done: number, total: number, elapsedSeconds: number) => ({
    done,
    total,
    current: `unit ${done + 1}`,
    elapsedSeconds,
  });

  it('redraws one line on a terminal with the count, the unit and the time left', () => {
    const err = sink(true);
    const d = progressDisplay(err);
    d.listener(at(0, 4, 0));
    d.listener(at(1, 4, 30));
    d.finish();
    // 30 s for one unit of four: 90 s left.
    expect(err.text).toBe('\r\x1b[2K[0/4] unit 1 · 0 s\r\x1b[2K[1/4] unit 2 · 30 s · about 1 min 30 s left\r\x1b[2K');
  });

  it('prints a plain line at most every 10 s in a log, and nothing for a short run', () => {
    const err = sink(false);
    const d = progressDisplay(err);
    for (const [done, t] of [
      [0, 0],
      [1, 4],
      [2, 9],
      [3, 11],
      [4, 15],
      [5, 21.5],
    ] as const)
      d.listener(at(done, 100, t));
    expect(err.text.split('\n').filter(Boolean)).toEqual([
      '[3/100] unit 4 · 11 s · about 5 min 56 s left', // 11 · 97 / 3 = 355.67 s
      '[5/100] unit 6 · 22 s · about 6 min 49 s left', // 21.5 · 95 / 5 = 408.5 s
    ]);
  });

  it('ends with a line that says the run is done, not a time left', () => {
    expect(progressLine({ done: 23, total: 23, current: '', elapsedSeconds: 279 })).toBe('[23/23] done · 4 min 39 s');
  });

  it('warns once when the estimate passes an hour', () => {
    const err = sink(false);
    const d = progressDisplay(err);
    d.listener(at(1, 100, 60)); // 60 s + 60 · 99 s = 6000 s
    d.listener(at(2, 100, 120));
    expect(err.text.match(/this run will take/g)).toHaveLength(1);
    expect(err.text).toContain(
      'optim-oracle: this run will take about 1 h 40 min; --max-time SECONDS stops it earlier\n',
    );
  });
});
