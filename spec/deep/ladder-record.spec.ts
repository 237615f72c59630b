/**
 * spec/deep/ladder-record.ts and spec/deep/recorded-ladder.ts: the text a digest is made of tells apart
 * what the deep comparison tells apart; the ladder's view of a fast output takes a decision within a
 * mark and nothing else; and a short walk recorded from the ladder is met by the fast stages, and
 * missed by a fast stage with a deliberately too-narrow multiplication (so the recorded comparison in
 * `npm test` can fail).
 */
import { describe, expect, it } from 'vitest';
import type { StepOutput } from '../../core/catalogue/index.js';
import { Float64Enclosures, type F64 } from '../../oracle/float64.js';
import { withFastArithmetic } from '../../oracle/staged.js';
import { disagreements, RecordMaker } from './fast-stage.js';
import { canonical, ladderView, marksOf, recordedValue, type RecordedMark } from './ladder-record.js';
import { recordedWalk } from './recorded-ladder.js';

/** Float64Enclosures with each product shrunk to the point nearest its exact value: no longer an enclosure. */
class TooNarrow extends Float64Enclosures {
  override mul(a: F64, b: F64): F64 {
    const r = super.mul(a, b);
    const mid = r.lo / 2 + r.hi / 2;
    return { lo: mid, hi: mid };
  }
}

const output = (params: number[], m: number[], uncertified?: StepOutput['uncertified']): StepOutput => ({
  params: Float32Array.from(params),
  state: { m: Float32Array.from(m) },
  ...(uncertified === undefined ? {} : { uncertified }),
});

describe('the text of an output that a digest is made of', () => {
  it('tells −0 from +0, keeps NaN and ±∞, and names the marks', () => {
    expect(canonical(output([0, -0], [NaN, -Infinity]))).toBe('params 0 -0\nm NaN -Infinity\nmarks \n');
    expect(canonical(output([1], [2]))).not.toBe(canonical(output([1], [2.5])));
    expect(canonical(output([1], [2], [{ output: 'm', index: 0, below: 2, above: 2.0000002384185791 }]))).toBe(
      'params 1\nm 2\nmarks m[0] 2 2.000000238418579\n',
    );
  });

  it('orders the state slots and the marks, so that equal outputs give equal text', () => {
    const a: StepOutput = { params: Float32Array.of(1), state: { v: Float32Array.of(2), m: Float32Array.of(3) } };
    const b: StepOutput = { params: Float32Array.of(1), state: { m: Float32Array.of(3), v: Float32Array.of(2) } };
    expect(canonical(a)).toBe(canonical(b));
  });

  it('records a mark with values JSON cannot hold as text, and reads them back', () => {
    const marks = marksOf(7, output([-0], [1], [{ output: 'params', index: 0, below: -0, above: Infinity }]));
    expect(marks).toEqual([{ step: 7, output: 'params', index: 0, below: '-0', above: 'Infinity', value: '-0' }]);
    expect(JSON.parse(JSON.stringify(marks))).toEqual(marks);
    expect(Object.is(recordedValue('-0'), -0)).toBe(true);
    expect(recordedValue('NaN')).toBeNaN();
    expect(recordedValue(1.5)).toBe(1.5);
  });
});

describe("the ladder's view of a fast-stage output", () => {
  const mark: RecordedMark = { step: 0, output: 'm', index: 1, below: 1, above: 1.0000001192092896, value: 1 };

  it('takes a decision within the mark as the ladder gave it, mark and value', () => {
    const fast = output([5], [2, 1.0000001192092896]);
    const ladder = output([5], [2, 1], [{ output: 'm', index: 1, below: 1, above: 1.0000001192092896 }]);
    expect(canonical(ladderView(fast, [mark]))).toBe(canonical(ladder));
  });

  it('leaves a decision outside the mark, and an output the fast stages marked themselves, as they are', () => {
    const outside = output([5], [2, 3]);
    expect(ladderView(outside, [mark]).state['m']?.[1]).toBe(3);
    const own = output([5], [2, 1.0000001192092896], [{ output: 'm', index: 1, below: 1, above: 1.0000001192092896 }]);
    expect(ladderView(own, [mark]).state['m']?.[1]).toBe(1.0000001192092896);
  });

  it('takes either zero for a zero of unknown sign', () => {
    const zero: RecordedMark = { step: 0, output: 'params', index: 0, below: '-0', above: 0, value: 0 };
    const view = ladderView(output([-0], [1]), [zero]);
    expect(Object.is(view.params[0], 0)).toBe(true);
    expect(view.uncertified).toEqual([{ output: 'params', index: 0, below: -0, above: 0 }]);
  });
});

describe('a walk recorded from the ladder', () => {
  const [rule, preset, seed, steps] = ['adam', 'pytorch', 20171213, 300] as const;
  /** The ladder's record of the walk, and what the deep comparison found on it. */
  const recorded = () => {
    const maker = new RecordMaker();
    const { found, compared } = disagreements(rule, preset, steps, seed, maker.add);
    return { found, compared, record: maker.record(compared) };
  };

  it('is met by the fast stages: the same digest over the same element-steps', () => {
    const { found, compared, record } = recorded();
    expect(found).toEqual([]);
    expect(recordedWalk(rule, preset, seed, steps, record.marks)).toEqual({ digest: record.digest, compared });
  });

  it('is missed by a fast stage with a too-narrow multiplication', () => {
    const { compared, record } = recorded();
    const wrong = withFastArithmetic(new TooNarrow(), () => recordedWalk(rule, preset, seed, steps, record.marks));
    expect(wrong.compared).toBe(compared);
    expect(wrong.digest).not.toBe(record.digest);
  });
});
