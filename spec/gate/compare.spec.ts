import { describe, expect, it } from 'vitest';
import type { UncertifiedElement } from '../../core/catalogue/index.js';
import type { ElementBound, StepBound } from '../../src/gate/bound/step-bound.js';
import {
  classOf,
  compareOutputs,
  compareStep,
  describeMismatch,
  emptyMeasure,
  inTermUnits,
  mergeMeasure,
  type OutputMeasure,
} from '../../src/gate/compare.js';

// Every figure below is worked out by hand: u = 2^-24, η = 2^-150, one unit of error is u·S + η.
const ulpAt1 = 2 ** -23;
const within = (bound: number, scale = 1): ElementBound => ({ bound, scale });
const judged = (production: number[], oracle: number[], bounds: ElementBound[], uncertified?: UncertifiedElement[]) =>
  compareOutputs({ x: production }, { x: oracle, ...(uncertified ? { uncertified } : {}) }, { x: bounds });

describe('classOf', () => {
  it('tells NaN, +∞, −∞ and finite apart, with −0 and the largest float32 finite', () => {
    expect([NaN, Infinity, -Infinity, 0, -0, 3.4028234663852886e38, -1e-45].map(classOf)).toEqual([
      'NaN',
      '+Inf',
      '-Inf',
      'finite',
      'finite',
      'finite',
      'finite',
    ]);
  });
});

describe('inTermUnits', () => {
  it('divides by u·S + η', () => {
    expect(inTermUnits(2 ** -150, 0)).toBe(1); // η alone
    expect(inTermUnits(3 * 2 ** -149, 0)).toBe(6);
    expect(inTermUnits(2 ** 77, 2 ** 100)).toBe(2); // 2^77 / (2^76 + 2^-150), η lost in float64
    expect(inTermUnits(0, 0)).toBe(0);
  });
});

