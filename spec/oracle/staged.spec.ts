/**
 * oracle/staged.ts: which float32 a binary64 enclosure decides (every end case, and a property that
 * each decision is the rounding of every double in the enclosure); the stages setting; the counts per
 * label that the benchmark and `check` report, on a known mix of outcomes; and the order of the
 * float64 tries. The formulas here are scripted: each arithmetic gets the enclosure or the error the
 * test chooses, and the exact stages are told nothing (they throw Undecided), so that every path of
 * the driver is reached on purpose. Values are checked against the decimal ladder's.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { MAX_FLOAT32 } from '../../oracle/binary32.js';
import type { Arithmetic, Enclosure } from '../../oracle/enclosure.js';
import { Float64Enclosures } from '../../oracle/float64.js';
import { IntervalArithmetic, Undecided } from '../../oracle/interval.js';
import {
  certifyStaged,
  certifyStages,
  certifyStatistics,
  countFirstStageDecisions,
  decidedFloat32Between,
  fallThroughShare,
  fastStages,
  firstStageArithmetic,
  resetCertifyStatistics,
  setCertifyStages,
  withCertifyStages,
  withFastArithmetic,
  type StageCounts,
  type Stages,
} from '../../oracle/staged.js';

/** The float32 midpoint between 1 and 1 + 2^−23. */
const MID = 1 + 2 ** -24;
const TINY = 2 ** -160;

describe('decidedFloat32Between', () => {
  it.each<[string, number, number, number | 'boundary' | 'zero-sign']>([
    ['NaN', NaN, NaN, NaN],
    ['a float32 point', 1.5, 1.5, 1.5],
    ['ends that round to one float32', 1, 1 + 2 ** -30, 1],
    ['an exact tie, to even', MID, MID, 1],
    ['ends either side of a midpoint', MID - 2 ** -40, MID + 2 ** -40, 'boundary'],
    ['ends either side of the overflow threshold', MAX_FLOAT32, 2 ** 128, 'boundary'],
    ['past the overflow threshold', 2 ** 128, 2 ** 129, Infinity],
    ['−∞', -Infinity, -Infinity, -Infinity],
    ['positive, below half the least subnormal', TINY, 2 ** -151, 0],
    ['negative, below half the least subnormal', -(2 ** -151), -TINY, -0],
    ['+0, exactly', 0, 0, 0],
    ['−0, exactly', -0, -0, -0],
    ['from −0 to +0', -0, 0, 'zero-sign'],
    ['around 0', -TINY, TINY, 'zero-sign'],
    ['from +0 up', 0, TINY, 'zero-sign'],
    ['up to −0', -TINY, -0, 'zero-sign'],
  ])('%s: [%d, %d] decides %s', (_, lo, hi, expected) => {
    expect(decidedFloat32Between(lo, hi)).toBe(expected);
  });

  const end = fc.oneof(
    fc.double({ noNaN: true }),
    fc.double({ min: -(2 ** -140), max: 2 ** -140, noNaN: true }),
    fc.double({ min: 0.5, max: 2, noNaN: true }),
  );
  test.prop([end, end, fc.double({ min: 0, max: 1, noNaN: true })])(
    'a decided value is the rounding of every double in the enclosure, with the sign of every one',
    (x, y, u) => {
      const [lo, hi] = x <= y ? [x, y] : [y, x];
      const v = decidedFloat32Between(lo, hi);
      if (typeof v === 'string') return;
      const inside = Math.min(hi, Math.max(lo, lo + (hi - lo) * u));
      for (const d of [lo, inside, hi]) {
        expect(Math.fround(d)).toBe(Math.abs(v) === 0 ? Math.fround(d) : v);
        if (v === 0) expect(Object.is(v, -0) ? d < 0 || Object.is(d, -0) : d > 0 || Object.is(d, 0)).toBe(true);
      }
    },
  );
});

describe('the stages setting', () => {
  it('refuses anything but its two stages, and keeps the setting', () => {
    const before = certifyStages();
    expect(() => setCertifyStages('float64' as Stages)).toThrow(
      new RangeError("stages must be 'float64-then-decimal' or 'decimal', got float64"),
    );
    expect(certifyStages()).toBe(before);
  });

  it('returns the previous setting, and is restored after a throw', () => {
    expect(certifyStages()).toBe('float64-then-decimal');
    expect(setCertifyStages('decimal')).toBe('float64-then-decimal');
    expect(certifyStages()).toBe('decimal');
    expect(setCertifyStages('float64-then-decimal')).toBe('decimal');
    expect(() =>
      withCertifyStages('decimal', () => {
        throw new Error('inside');
      }),
    ).toThrow('inside');
    expect(certifyStages()).toBe('float64-then-decimal');
  });

  it("gives the first stage's arithmetic: none under 'decimal', an injected one while it is injected", () => {
    expect(firstStageArithmetic()).toBe(Float64Enclosures.instance);
    expect(withCertifyStages('decimal', firstStageArithmetic)).toBeUndefined();
    const injected = Float64Enclosures.refined;
    expect(withFastArithmetic(injected, firstStageArithmetic)).toBe(injected);
    expect(() =>
      withFastArithmetic(injected, () => {
        throw new Error('inside');
      }),
    ).toThrow('inside');
    expect(firstStageArithmetic()).toBe(Float64Enclosures.instance);
  });
});

