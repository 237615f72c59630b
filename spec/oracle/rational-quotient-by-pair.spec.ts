/**
 * The rational stage's quotient by a divisor with a remainder (oracle/rational-with-float64.ts's
 * quotientByPair): (q1 + r1) / (q2 + r2) = q1 / q2 + (r1 − (q1 / q2) r2) / (q2 + r2), the remainder's
 * sign known where r1 and −(q1 / q2) r2 agree and the divisor's whole is on one side of 0. And the two
 * RAdam (optax) steps of the error-bound table's 10^5 cases that the oracle left uncertified before it:
 * an unrectified θ − α m' / (1 − 0.9^t) whose θ − α m' is exactly a float32 midpoint.
 */
import { describe, expect, it } from 'vitest';
import { configure } from '../../core/catalogue/index.js';
import { RationalWithFloat64, type RationalPair } from '../../oracle/rational-with-float64.js';
import { withCertifyStages } from '../../oracle/staged.js';
import { entryOf, oracleRuleOf } from '../../src/registry/index.js';

const a = RationalWithFloat64.instance;
const pair = (e: unknown) => e as RationalPair;
/** 0.9^473,274 = 10^−21,656: 0 plus a positive remainder in the rational stage. */
const tiny = () => a.powInt(a.point('0.9'), 473_274);
/** 1 − 0.9^473,274: 1 plus a negative remainder. */
const belowOne = () => a.sub(a.point(1), tiny());

describe('a quotient by q2 + r2', () => {
  it.each([
    // 1 / (1 − ε) = 1 + ε / (1 − ε): above 1.
    ['1 / (1 − ε)', () => a.point(1), belowOne, { num: 1n, den: 1n }, 1],
    // −3 / (1 − ε) = −3 − 3ε / (1 − ε): below −3.
    ['−3 / (1 − ε)', () => a.point(-3), belowOne, { num: -3n, den: 1n }, -1],
    // 2 / (−1 + ε) = −2 − 2ε / (1 − ε): a negative divisor, below −2.
    ['2 / (−1 + ε)', () => a.point(2), () => a.sub(tiny(), a.point(1)), { num: -2n, den: 1n }, -1],
    // (1 + ε) / (1 − ε): both remainders push up.
    ['(1 + ε) / (1 − ε)', () => a.add(a.point(1), tiny()), belowOne, { num: 1n, den: 1n }, 1],
    // (1 − ε) / (1 − ε) = 1 exactly, which the remainders, of opposite pulls, cannot tell.
    ['(1 − ε) / (1 − ε)', belowOne, belowOne, { num: 1n, den: 1n }, undefined],
  ])('%s is q1 / q2 plus a remainder of the sign it has', (_, x, y, exact, sign) => {
    const r = pair(a.div(x(), y()));
    expect(r.exact).toEqual(exact);
    expect(r.restSign).toBe(sign);
    // The enclosure keeps to the remainder's side of 0 where its sign is known.
    expect(r.rest!.lo).toBeLessThanOrEqual(0);
    expect(r.rest!.hi).toBeGreaterThanOrEqual(0);
    if (sign === 1) expect(r.rest!.lo).toBe(0);
    if (sign === -1) expect(r.rest!.hi).toBe(0);
    if (sign !== undefined)
      expect(Math.max(Math.abs(r.rest!.lo), Math.abs(r.rest!.hi))).toBeLessThanOrEqual(2 ** -1070);
  });

  it('0 / (1 − ε) is exactly 0', () => {
    const r = pair(a.div(a.point(0), belowOne()));
    expect(r.exact).toEqual({ num: 0n, den: 1n });
    expect(r.rest).toEqual({ lo: 0, hi: 0 });
  });

  it('keeps a quotient of exact parts that is no double: 1 / (1 + 2^−60 + ε) = 2^60 / (2^60 + 1) − a remainder', () => {
    const r = pair(a.div(a.point(1), a.add(a.add(a.point(1), a.fromFloat32(2 ** -60)), tiny())));
    expect(r.exact.num * ((1n << 60n) + 1n)).toBe(r.exact.den << 60n);
    expect(r.restSign).toBe(-1);
    expect(r.rest!.hi).toBeLessThanOrEqual(0);
    expect(r.rest!.lo).toBeGreaterThanOrEqual(-(2 ** -1070));
  });

  it('is not a quotient of exact parts where the divisor’s exact part is 0 or its whole reaches 0', () => {
    expect(pair(a.div(a.point(1), tiny())).exact.num).toBe(0n);
    expect(pair(a.div(a.point(1), tiny())).restSign).toBeUndefined();
    const nearZero = a.add(a.point('1e-400'), tiny());
    expect(pair(nearZero).whole!.lo).toBeLessThanOrEqual(0);
    expect(pair(a.div(a.point(1), nearZero)).exact.num).toBe(0n);
    expect(pair(a.div(a.sqrt(a.point(2)), belowOne())).exact.num).toBe(0n);
  });
});

describe('RAdam (optax), unrectified, at a float32 midpoint plus α m’ 0.9^t / (1 − 0.9^t)', () => {
  const radam = oracleRuleOf('radam');
  const f32 = (xs: number[]) => Float32Array.from(xs);
  it.each([
    [
      't = 473,274, β2 = 3.5e−323: θ − α m’ is a float32 midpoint, α m’ > 0',
      { lr: '600', beta1: '0.9', beta2: '3.5e-323', eps: '1e-8', epsRoot: '1.0788543357953893e-47' },
      473_274,
      9.916486740112305,
      -0.135968416929245,
      0.031250014901161194,
    ],
    [
      't = 650,390, β2 = 9.6e−265: θ − α m’ is a float32 midpoint, α m’ > 0',
      { lr: '1', beta1: '0.9', beta2: '9.647197260971992e-265', eps: '0.001', epsRoot: '0.06' },
      650_390,
      -0.0832434818148613,
      0.1407843381166458,
      4.000003814697266,
    ],
  ] as const)('%s: decided, on the side below', (_, hyper, t, theta, g, m) => {
    const config = configure(entryOf('radam'), 'optax', hyper);
    const input = { t, params: f32([theta]), grads: f32([g]), state: { m: f32([m]), v: f32([1]) } };
    const ladder = withCertifyStages('decimal', () => radam.step(config, input));
    const mark = ladder.uncertified?.[0];
    expect(mark).toMatchObject({ output: 'params', index: 0 });
    const staged = radam.step(config, input);
    expect(staged.uncertified).toBeUndefined();
    // θ' = (θ − α m') − α m' 0.9^t / (1 − 0.9^t), and α m' > 0: just below the midpoint.
    expect(staged.params[0]).toBe(mark!.below);
  });
});