describe('compareOutputs catches each way an implementation can be wrong', () => {
  it('an output of the wrong length', () => {
    const r = judged([1], [1, 2], [within(1), within(1)]);
    expect(r.mismatches).toHaveLength(1);
    expect(r.mismatches[0]).toMatchObject({
      output: 'x',
      index: -1,
      why: 'output missing or of the wrong length: production 1, oracle 2, bound 2 elements',
    });
    expect(r.outputs['x']).toEqual(emptyMeasure());
  });

  it('an output missing on either side, or a bound of another length', () => {
    const bound: StepBound = { x: [within(1)] };
    expect(compareOutputs({}, { x: [1] }, bound).mismatches[0]!.why).toBe(
      'output missing or of the wrong length: production missing, oracle 1, bound 1 elements',
    );
    expect(compareOutputs({ x: [1] }, {}, bound).mismatches[0]!.why).toBe(
      'output missing or of the wrong length: production 1, oracle missing, bound 1 elements',
    );
    expect(compareOutputs({ x: [1, 1] }, { x: [1, 1] }, bound).mismatches[0]!.why).toBe(
      'output missing or of the wrong length: production 2, oracle 2, bound 1 elements',
    );
  });

  it('a NaN where a number is due', () => {
    const r = judged([NaN], [1], [within(1)]);
    expect(r.mismatches.map((m) => m.why)).toEqual(["class NaN but the oracle's is finite"]);
    expect(r.outputs['x']).toMatchObject({ compared: 0, classified: 1, excluded: 0 });
  });

  it('a finite value where the oracle gives +∞ or −∞, with no reason in the bound', () => {
    const r = judged([1, 1], [Infinity, -Infinity], [within(Infinity), within(Infinity)]);
    expect(r.mismatches.map((m) => m.why)).toEqual([
      "class finite but the oracle's is +Inf",
      "class finite but the oracle's is -Inf",
    ]);
  });

  it('the wrong class where an input was NaN or ±∞, or a divisor zero; the right class passes and is counted', () => {
    const nonfinite: ElementBound = { bound: Infinity, scale: 1, out: 'nonfinite' };
    const zeroDivisor: ElementBound = { bound: Infinity, scale: 1, out: 'zero-divisor' };
    const r = judged(
      [NaN, 2, -Infinity, NaN],
      [NaN, NaN, Infinity, NaN],
      [nonfinite, nonfinite, zeroDivisor, zeroDivisor],
    );
    expect(r.mismatches.map((m) => [m.index, m.why])).toEqual([
      [1, "class finite but the oracle's is NaN"],
      [2, "class -Inf but the oracle's is +Inf"],
    ]);
    expect(r.outputs['x']).toMatchObject({ compared: 0, classified: 4, excluded: 0 });
  });

  it('outside the analysed domain (a NaN or ±∞ input, a zero divisor) finite values are judged by class alone', () => {
    // Found by mutation testing: without the bound's reason, a finite pair there was measured against an
    // infinite bound and counted as compared.
    const nonfinite: ElementBound = { bound: Infinity, scale: 1, out: 'nonfinite' };
    const zeroDivisor: ElementBound = { bound: Infinity, scale: 1, out: 'zero-divisor' };
    const r = judged([1, 3], [2, -5], [nonfinite, zeroDivisor]);
    expect(r.mismatches).toEqual([]);
    expect(r.outputs['x']).toMatchObject({ compared: 0, classified: 2, excluded: 0, maxRatio: 0 });
  });

  it('overflow and underflow are counted, not judged', () => {
    const r = judged(
      [5, -7],
      [Infinity, 0],
      [
        { bound: Infinity, scale: 1, out: 'overflow' },
        { bound: Infinity, scale: 1, out: 'underflow' },
      ],
    );
    expect(r.mismatches).toEqual([]);
    expect(r.outputs['x']).toMatchObject({ compared: 0, classified: 0, excluded: 2 });
  });

  it('an error just above the bound fails; one equal to it passes', () => {
    expect(judged([1 + ulpAt1], [1], [within(ulpAt1)]).mismatches).toEqual([]);
    const r = judged([1 + ulpAt1], [1], [within(ulpAt1 * (1 - 2 ** -52))]);
    expect(r.mismatches).toHaveLength(1);
    expect(r.mismatches[0]).toMatchObject({
      index: 0,
      production: 1 + ulpAt1,
      oracle: 1,
      why: 'error above the derived bound',
    });
  });

  it('−0 for +0 (and +0 for −0) where the bound is 0; the same zero passes', () => {
    const r = judged([-0, 0, 0, 3], [0, -0, 0, 3], [within(0), within(0), within(0), within(0)]);
    expect(r.mismatches.map((m) => [m.index, m.why])).toEqual([
      [0, 'not bitwise equal where the derived bound is 0'],
      [1, 'not bitwise equal where the derived bound is 0'],
    ]);
    expect(r.outputs['x']!.maxRatio).toBe(Infinity);
  });

  it('a zero of either sign passes where the bound is positive', () => {
    expect(judged([-0], [0], [within(2 ** -150)]).mismatches).toEqual([]);
  });
});

