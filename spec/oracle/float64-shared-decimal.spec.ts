import { describe, expect, it } from 'vitest';
import { configure } from '../../core/catalogue/index.js';
import { Float64Enclosures, type F64 } from '../../oracle/float64.js';
import { SharedDecimalFloat64 } from '../../oracle/float64-shared-decimal.js';
import { entryOf } from '../../src/registry/index.js';
import { expectDecidedBy } from './decided-by.js';

const S = SharedDecimalFloat64.instance;
const F = Float64Enclosures.instance;
const width = (x: unknown) => (x as F64).hi - (x as F64).lo;

describe('binary64 with the values from constants computed in decimal', () => {
  it('encloses 1 − β for β within 10^-15 of 1 one ulp wide, where binary64 alone is 10% wide', () => {
    const beta = '0.9999999999999982';
    const plain = F.sub(F.point(1), F.point(beta));
    const refined = S.sub(S.point(1), S.point(beta));
    expect(width(plain) / 1.8e-15).toBeGreaterThan(0.05);
    expect(width(refined) / 1.8e-15).toBeLessThan(1e-15);
    expect((refined as F64).lo).toBeLessThanOrEqual(1.8e-15);
    expect((refined as F64).hi).toBeGreaterThanOrEqual(1.8e-15);
  });

  it('computes what depends on an element in binary64, as the first try does', () => {
    const oneMinus = S.sub(S.point(1), S.point('0.9'));
    const product = S.mul(oneMinus, S.fromFloat32(0.5)) as F64 & { decimal?: unknown };
    expect(product.decimal).toBeUndefined();
    expect(product).toEqual(F.mul(oneMinus as F64, F.fromFloat32(0.5)));
  });

  it('decides a LAMB step whose β1 is within 10^-15 of 1, bit for bit as the decimal ladder', () => {
    const config = configure(entryOf('lamb'), 'paper', { beta1: '0.9999999999999982' });
    const input = {
      params: Float32Array.of(0.5, -2, 3),
      grads: Float32Array.of(0.25, 1, -0.125),
      state: { m: Float32Array.of(0.1, -0.3, 2), v: Float32Array.of(1, 0.5, 4) },
      t: 3,
    };
    expectDecidedBy('refined', 1, config, input);
  });
});
