/**
 * `list`, `version` and `help`: what they print, and that the help, the parser and the README name
 * the same flags.
 */
import { schedules } from '../../core/schedules/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_FLAGS, COMMANDS } from '../../src/cli/commands/index.js';
import { flagsOf } from '../../src/cli/commands/command.js';
import { parseCommand } from '../../src/cli/commands/parse.js';
import { commandHelp, overviewHelp } from '../../src/cli/help.js';
import { catalogue, regularizers } from '../../src/registry/index.js';
import { claims } from '../../src/claims/index.js';
import { gradientTransformRecords } from '../../src/registry/gradient-transforms.js';
import { root, run } from './in-process.js';

describe('list, version and help', () => {
  it('list --json shows every rule and regularizer with each preset, its hyperparameters with defaults, and its flags', async () => {
    const r = await run(['list', '--json']);
    expect(r.status).toBe(0);
    const listing = JSON.parse(r.out);
    expect(listing.rules.map((x: { name: string }) => x.name)).toEqual(
      [...catalogue, ...regularizers, ...gradientTransformRecords.map((r) => r.entry)].map((e) => e.name),
    );
    const adam = listing.rules.find((x: { name: string }) => x.name === 'adam');
    expect(adam.kind).toBe('elementwise-update');
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

  it("list schedules shows every schedule with each framework's class and defaults", async () => {
    const t = await run(['list', 'schedules']);
    expect(t.status).toBe(0);
    expect(t.out).toMatch(
      /cosine-annealing {2}Cosine annealing\n {4}pytorch {2}torch\.optim\.lr_scheduler\.CosineAnnealingLR: /,
    );
    expect(t.out).toContain('optax    optax.warmup_cosine_decay_schedule');
    expect(t.out).not.toContain('Claims');
    const j = JSON.parse((await run(['list', 'schedules', '--json'])).out);
    expect(j.schedules.map((s: { name: string }) => s.name)).toEqual(schedules.map((s) => s.name));
    const multiStep = j.schedules.find((s: { name: string }) => s.name === 'multi-step');
    expect(multiStep.presets[0].lists).toEqual({ milestones: ['30', '80'] });
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
      /--runs N\s+cases per rule and preset of the table \(default 1000, or \$OPTIM_ORACLE_RUNS\)/,
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
