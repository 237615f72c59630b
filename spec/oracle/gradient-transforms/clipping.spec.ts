/**
 * oracle/gradient-transforms/clipping.ts against the clippings' closed forms written again in
 * decimal.js, each rounded once to float32, with N_i = √(Σ g_i²) and N = √(Σ_i N_i²) (square roots at
 * 130 digits, so a rounding could go wrong only within 10^−129 relative of a float32 midpoint):
 * by norm g · c / max(N_i, c); by global norm g · c / max(N, c) (Keras) and g · min(c / (N + 10^−6), 1)
 * (PyTorch); by value min(max(g, −v), v). Bit for bit with the sign of every zero, under every preset,
 * nothing uncertified; the exact values (not rounded) enclose the closed forms; the errors.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { configure, type Configuration } from '../../../core/catalogue/index.js';
import { clipByGlobalNorm, clipByNorm, clipByValue } from '../../../core/catalogue/gradient-transforms/clipping.js';
import { roundToFloat32 } from '../../../oracle/binary32.js';
import {
  clipByGlobalNormExact,
  clipByNormExact,
  clipByValueExact,
  clipOracle,
  exactClipped,
  type ExactClip,
} from '../../../oracle/gradient-transforms/clipping.js';
import { APPROXIMATE, bits, D, exactD, holds, presetCases, root } from '../closed-forms.js';

const squares = (g: readonly number[]) => g.reduce((s, x) => s.plus(exactD(x).pow(2)), new D(0));

/** The clipped gradients, variable by variable, from the definitions. */
function closedForm(name: string, config: Configuration, grads: readonly (readonly number[])[]) {
  const h = config.hyper as Record<string, string>;
  const times = (g: readonly number[], k: InstanceType<typeof D>) => g.map((x) => exactD(x).times(k));
  if (name === 'clip-by-value') {
    const v = new D(h['clipValue']!);
    return grads.map((g) => g.map((x) => D.min(D.max(exactD(x), v.neg()), v)));
  }
  if (name === 'clip-by-norm') {
    const c = new D(h['clipnorm']!);
    return grads.map((g) => times(g, c.div(D.max(root(squares(g)), c))));
  }
  const c = new D(h['maxNorm']!);
  const n = root(grads.reduce((s, g) => s.plus(squares(g)), new D(0)));
  const k = config.flags['form'] === 'keras' ? c.div(D.max(n, c)) : D.min(c.div(n.plus('0.000001')), 1);
  return grads.map((g) => times(g, k));
}

const CASES = presetCases<ExactClip>([
  [clipByNormExact as ExactClip, clipByNorm],
  [clipByGlobalNormExact as ExactClip, clipByGlobalNorm],
  [clipByValueExact as ExactClip, clipByValue],
]);

const threshold = fc.constantFrom('1', '0.5', '5', '0.001', '100', '3e-30');
const float32 = fc.oneof(
  fc.float({ noNaN: true, noDefaultInfinity: true, min: Math.fround(-1e18), max: Math.fround(1e18) }),
  fc.float({ min: -4, max: 4, noNaN: true }),
  fc.constantFrom(0, -0, 2 ** -149, -1),
);
const gradients = fc.array(fc.array(float32, { maxLength: 5 }), { maxLength: 4 });

describe.each(CASES)('%s', (_, exact, base) => {
  const name = Object.keys(base.hyper)[0]!;
  test.prop([threshold, gradients])(
    'the clipped gradients are the closed forms rounded once, with the sign of every zero',
    (c, grads) => {
      const config = configure(base.entry as never, base.preset, { [name]: c });
      const out = clipOracle(
        exact,
        config,
        grads.map((g) => Float32Array.from(g)),
      );
      const expected = closedForm(exact.name, config, grads).flat().map(roundToFloat32);
      expect(bits(out.grads)).toEqual(bits(expected));
      expect(out.uncertified).toEqual([]);
    },
  );

  test.prop([threshold, gradients])('the exact clipped gradients enclose the closed forms', (c, grads) => {
    const config = configure(base.entry as never, base.preset, { [name]: c });
    const got = exactClipped(exact, config, grads).flat();
    closedForm(exact.name, config, grads)
      .flat()
      .forEach((d, k) => {
        const { lo, hi } = got[k]!;
        expect(holds(got[k]!, d, APPROXIMATE), `${lo} ≤ ${d} ≤ ${hi}`).toBe(true);
        // 80 digits by default.
        expect(new D(hi).minus(lo).lte(d.abs().times('1e-75'))).toBe(true);
      });
  });
});

describe('the clippings refuse what is not theirs', () => {
  it('a configuration of another clipping', () => {
    expect(() => clipOracle(clipByNormExact as ExactClip, configure(clipByValue, 'keras'), [])).toThrow(/clip-by-norm/);
  });

  it('takes gradients as decimal text too, exactly: 0.1 is not rounded to a float32 first', () => {
    const config = configure(clipByValue, 'keras', { clipValue: '1' });
    const [clipped] = exactClipped(clipByValueExact as ExactClip, config, [['0.1', '-3']]);
    expect(clipped!.map((x) => [x.lo.toString(), x.hi.toString()])).toEqual([
      ['0.1', '0.1'],
      ['-1', '-1'],
    ]);
  });

  it('no variables, no gradients; an empty variable has norm 0', () => {
    expect(clipOracle(clipByNormExact as ExactClip, configure(clipByNorm, 'keras'), []).grads).toEqual(
      new Float32Array(0),
    );
    const out = clipOracle(clipByNormExact as ExactClip, configure(clipByNorm, 'keras', { clipnorm: '1' }), [
      new Float32Array(0),
      Float32Array.of(3, 4),
    ]);
    expect(Array.from(out.grads)).toEqual([Math.fround(0.6), Math.fround(0.8)]);
  });
});
