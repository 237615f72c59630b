/**
 * src/gate/bound/exact-memo.ts: the memo of scalar-bound.ts's exact values computes each key once,
 * starts afresh when full, and keys a decimal by everything its operations depend on; and
 * scalarBoundArith's powers, roots and hyperparameters are the same with the memo as computed afresh.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ExactMemo, keyOf } from '../../../src/gate/bound/exact-memo.js';
import { scalarBoundArith as S } from '../../../src/gate/bound/scalar-bound.js';

const D40 = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

describe('ExactMemo', () => {
  it('computes a key once and returns the value kept for it', () => {
    const memo = new ExactMemo<number[]>();
    let calls = 0;
    const first = memo.get('a', () => [++calls]);
    expect(memo.get('a', () => [++calls])).toBe(first);
    expect(memo.get('b', () => [++calls])).toEqual([2]);
    expect(calls).toBe(2);
    expect(memo.size).toBe(2);
  });

  it('starts afresh at 2^14 entries, keeping the newest', () => {
    const memo = new ExactMemo<number>();
    for (let i = 0; i < 2 ** 14; i++) memo.get(String(i), () => i);
    expect(memo.size).toBe(2 ** 14);
    expect(memo.get('new', () => -1)).toBe(-1);
    expect(memo.size).toBe(1);
    expect(memo.get('0', () => 7)).toBe(7);
  });
});

describe('keyOf', () => {
  it('is one key for one value, whatever text wrote it', () => {
    expect(keyOf(new D40('1.50'))).toBe(keyOf(new D40('1.5')));
    expect(keyOf(new D40('15e-1'))).toBe(keyOf(new D40('1.5')));
  });

  it.each([
    ['−0 and 0', new D40('-0'), new D40('0')],
    ['−1 and 1', new D40('-1'), new D40('1')],
    ['digits past the precision', new D40('0.1000000000000000000000000000000000000000000001'), new D40('0.1')],
    [
      'another precision',
      new (Decimal.clone({ precision: 20, rounding: Decimal.ROUND_HALF_EVEN }))('0.9'),
      new D40('0.9'),
    ],
    ['another rounding', new (Decimal.clone({ precision: 40, rounding: Decimal.ROUND_DOWN }))('0.9'), new D40('0.9')],
  ])('tells apart %s', (_, x, y) => {
    expect(keyOf(x)).not.toBe(keyOf(y));
  });
});

describe('scalarBoundArith with the memo', () => {
  // Each operand twice, the second time from the memo: the same exact value and error as computed afresh.
  const cases = [
    ['0.9^7', () => S.powInt(S.hyper('0.9'), 7), () => new D40('0.9').pow(7)],
    ['0.999^1000000', () => S.powInt(S.hyper('0.999'), 1_000_000), () => new D40('0.999').pow(1_000_000)],
    ['0.96^0.004', () => S.pow(S.hyper('0.96'), S.hyper('0.004')), () => new D40('0.96').pow(new D40('0.004'))],
    ['√0.001', () => S.sqrt(S.hyper('0.001')), () => new D40('0.001').sqrt()],
    ['√(−0)', () => S.sqrt(S.hyper('-0')), () => new D40('-0').sqrt()],
  ] as const;

  it.each(cases)('%s', (_, f, expected) => {
    const first = f();
    const second = f();
    expect(first.x.eq(expected())).toBe(true);
    expect(second.x.eq(expected())).toBe(true);
    expect(second.err).toBe(first.err);
    expect(keyOf(second.x)).toBe(keyOf(expected()));
  });

  it('powers of one base to two exponents, and of two bases to one, are not mixed up', () => {
    expect(S.powInt(S.hyper('0.5'), 2).x.toString()).toBe('0.25');
    expect(S.powInt(S.hyper('0.5'), 3).x.toString()).toBe('0.125');
    expect(S.powInt(S.hyper('0.25'), 2).x.toString()).toBe('0.0625');
    expect(S.pow(S.hyper('4'), S.hyper('0.5')).x.toString()).toBe('2');
    expect(S.pow(S.hyper('4'), S.hyper('1.5')).x.toString()).toBe('8');
    expect(S.sqrt(S.hyper('4')).x.toString()).toBe('2');
    expect(S.sqrt(S.hyper('0.25')).x.toString()).toBe('0.5');
  });

  it('reads a hyperparameter once per text, zero exactly', () => {
    expect(S.hyper('0.1')).toBe(S.hyper('0.1'));
    expect(S.hyper('0').err).toBe(0);
    expect(S.hyper('0.10').x.eq(S.hyper('0.1').x)).toBe(true);
  });
});
