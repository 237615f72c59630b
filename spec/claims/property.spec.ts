/** From a fast-check property to a verdict, and how counterexample values are printed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty, f32, formatValue, int, shortestFloat32Decimal, text } from '../../src/claims/property.js';

describe('shortestFloat32Decimal', () => {
  it('gives the shortest decimal that reads back as the same binary32', () => {
    expect(shortestFloat32Decimal(Math.fround(0.1))).toBe('0.1');
    expect(shortestFloat32Decimal(2 ** -149)).toBe('1e-45');
    expect(shortestFloat32Decimal(Math.fround(1 + 2 ** -23))).toBe('1.0000001');
    expect(shortestFloat32Decimal(-0)).toBe('-0');
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (x) =>
        Object.is(Math.fround(Number(shortestFloat32Decimal(x))), x),
      ),
    );
  });
});

describe('formatValue', () => {
  it('prints float32 values in decimal and hex, integers and names as they are', () => {
    expect(formatValue(f32('β2', 0.5))).toBe('β2 = 0.5 (0x1p-1)');
    expect(formatValue(int('t', 3))).toBe('t = 3');
    expect(formatValue(text('rule', 'adam (paper)'))).toBe('rule = adam (paper)');
  });
});

describe('checkProperty', () => {
  it('reports holds, or holds with bound when one is given, with what was measured', () => {
    const always = {
      property: fc.property(fc.integer(), (_n: number) => true),
      runs: 20,
      describe: ([n]: [number]) => [int('n', n)],
    };
    expect(checkProperty(always, { seed: 1, backend: 'none' })).toMatchObject({ verdict: 'holds', cases: 20, seed: 1 });
    expect(
      checkProperty({ ...always, bound: 'n ≤ ∞', measured: () => 'nothing' }, { seed: 1, backend: 'none', runs: 5 }),
    ).toMatchObject({ verdict: 'holds with bound', cases: 5, bound: 'n ≤ ∞', measured: 'nothing' });
  });

  it('reports refuted with the shrunk counterexample, its reason and the path that replays it', () => {
    const claim = {
      property: fc.property(fc.integer({ min: 0, max: 1000 }), (n) => n < 10),
      runs: 200,
      describe: ([n]: [number]) => [int('n', n)],
      reason: ([n]: [number]) => `${n} ≥ 10`,
    };
    const r = checkProperty(claim, { seed: 7, backend: 'none' });
    expect(r).toMatchObject({ verdict: 'refuted', counterexample: [int('n', 10)], reason: '10 ≥ 10', seed: 7 });
    const replay = checkProperty(claim, { seed: 7, backend: 'none', path: r.path! });
    expect(replay.counterexample).toEqual([int('n', 10)]);
  });

  it('reports not checked, never holds, when no case ran or none was judged', () => {
    const always = {
      property: fc.property(fc.integer(), (_n: number) => true),
      runs: 20,
      describe: ([n]: [number]) => [int('n', n)],
    };
    expect(checkProperty(always, { seed: 3, backend: 'none', path: '999999:999' })).toMatchObject({
      verdict: 'not checked',
      cases: 0,
      reason: 'not checked: --path 999999:999 leads to no case of this claim with seed 3',
    });
    expect(checkProperty({ ...always, judged: () => 0 }, { seed: 3, backend: 'none' })).toMatchObject({
      verdict: 'not checked',
      cases: 20,
      reason: 'not checked: none of its 20 cases was judged (all outside the domain the claim is checked on)',
    });
    expect(checkProperty({ ...always, judged: () => 1 }, { seed: 3, backend: 'none' })).toMatchObject({
      verdict: 'holds',
      cases: 20,
    });
  });

  it('stops at the time limit after the running case, counting the cases made', () => {
    const slow = {
      property: fc.property(fc.integer(), (_n: number) => {
        const t = performance.now();
        while (performance.now() - t < 20);
        return true;
      }),
      runs: 1000,
      describe: ([n]: [number]) => [int('n', n)],
    };
    const r = checkProperty(slow, { seed: 3, backend: 'none', timeLimitMs: 200 });
    expect(r).toMatchObject({ verdict: 'holds', interrupted: true });
    expect(r.cases).toBeGreaterThan(0);
    expect(r.cases).toBeLessThan(1000);
  });
});