type Ends = readonly [number, number];
/** A scripted formula: what each float64 try gives (ends per output, or an error thrown), and the exact values. */
interface Script<K extends string> {
  readonly plain: Record<K, Ends> | Error;
  /** The refined try's; the plain one's when absent. */
  readonly refined?: Record<K, Ends> | Error;
  /** Each output's exact value, as decimal text: what the decimal ladder evaluates. */
  readonly exact: Record<K, string>;
}

/** `script` as a formula, recording in `calls` which try ran: 'plain', 'refined' or 'exact stages' (once for a run of them). */
function scripted<K extends string>(script: Script<K>, calls: string[] = []) {
  return (a: Arithmetic): Record<K, Enclosure> => {
    const map = <V, W>(r: Record<K, V>, f: (v: V) => W) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, f(v as V)])) as Record<K, W>;
    if (a instanceof IntervalArithmetic) return map(script.exact, (text) => a.point(text));
    if (a !== Float64Enclosures.instance && a !== Float64Enclosures.refined) {
      if (calls.at(-1) !== 'exact stages') calls.push('exact stages');
      throw new Undecided('a scripted formula, for the float64 stage and the decimal ladder only');
    }
    const which = a === Float64Enclosures.instance ? 'plain' : 'refined';
    calls.push(which);
    const r = which === 'refined' ? (script.refined ?? script.plain) : script.plain;
    if (r instanceof Error) throw r;
    return map(r, ([lo, hi]) => ({ lo, hi }));
  };
}

const at = (x: number): Ends => [x, x];
const ACROSS_MID: Ends = [MID - 2 ** -40, MID + 2 ** -40];
/** Just above MID: rounds up to 1 + 2^−23. */
const ABOVE_MID = '1.0000000596046448';
const AROUND_0: Ends = [-TINY, TINY];

describe('certifyStaged counts each computation under its label', () => {
  const label = 'staged.spec mix';
  const decided = { plain: { x: at(1.5) }, exact: { x: '1.5' } };
  const mix: Array<[Script<'x'>, number]> = [
    [decided, 1.5],
    [decided, 1.5],
    [decided, 1.5],
    [{ plain: { x: ACROSS_MID }, exact: { x: ABOVE_MID } }, 1 + 2 ** -23],
    [{ plain: { x: AROUND_0 }, exact: { x: '1e-60' } }, 0],
    [{ plain: new Undecided('scripted'), exact: { x: '2' } }, 2],
    [{ plain: new TypeError('scripted'), exact: { x: '3' } }, 3],
  ];

  it('counts a known mix: decided by float64, by the driver, decimal only, and each reason to fall through', () => {
    resetCertifyStatistics();
    for (const [script, value] of mix) {
      const c = certifyStaged(label, scripted(script));
      expect(c.values.x).toBe(value);
      expect(c.uncertified).toEqual([]);
      expect(c.precision === 0).toBe('x' in script.plain && script.plain.x === decided.plain.x);
    }
    countFirstStageDecisions(label, 5);
    for (let i = 0; i < 2; i++)
      expect(withCertifyStages('decimal', () => certifyStaged(label, scripted(decided))).values.x).toBe(1.5);
    const expected: StageCounts = {
      fast: 8,
      refined: 0,
      rational: 0,
      bigFloat: 0,
      fallThrough: { boundary: 1, 'zero-sign': 1, operation: 1, error: 1 },
      decimalOnly: 2,
    };
    expect(certifyStatistics()).toEqual({ [label]: expected });
    expect(fallThroughShare(expected)).toBe(4 / 12);
  });

  it('hands out a copy, and is emptied by a reset', () => {
    resetCertifyStatistics();
    certifyStaged(label, scripted({ plain: { x: ACROSS_MID }, exact: { x: ABOVE_MID } }));
    const copy = certifyStatistics();
    const counts = copy[label] as StageCounts;
    counts.fast = 99;
    counts.fallThrough.boundary = 99;
    expect(certifyStatistics()[label]).toEqual({
      ...counts,
      fast: 0,
      fallThrough: { ...counts.fallThrough, boundary: 1 },
    });
    resetCertifyStatistics();
    expect(certifyStatistics()).toEqual({});
  });

  it('gives NaN as the share of a label that never ran staged', () => {
    resetCertifyStatistics();
    withCertifyStages('decimal', () => certifyStaged(label, scripted(decided)));
    expect(fallThroughShare(certifyStatistics()[label] as StageCounts)).toBeNaN();
  });
});

