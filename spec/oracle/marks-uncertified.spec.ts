/**
 * oracle/marks.ts, the two shapes of uncertified marks the oracle's formulas report: every output of
 * one element (a regularizer's outputs at element i), or every element of one output (a clipping's
 * gradients, keyed by their index).
 */
import { describe, expect, it } from 'vitest';
import { uncertifiedAt, uncertifiedOf } from '../../oracle/marks.js';

describe('the uncertified marks of one element, or of one output', () => {
  const marks = [
    { output: '1', below: 1, above: 1 + 2 ** -23 },
    { output: '0', below: -0, above: 0 },
  ];
  const certified = { values: { 0: 0, 1: 1 }, precision: 40, uncertified: marks };

  it('at one element, under each output name', () =>
    expect(uncertifiedAt(certified, 7)).toEqual([
      { output: '1', index: 7, below: 1, above: 1 + 2 ** -23 },
      { output: '0', index: 7, below: -0, above: 0 },
    ]));

  it('of one output, at each element its key names', () =>
    expect(uncertifiedOf(certified, 'grads')).toEqual([
      { output: 'grads', index: 1, below: 1, above: 1 + 2 ** -23 },
      { output: 'grads', index: 0, below: -0, above: 0 },
    ]));
});
