/**
 * oracle/augmentations/interpolating-image.ts, the helpers the interpolating and colour oracles
 * share, against their definitions: ⌊p/q⌋ and the nearest integer of p/q against Math.floor and
 * Math.round on small integers (exact there: p/q is rounded once and no integer or half-integer lies
 * within a rounding of it unless p/q is one), halves rounded as JavaScript's Math.round (up), C's
 * nearbyint (to even) and round (away from zero) define them; the ratio p/q with the sign on the
 * numerator; the HWC layout, value (y, x, c) at index (y W + x) C + c, of pixel and imageOf; and the
 * output size check, by class and message.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { StepInputError } from '../../../core/catalogue/index.js';
import {
  checkSize,
  floorRational,
  imageOf,
  pixel,
  ratio,
  roundRational,
  type HalfRounding,
} from '../../../oracle/augmentations/interpolating-image.js';
import { wordsOf } from './images.js';
import { quietImage } from './quiet-images.js';

const numerator = fc.integer({ min: -1000, max: 1000 });
const denominator = fc.integer({ min: 1, max: 40 });

/** The nearest integer of v by the rule: Math.round rounds halves up; nearbyint to even; round away from zero. */
function nearest(v: number, rule: HalfRounding): number {
  const up = Math.round(v) + 0; // +0 for Math.round(−0.5) = −0
  if (v + 0.5 !== up) return up; // not a half: all three agree with Math.round
  if (rule === 'half-up') return up;
  if (rule === 'half-even') return up % 2 === 0 ? up : up - 1;
  return v < 0 ? up - 1 : up;
}

describe('exact floors and roundings', () => {
  test.prop([numerator, denominator])('⌊p/q⌋ is Math.floor(p/q)', (p, q) => {
    expect(Number(floorRational(ratio(p, q)))).toBe(Math.floor(p / q));
  });

  test.prop([numerator, denominator, fc.constantFrom<HalfRounding>('half-up', 'half-even', 'half-away')])(
    'the nearest integer of p/q, halves by the rule',
    (p, q, rule) => {
      expect(Number(roundRational(ratio(p, q), rule))).toBe(nearest(p / q, rule));
    },
  );

  it('named halves and near-halves: 5/2, −5/2, 1/2, −1/2, 27/10, −27/10, 13/10, 4/2, −4/2', () => {
    const r = (p: number, q: number, rule: HalfRounding) => Number(roundRational(ratio(p, q), rule));
    expect([r(5, 2, 'half-up'), r(5, 2, 'half-even'), r(5, 2, 'half-away')]).toEqual([3, 2, 3]);
    expect([r(-5, 2, 'half-up'), r(-5, 2, 'half-even'), r(-5, 2, 'half-away')]).toEqual([-2, -2, -3]);
    expect([r(1, 2, 'half-up'), r(1, 2, 'half-even'), r(1, 2, 'half-away')]).toEqual([1, 0, 1]);
    expect([r(-1, 2, 'half-up'), r(-1, 2, 'half-even'), r(-1, 2, 'half-away')]).toEqual([0, 0, -1]);
    for (const rule of ['half-up', 'half-even', 'half-away'] as const) {
      expect([r(27, 10, rule), r(-27, 10, rule), r(13, 10, rule), r(4, 2, rule), r(-4, 2, rule)]).toEqual([
        3, -3, 1, 2, -2,
      ]);
    }
    expect([-7, -6, -5, -1, 0, 1, 5].map((p) => Number(floorRational(ratio(p, 3))))).toEqual([-3, -2, -2, -1, 0, 0, 1]);
  });

  it('ratio carries the sign on the numerator and refuses a zero denominator', () => {
    expect(ratio(3, -4)).toEqual({ num: -3n, den: 4n });
    expect(ratio(-3, -4)).toEqual({ num: 3n, den: 4n });
    expect(ratio(-3n, 4n)).toEqual({ num: -3n, den: 4n });
    expect(() => ratio(1, 0)).toThrow(RangeError);
    expect(() => ratio(1, 0)).toThrow('ratio with a zero denominator');
  });
});

describe('images in HWC order', () => {
  test.prop([quietImage(4)])('pixel(image, y, x, c) is word c of pixel (y, x)', (img) => {
    const w = wordsOf(img);
    const read = imageOf(img.height, img.width, img.channels, img.dtype, (y, x, c) => pixel(img, y, x, c));
    for (let y = 0; y < img.height; y++)
      for (let x = 0; x < img.width; x++)
        for (let c = 0; c < img.channels; c++) {
          const v = pixel(img, y, x, c);
          const word = img.dtype === 'float32' ? new Uint32Array(Float32Array.of(v).buffer)[0] : v;
          expect(word).toBe(w[y]![x]![c]);
        }
    expect(wordsOf(read)).toEqual(w);
  });

  it('imageOf writes value(y, x, c) at (y W + x) C + c into the dtype’s array', () => {
    const f = (y: number, x: number, c: number) => 100 * y + 10 * x + c + 0.5;
    const float = imageOf(2, 3, 2, 'float32', f);
    expect(float.data).toBeInstanceOf(Float32Array);
    expect(Array.from(float.data)).toEqual([0, 1, 10, 11, 20, 21, 100, 101, 110, 111, 120, 121].map((v) => v + 0.5));
    const bytes = imageOf(2, 1, 1, 'uint8', (y) => 200 + y);
    expect(bytes).toEqual({ height: 2, width: 1, channels: 1, dtype: 'uint8', data: Uint8Array.of(200, 201) });
    expect(bytes.data).toBeInstanceOf(Uint8Array);
  });
});

describe('output sizes', () => {
  it('positive safe integers pass; anything else is a StepInputError naming the size', () => {
    expect(() => checkSize('op', 1, 2 ** 53 - 1)).not.toThrow();
    for (const [h, w] of [
      [0, 1],
      [1, -2],
      [1.5, 1],
      [1, 2 ** 53],
      [NaN, 1],
      [1, Infinity],
    ]) {
      expect(() => checkSize('op', h!, w!)).toThrow(StepInputError);
      expect(() => checkSize('op', h!, w!)).toThrow(`op: the output size must be positive integers, got ${h}×${w}`);
    }
    expect(() => checkSize('op', '2' as unknown as number, 1)).toThrow(StepInputError);
  });
});
