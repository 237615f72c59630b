/**
 * bench/options.ts, the benchmarks' command lines: defaults, counts and seeds parsed or refused with
 * the flag named, `--help`, and unknown flags refused, each refusal with the usage.
 */
import { describe, expect, it } from 'vitest';
import { benchUsage, parseBenchOptions, type BenchFlag } from '../../bench/options.js';

const flags = {
  rule: { kind: 'text', help: 'only this rule' },
  backend: { kind: 'text', default: 'wasm', help: 'the backend' },
  size: { kind: 'count', min: 1, default: 4000, help: 'elements' },
  seed: { kind: 'seed', default: 20171213, help: 'the seed' },
} as const satisfies Record<string, BenchFlag>;

const parse = (...args: string[]) => parseBenchOptions('bench', 'Measures.', flags, args);

describe('the benchmarks’ flags', () => {
  it('take their defaults when absent (a text without one stays undefined)', () => {
    expect(parse()).toEqual({
      kind: 'values',
      values: { rule: undefined, backend: 'wasm', size: 4000, seed: 20171213 },
    });
  });

  it('read counts and seeds as integers, texts as given', () => {
    expect(parse('--size', '12', '--seed=-5', '--rule', 'adam', '--backend', 'cpu')).toEqual({
      kind: 'values',
      values: { rule: 'adam', backend: 'cpu', size: 12, seed: -5 },
    });
  });

  it('refuse a count that is not an integer at least its minimum, naming the flag, with status 2 and the usage', () => {
    for (const bad of ['1e6', '0', '2.5', 'many']) {
      const r = parse('--size', bad);
      expect(r.kind).toBe('exit');
      if (r.kind !== 'exit') continue;
      expect(r.status).toBe(2);
      expect(r.text).toContain(`bench: --size must be an integer ≥ 1, got '${bad}'`);
      expect(r.text).toContain('Usage: bench [options]');
    }
  });

  it('refuse a seed outside fast-check’s 32 bits, and a negative one not written --seed=N', () => {
    const r = parse('--seed', '4294967296');
    expect(r.kind === 'exit' && r.status === 2 && r.text.includes('--seed must be an integer from')).toBe(true);
    const dash = parse('--seed', '-5');
    expect(dash.kind === 'exit' && dash.status === 2 && dash.text.includes("use '--seed=-XYZ'")).toBe(true);
  });

  it('refuse an unknown flag and a positional argument', () => {
    for (const args of [['--sise', '3'], ['adam']]) {
      const r = parse(...args);
      expect(r.kind === 'exit' ? r.status : 'values').toBe(2);
    }
  });

  it('print the help, with every flag and its default, on --help (status 0)', () => {
    expect(parse('--size', '3', '--help')).toEqual({
      kind: 'exit',
      status: 0,
      text: benchUsage('bench', 'Measures.', flags),
    });
    expect(benchUsage('bench', 'Measures.', flags).split('\n')).toEqual([
      'Usage: bench [options]',
      '',
      'Measures.',
      '',
      'Options:',
      '  --rule NAME      only this rule',
      '  --backend NAME   the backend (default wasm)',
      '  --size N         elements (default 4000)',
      '  --seed N         the seed (default 20171213)',
      '  --help           print this help',
      '',
    ]);
  });
});