describe('fastStages', () => {
  it("gives 'zero-sign' as the reason when any open output is a zero of unknown sign", () => {
    const exact = { x: '1e-60', y: ABOVE_MID };
    expect(fastStages(scripted({ plain: { x: AROUND_0, y: ACROSS_MID }, exact }))).toEqual({ reason: 'zero-sign' });
    expect(fastStages(scripted({ plain: { x: ACROSS_MID, y: at(1) }, exact }))).toEqual({ reason: 'boundary' });
  });
});

describe('fastStages: the refined try', () => {
  const run = <K extends string>(script: Script<K>, options: Parameters<typeof fastStages>[2]) => {
    const calls: string[] = [];
    return { outcome: fastStages(scripted(script, calls), Float64Enclosures.instance, options), calls };
  };
  const openThenDecided = { plain: { x: ACROSS_MID }, refined: { x: at(1) }, exact: { x: '1' } };

  it('is not made without `refine`', () => {
    expect(run(openThenDecided, {})).toEqual({ outcome: { reason: 'boundary' }, calls: ['plain', 'exact stages'] });
  });

  it('decides what the plain try left open', () => {
    expect(run(openThenDecided, { refine: true })).toEqual({
      outcome: { values: { x: 1 }, stage: 'refined' },
      calls: ['plain', 'refined'],
    });
  });

  it('is not made when the plain one decided everything', () => {
    expect(run({ plain: { x: at(1) }, exact: { x: '1' } }, { refine: true }).calls).toEqual(['plain']);
  });

  it('follows an undecided operation, never an error, of the plain try', () => {
    const operation = { plain: new Undecided('scripted'), refined: { x: at(2) }, exact: { x: '2' } };
    expect(run(operation, { refine: true })).toEqual({
      outcome: { values: { x: 2 }, stage: 'refined' },
      calls: ['plain', 'refined'],
    });
    const error = { plain: new TypeError('scripted'), refined: { x: at(2) }, exact: { x: '2' } };
    expect(run(error, { refine: true })).toEqual({ outcome: { reason: 'error' }, calls: ['plain'] });
  });

  it('changes nothing when it fails: the exact stages follow the plain try', () => {
    const failing = { plain: new Undecided('scripted'), refined: new TypeError('scripted'), exact: { x: '2' } };
    expect(run(failing, { refine: true })).toEqual({
      outcome: { reason: 'operation' },
      calls: ['plain', 'refined', 'exact stages'],
    });
  });

  it('replaces the plain one when it leaves no more outputs open (its reason goes on), never when it leaves more', () => {
    const exact = { x: ABOVE_MID, y: '1e-60' };
    const more = { plain: { x: ACROSS_MID, y: at(1) }, refined: { x: ACROSS_MID, y: AROUND_0 }, exact };
    expect(run(more, { refine: true }).outcome).toEqual({ reason: 'boundary' });
    const asMany = { plain: { x: ACROSS_MID, y: at(1) }, refined: { x: at(1), y: AROUND_0 }, exact };
    expect(run(asMany, { refine: true }).outcome).toEqual({ reason: 'zero-sign' });
  });

  it("is the only float64 try after the caller's own plain one (`firstStageTried`)", () => {
    const options = { refine: true, firstStageTried: true };
    expect(run(openThenDecided, options)).toEqual({
      outcome: { values: { x: 1 }, stage: 'refined' },
      calls: ['refined'],
    });
    const open = { plain: { x: at(1) }, refined: { x: AROUND_0 }, exact: { x: '1e-60' } };
    expect(run(open, options)).toEqual({ outcome: { reason: 'zero-sign' }, calls: ['refined', 'exact stages'] });
    const operation = { plain: { x: at(1) }, refined: new Undecided('scripted'), exact: { x: '1' } };
    expect(run(operation, options).outcome).toEqual({ reason: 'operation' });
    const error = { plain: { x: at(1) }, refined: new TypeError('scripted'), exact: { x: '1' } };
    expect(run(error, options)).toEqual({ outcome: { reason: 'error' }, calls: ['refined'] });
  });
});