describe('compareOutputs reports the figures it measured', () => {
  it('largest error and bound in units of u·S + η, and largest error/bound', () => {
    // e0: |2 − 2^-22 − 2| = 2^-22 over u·4 = 2^-22: 1 unit; bound 3·2^-22: 3 units; ratio 1/3.
    // e1: |1 + 2^-23 − 1| = 2^-23 over u = 2^-24: 2 units; bound 2^-22: 4 units; ratio 1/2.
    // e2: exact: 0 units; bound 2^-20 over u·8 = 2^-21: 2 units; ratio 0.
    const r = judged(
      [2 - 2 ** -22, 1 + ulpAt1, 8],
      [2, 1, 8],
      [within(3 * 2 ** -22, 4), within(2 ** -22, 1), within(2 ** -20, 8)],
    );
    expect(r.mismatches).toEqual([]);
    expect(r.outputs['x']).toEqual({
      compared: 3,
      classified: 0,
      excluded: 0,
      uncertified: 0,
      maxError: 2,
      maxBound: 4,
      maxRatio: 0.5,
    });
  });

  it('the ratio of a failing element is its error over its bound', () => {
    // |1 + 3·2^-23 − 1| = 3·2^-23 over a bound of 2^-22: 1.5.
    expect(judged([1 + 3 * ulpAt1], [1], [within(2 ** -22)]).outputs['x']!.maxRatio).toBe(1.5);
  });

  it('the histogram counts each compared element once, in the bin of its err/bound', () => {
    // Bound 4 ulps at 1: errors 0, 1, 2, 4 and 8 ulps are err/bound 0, 0.25, 0.5, 1 and 2, bins 0, 2,
    // 5, 9 (closed at 1) and 10; the NaN pair is judged by class and not binned.
    const production = [1, 1 + ulpAt1, 1 + 2 * ulpAt1, 1 + 4 * ulpAt1, 1 + 8 * ulpAt1, NaN, 1];
    const oracle = [1, 1, 1, 1, 1, NaN, 1];
    const r = judged(
      production,
      oracle,
      production.map(() => within(4 * ulpAt1)),
    );
    expect(r.histograms?.['x']).toEqual([2, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1]);
    expect(r.outputs['x']).toMatchObject({ compared: 6, classified: 1 });
  });

  it('mergeMeasure adds the counts and keeps the largest figures', () => {
    const into: OutputMeasure = {
      compared: 1,
      classified: 2,
      excluded: 3,
      uncertified: 4,
      maxError: 5,
      maxBound: 1,
      maxRatio: 0.25,
    };
    mergeMeasure(into, {
      compared: 10,
      classified: 20,
      excluded: 30,
      uncertified: 40,
      maxError: 2,
      maxBound: 7,
      maxRatio: 0.5,
    });
    expect(into).toEqual({
      compared: 11,
      classified: 22,
      excluded: 33,
      uncertified: 44,
      maxError: 5,
      maxBound: 7,
      maxRatio: 0.5,
    });
  });

  it('describeMismatch gives both values in decimal and hex, the error in units, and the bound', () => {
    // |1.5 − 1| = 0.5 = 2^23 units of u·1: 8388608.
    const text = describeMismatch({
      output: 'params',
      index: 2,
      production: 1.5,
      oracle: 1,
      bound: 0.25,
      scale: 1,
      why: 'error above the derived bound',
    });
    expect(text).toBe(
      'params[2]: error above the derived bound: production 1.5 (0x1.8p+0), oracle 1 (0x1p+0), |error| 0.500000 = 8.389e+6 (u·S + η), bound 0.250000 (S = 1.00000)',
    );
  });
});

describe('an element the oracle left uncertified between two neighbours', () => {
  const mark: UncertifiedElement = { output: 'x', index: 0, below: 1, above: 1 + ulpAt1 };

  it('either neighbour passes a bitwise comparison, and nothing else does', () => {
    expect(judged([1 + ulpAt1], [1], [within(0)], [mark]).mismatches).toEqual([]);
    expect(judged([1], [1], [within(0)], [mark]).mismatches).toEqual([]);
    expect(judged([1 + 2 * ulpAt1], [1], [within(0)], [mark]).mismatches).toHaveLength(1);
  });

  it('is measured from the midpoint 1 + 2^-24 and counted', () => {
    // production 1 + 2^-23 is 2^-24 from the midpoint (1 unit), 2^-23 from the oracle's 1: within 2^-24 by the midpoint.
    const r = judged([1 + ulpAt1], [1], [within(2 ** -24)], [mark]);
    expect(r.mismatches).toEqual([]);
    expect(r.outputs['x']).toEqual({
      compared: 1,
      classified: 0,
      excluded: 0,
      uncertified: 1,
      maxError: 1,
      maxBound: 1,
      maxRatio: 1,
    });
    const tight = judged([1 + ulpAt1], [1], [within(2 ** -25)], [mark]);
    expect(tight.mismatches[0]!.why).toBe(
      'error above the derived bound (the oracle left it uncertified between 1 (0x1p+0) and 1.0000001192092896 (0x1.000002p+0); error measured from their midpoint)',
    );
  });

  it('a mark on another output or index changes nothing', () => {
    expect(
      judged(
        [1 + ulpAt1],
        [1],
        [within(2 ** -24)],
        [
          { ...mark, output: 'y' },
          { ...mark, index: 1 },
        ],
      ).outputs['x']!.uncertified,
    ).toBe(0);
  });

  it("compareStep carries the oracle step's marks, in params and state slots", () => {
    const production = { params: Float32Array.of(1 + ulpAt1), state: { m: Float32Array.of(2, 1) } };
    const oracle = {
      params: Float32Array.of(1),
      state: { m: Float32Array.of(2, 1 + ulpAt1) },
      uncertified: [
        { ...mark, output: 'params' },
        { ...mark, output: 'm', index: 1 },
      ],
    };
    const r = compareStep(production, oracle, { params: [within(0)], m: [within(0), within(0)] });
    expect(r.mismatches).toEqual([]);
    expect([r.outputs['params']!.uncertified, r.outputs['m']!.uncertified]).toEqual([1, 1]);
  });
});
