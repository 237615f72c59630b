/**
 * The in-process gate: the README's example (examples/gate/my-adam.mjs, the same text) passes; an
 * asynchronous implementation is awaited; a planted bug fails with a replay that reproduces it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Configuration, State, StepInput } from '../../core/catalogue/index.js';
import { gate, type GateTarget } from '../../src/runs/gate.js';
import { root } from '../cli/in-process.js';

const example = join(root, 'examples/gate/my-adam.mjs');

/** Plain Adam as PyTorch documents it, each element in float64, stored as float32; `bug` plants one. */
function adam(bug?: 'eps-inside-root'): GateTarget {
  return {
    name: bug ?? 'adam',
    rules: { adam: ['pytorch'] },
    init: (_c: Configuration, p: Float32Array): State => ({
      m: new Float32Array(p.length),
      v: new Float32Array(p.length),
    }),
    step: async (config: Configuration, { params, grads, state, t }: StepInput) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const [lr, b1, b2, eps, wd] = ['lr', 'beta1', 'beta2', 'eps', 'weightDecay'].map((k) =>
        Number((config.hyper as Record<string, string>)[k] ?? '0'),
      ) as [number, number, number, number, number];
      const g = wd === 0 ? grads : grads.map((gi, i) => gi + wd * params[i]!); // PyTorch skips λ = 0 (0 · ∞)
      const m = state['m']!.map((mi, i) => b1 * mi + (1 - b1) * g[i]!);
      const v = state['v']!.map((vi, i) => b2 * vi + (1 - b2) * g[i]! * g[i]!);
      const root = (i: number) =>
        bug === 'eps-inside-root' ? Math.sqrt(v[i]! / (1 - b2 ** t) + eps) : Math.sqrt(v[i]! / (1 - b2 ** t)) + eps;
      return { params: params.map((p, i) => p - (lr * m[i]!) / (1 - b1 ** t) / root(i)), state: { m, v } };
    },
  };
}

describe('gate', () => {
  it("the README's example is examples/gate/my-adam.mjs, and it passes", async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const code = readFileSync(example, 'utf8');
    expect(readme).toContain(code);
    expect(code.trimEnd().split('\n').length).toBeLessThan(20);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await import(example);
      expect(String(log.mock.calls[0]?.[0])).toMatch(/\n2 passed, 0 failed/);
      expect(process.exitCode ?? 0).toBe(0);
    } finally {
      log.mockRestore();
    }
  });

  it('awaits an asynchronous implementation, judging every property of the full domain', async () => {
    const report = await gate(adam(), { runs: 20, domain: 'full' });
    expect(report.results[0]?.properties.map((p) => [p.name, p.passed, p.judged > 0])).toEqual([
      ['one-step', true, true],
      ['one-step-nonfinite', true, true],
      ['trajectory', true, true],
    ]);
  });

  it('fails ε inside the root, and the replay it prints reproduces the counterexample', async () => {
    const report = await gate(adam('eps-inside-root'), { runs: 50, property: 'one-step' });
    const failed = report.results[0]?.properties[0];
    expect(failed?.passed).toBe(false);
    expect(failed?.replay).toMatch(
      /^gate\(eps-inside-root, \{ seed: \d+, path: '[\d:]+', rule: 'adam', preset: 'pytorch', property: 'one-step', runs: 50 \}\)$/,
    );
    const again = await gate(adam('eps-inside-root'), {
      runs: 50,
      property: 'one-step',
      seed: failed?.seed ?? 0,
      path: failed?.path ?? '',
    });
    expect(again.results[0]?.properties[0]?.counterexample).toBe(failed?.counterexample);
  });
});
