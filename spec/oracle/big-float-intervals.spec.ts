import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configure } from '../../core/catalogue/index.js';
import {
  BigFloatIntervals,
  NAN,
  NEGATIVE_INFINITY,
  POSITIVE_INFINITY,
  roundBigIntervalToFloat32,
  type BigInterval,
} from '../../oracle/big-float-intervals.js';
import { certifiedFloat32 } from '../../oracle/certify.js';
import * as d from '../../oracle/dyadic.js';
import type { Enclosure } from '../../oracle/enclosure.js';
import { IntervalArithmetic, Undecided, type Interval } from '../../oracle/interval.js';
import { float32Value } from '../../src/gate/arbitraries/float32.js';
import { entryOf } from '../../src/registry/index.js';
import { expectDecidedBy } from './decided-by.js';

const B = BigFloatIntervals.at(160);
/** The decimal stage at 400 digits, far narrower than 160 bits: the independent reference here. */
const D = IntervalArithmetic.at(400);
const big = (x: Enclosure) => x as BigInterval;
const dec = (x: Enclosure) => x as Interval;
const value = (x: d.Dyadic) => new Decimal(d.toDecimal(x)!);

/** Operands as the rules meet them: float32 values (zeros, subnormals), decimal hyperparameters, NaN and ±∞. */
const operand = fc.oneof(
  float32Value().map((x) => ({ text: undefined, x })),
  fc
    .constantFrom('0.9', '0.999', '1e-8', '5e-324', '2e-323', '0.001', '1e-7', '-0', 'Infinity', '-Infinity', 'NaN')
    .map((text) => ({ text, x: 0 })),
);
const make = (a: { text: string | undefined; x: number }) => (arithmetic: BigFloatIntervals | IntervalArithmetic) =>
  a.text === undefined ? arithmetic.fromFloat32(a.x) : arithmetic.point(a.text);

const binary = ['add', 'sub', 'mul', 'div', 'max'] as const;
const unary = ['neg', 'abs', 'square', 'sqrt'] as const;

