/**
 * oracle/schedules/cos-pi.ts, step 2 of its proof: every rational x reduces to an r in [0, ¼] (where
 * step 4's remainder bound holds) with cos(π x) = ±cos(π r) or ±sin(π r), checked against decimal.js's
 * cos at 80 digits (within 10^−50), or to the exact value at Niven's points, and only there.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect } from 'vitest';
import { reduceArgument } from '../../../oracle/schedules/cos-pi.js';
import { ratio } from '../../../oracle/schedules/rational.js';

const D = Decimal.clone({ precision: 80 });
const PI = D.acos(-1);

describe('the reduction of cos(π x)', () => {
  test.prop([fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }), fc.bigInt({ min: 1n, max: 1000n })])(
    'lands in [0, ¼] with the identity that keeps the value, or on an exact value at Niven points only',
    (n, d) => {
      const x = ratio(n, d);
      const reduced = reduceArgument(x);
      const expected = D.cos(PI.times(x.num.toString()).div(x.den.toString()));
      // 6x an integer whose cos(π x) is rational: x ≡ 0, ±⅓, ±½, ±⅔, 1 (mod 2).
      const sixths = (6n * x.num) % x.den === 0n ? ((((6n * x.num) / x.den) % 12n) + 12n) % 12n : undefined;
      const niven = sixths !== undefined && [0n, 2n, 3n, 4n, 6n, 8n, 9n, 10n].includes(sixths);
      if ('exact' in reduced) {
        expect(niven).toBe(true);
        expect(expected.minus(reduced.exact).abs().lt('1e-50')).toBe(true);
        return;
      }
      expect(niven).toBe(false);
      const r = new D(reduced.rNum.toString()).div(reduced.rDen.toString());
      expect(r.gte(0) && r.lte(0.25), `r = ${r}`).toBe(true);
      const value = reduced.sine ? D.sin(PI.times(r)) : D.cos(PI.times(r));
      expect((reduced.negate ? value.neg() : value).minus(expected).abs().lt('1e-50')).toBe(true);
    },
  );
});
