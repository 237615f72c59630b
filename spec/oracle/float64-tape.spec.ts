import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogueEntry, PresetName, StepOutput } from '../../core/catalogue/index.js';
import { Column, trace, withoutTape } from '../../oracle/float64-tape.js';
import { evaluateTape } from '../../oracle/float64-tape-columns.js';
import { Float64Enclosures } from '../../oracle/float64.js';
import { stepCase } from '../../src/gate/arbitraries/step-case.js';
import { seedFromEnv } from '../../src/gate/seed.js';
import { oracleRuleOf, updateRecords } from '../../src/registry/index.js';

const f = Float64Enclosures.instance;

const pairs = updateRecords.flatMap((r) =>
  (Object.keys(r.entry.presets) as PresetName[]).map((p): [CatalogueEntry, PresetName] => [r.entry, p]),
);

const bits = (o: StepOutput) =>
  JSON.stringify([
    Array.from(o.params, (x) => (Object.is(x, -0) ? '-0' : String(x))),
    Object.entries(o.state).map(([k, v]) => [k, Array.from(v, (x) => (Object.is(x, -0) ? '-0' : String(x)))]),
    o.uncertified ?? [],
  ]);

describe('the tape', () => {
  it('records operations on columns and evaluates the rest once', () => {
    const traced = trace(2, (t) => t.add(t.mul(t.point('0.5'), t.point(3)), t.mul(new Column(0), new Column(1))));
    expect(traced?.tracer.operations.map((o) => o.name)).toEqual(['mul', 'add']);
    expect(traced?.tracer.width).toBe(4);
  });

  it('gives up on a formula that branches on an element value or takes its power', () => {
    expect(trace(1, (t) => (t.isZero(new Column(0)) ? 0 : 1))).toBeUndefined();
    expect(trace(1, (t) => t.isNegative(new Column(0)))).toBeUndefined();
    expect(trace(1, (t) => t.powInt(new Column(0), 3))).toBeUndefined();
    expect(trace(1, (t) => t.isZero(t.point(0)))).toEqual(expect.objectContaining({ outputs: true }));
  });

  it('computes each element as Float64Enclosures does, and marks only the elements an operation cannot decide', () => {
    // x / (0.1 y − 0.1): the divisor's enclosure straddles 0 where y = 1 (0.1 is not a double), so that
    // element cannot be decided; elsewhere the result is the per-element one.
    const formula = <E>(
      t: { sub(a: E, b: E): E; mul(a: E, b: E): E; div(a: E, b: E): E; point(v: string): E },
      x: E,
      y: E,
    ) => t.div(x, t.sub(t.mul(y, t.point('0.1')), t.point('0.1')));
    const traced = trace(2, (t) => formula<unknown>(t as never, new Column(0), new Column(1)));
    const out = traced!.outputs as Column;
    const xs = Float32Array.of(1, -3, 0, 2.5, NaN);
    const ys = Float32Array.of(2, 1, 7, 0.8999999761581421, 4);
    const { lo, hi, failed } = evaluateTape(traced!.tracer, [xs, ys], 5);
    for (let i = 0; i < 5; i++) {
      let expected: { lo: number; hi: number } | undefined;
      try {
        expected = formula<ReturnType<typeof f.point>>(f as never, f.fromFloat32(xs[i]!), f.fromFloat32(ys[i]!));
      } catch {
        expected = undefined;
      }
      if (expected === undefined) expect(failed[i]).toBe(1);
      else {
        expect(failed[i]).toBe(0);
        expect([lo[out.index]![i], hi[out.index]![i]]).toEqual([expected.lo, expected.hi]);
      }
    }
    expect(Array.from(failed)).toEqual([0, 1, 0, 0, 0]);
  });

  it.each(pairs.map(([e, p]) => [`${e.name}/${p}`, e, p] as const))(
    '%s: a step gives the same bits with and without the tape',
    (_, entry, preset) => {
      const rule = oracleRuleOf(entry.name);
      for (const c of fc.sample(stepCase(entry, preset, { nonfinite: true, maxLength: 48 }), {
        numRuns: 20,
        seed: seedFromEnv(),
      }))
        expect(bits(rule.step(c.config, c.input)), String(c)).toBe(
          bits(withoutTape(() => rule.step(c.config, c.input))),
        );
    },
  );
});