describe('the big-float stage (p-bit dyadic intervals of unbounded exponent)', () => {
  it('encloses what the decimal stage encloses, tightly, with the same NaN and the same signed zeros', () => {
    fc.assert(
      fc.property(operand, operand, fc.constantFrom(...binary, ...unary), (a, b, op) => {
        const run = (arithmetic: BigFloatIntervals | IntervalArithmetic) => {
          const x = make(a)(arithmetic);
          const y = make(b)(arithmetic);
          return (unary as readonly string[]).includes(op)
            ? (arithmetic[op as (typeof unary)[number]] as (u: Enclosure) => Enclosure)(x)
            : (arithmetic[op as (typeof binary)[number]] as (u: Enclosure, v: Enclosure) => Enclosure)(x, y);
        };
        let got: BigInterval;
        try {
          got = big(run(B));
        } catch (e) {
          expect(e).toBeInstanceOf(Undecided);
          return;
        }
        const want = dec(run(D));
        if (got === NAN || got === POSITIVE_INFINITY || got === NEGATIVE_INFINITY) {
          // The decimal stage's |NaN| is [0, NaN] with a NaN nearest value: compare with that value.
          expect(roundBigIntervalToFloat32(got)).toBe(certifiedFloat32(want) ?? want.near.toNumber());
          return;
        }
        const lo = value(got.lo);
        const hi = value(got.hi);
        // Both enclose the exact value, so they meet; and 160 bits hold it within 2^-155 of the larger
        // of the result and the operands (0.9 − 0.9 is an exact 0 in decimal, [−w, w] in binary).
        expect(lo.lte(want.hi) && hi.gte(want.lo)).toBe(true);
        const scale = Decimal.max(
          ...[want.hi, want.lo, dec(make(a)(D)).near, dec(make(b)(D)).near]
            .filter((x) => x.isFinite())
            .map((x) => x.abs()),
        );
        expect(hi.minus(lo).lte(scale.times(2 ** -155))).toBe(true);
        // Where both decide a float32 (a signed zero included), it is the same one.
        const ours = roundBigIntervalToFloat32(got);
        const theirs = certifiedFloat32(want);
        if (ours !== undefined && theirs !== undefined) expect(Object.is(ours, theirs)).toBe(true);
      }),
    );
  });

  it('encloses a^y where the decimal stage does, on either side of 1 and of 0, tightly', () => {
    const texts = ['0.96', '1.5', '0.5', '1', '3e-5', '7'];
    const exponents = ['0.004', '-0.75', '2.5', '0', '-40000.004', '0.75'];
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.constantFrom(...exponents),
        fc.integer({ min: 1, max: 10 ** 6 }),
        (a, y, t) => {
          // Past e^±10^4 the ends have no decimal text here (./dyadic.ts stops at 2^±20000).
          if (Math.abs(Number(y) * t * Math.log(Number(a))) > 10_000) return;
          const got = big(B.powReal(B.point(a), B.mul(B.point(y), B.point(t))));
          const want = dec(D.powReal(D.point(a), D.mul(D.point(y), D.point(t))));
          const [lo, hi] = [value(got.lo), value(got.hi)];
          expect(lo.lte(want.hi) && hi.gte(want.lo)).toBe(true);
          // a's 160-bit enclosure, relative 2^-160, moves a^y by y · 2^-160 relative; y's by y ln a · 2^-160.
          const slack = new Decimal(y)
            .abs()
            .times(t)
            .plus(1)
            .times(2 ** -155);
          expect(hi.minus(lo).lte(want.hi.abs().times(slack))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
    // Up to POW_REAL_MAX_BITS (640) a power is computed, tightly (0.96² = 0.9216); past it, left to decimal.
    const at640 = BigFloatIntervals.at(640);
    const square = big(at640.powReal(at640.point('0.96'), at640.point('2')));
    expect(value(square.lo).lte('0.9216') && value(square.hi).gte('0.9216')).toBe(true);
    expect(
      value(square.hi)
        .minus(value(square.lo))
        .lte(2 ** -630),
    ).toBe(true);
    expect(() => BigFloatIntervals.at(2560).powReal(B.point('0.96'), B.point('2'))).toThrow(Undecided);
  });

  it('keeps the sign and digits of a product that underflows binary64', () => {
    const p = B.mul(B.point('5e-324'), B.fromFloat32(2 ** -16));
    expect(B.isNegative(B.neg(p))).toBe(true);
    expect(roundBigIntervalToFloat32(big(B.neg(p)))).toBe(-0);
    const exact = new Decimal('5e-324').times(new Decimal(2).pow(-16));
    expect(value(big(p).lo).lte(exact) && value(big(p).hi).gte(exact)).toBe(true);
    expect(
      value(big(p).hi)
        .minus(value(big(p).lo))
        .lte(exact.times(2 ** -159)),
    ).toBe(true);
  });

  it('gives NaN and ±∞ where IEEE does, and leaves a sign no interval tells to the decimal stage', () => {
    const [zero, minusZero, one] = [B.fromFloat32(0), B.fromFloat32(-0), B.fromFloat32(1)];
    const [inf, minusInf] = [B.fromFloat32(Infinity), B.fromFloat32(-Infinity)];
    expect(B.sqrt(B.fromFloat32(-1))).toBe(NAN);
    expect(B.sqrt(minusInf)).toBe(NAN);
    expect(B.div(zero, minusZero)).toBe(NAN);
    expect(B.sub(inf, inf)).toBe(NAN);
    expect(B.mul(minusZero, inf)).toBe(NAN);
    expect(B.div(inf, minusInf)).toBe(NAN);
    expect(B.add(B.fromFloat32(NaN), B.point('0.9'))).toBe(NAN);
    expect(B.isZero(NAN) || B.isNegative(NAN)).toBe(false);
    expect(B.div(one, minusZero)).toBe(NEGATIVE_INFINITY);
    expect(B.div(B.point('-0.1'), minusZero)).toBe(POSITIVE_INFINITY);
    expect(B.mul(B.point('-0.1'), inf)).toBe(NEGATIVE_INFINITY);
    expect(Object.is(roundBigIntervalToFloat32(big(B.div(B.point('-0.1'), inf))), -0)).toBe(true);
    expect(B.max(minusInf, one)).toBe(one);
    const straddling = B.sub(B.point('0.1'), B.point('0.1')); // [−w, w]: 0.1 is no dyadic
    expect(() => B.mul(straddling, inf)).toThrow(Undecided);
    expect(() => B.div(one, straddling)).toThrow(Undecided);
    expect(() => B.sqrt(straddling)).toThrow(Undecided);
  });

  it('signs exact zeros as IEEE 754 does: x − x = +0, −0 + −0 = −0, −0 · 5 = −0, √−0 = −0', () => {
    const sign = (x: Enclosure) => roundBigIntervalToFloat32(big(x));
    const minusZero = B.fromFloat32(-0);
    expect(Object.is(sign(B.sub(B.fromFloat32(3), B.fromFloat32(3))), 0)).toBe(true);
    expect(Object.is(sign(B.add(minusZero, minusZero)), -0)).toBe(true);
    expect(Object.is(sign(B.mul(minusZero, B.fromFloat32(5))), -0)).toBe(true);
    expect(Object.is(sign(B.sqrt(minusZero)), -0)).toBe(true);
    expect(Object.is(sign(B.neg(B.fromFloat32(0))), -0)).toBe(true);
  });

  it("decides Adam's step at a subnormal-double learning rate, where binary64 cannot sign θ − α m̂ / (√v̂ + ε)", () => {
    // From the properties' cases (adam/pytorch, seed 20171213): θ = 0 and α = 5e-324, so θ' is a tiny
    // negative number that binary64 encloses as [−2^−1074, 2^−1074]; the decimal stage said −0.
    const config = configure(entryOf('adam'), 'pytorch', {
      lr: '5e-324',
      beta1: '0.9',
      beta2: '0.6',
      eps: '2e-323',
      weightDecay: '0',
    });
    const input = {
      params: Float32Array.of(0),
      grads: Float32Array.of(-0x1537fbc * 2 ** -32),
      state: { m: Float32Array.of(-7 * 2 ** -148), v: Float32Array.of(0) },
      t: 504_355,
    };
    expectDecidedBy('bigFloat', 1, config, input);
  });
});
