/**
 * The interpolating and colour oracles against closed forms worked by hand and the frameworks'
 * documented examples (never against production): the three coordinate conventions on 2 × 2 → 4 × 4,
 * the nearest indices, exact ties of rotation under each rounding convention, TensorFlow's
 * adjust_contrast and adjust_brightness docstring examples, the uint8 conversions, and the errors.
 */
import { describe, expect, it } from 'vitest';
import { adjustBrightness, adjustContrast } from '../../core/catalogue/augmentations/colour.js';
import type { HwcImage } from '../../core/catalogue/augmentations/geometric.js';
import { resizeBilinear, resizeNearest, rotate } from '../../core/catalogue/augmentations/interpolating.js';
import { configure, HyperparameterError, StepInputError } from '../../core/catalogue/index.js';
import { adjustBrightnessOracle, adjustContrastOracle } from '../../oracle/augmentations/colour.js';
import { ratio, roundRational } from '../../oracle/augmentations/interpolating-image.js';
import {
  nearestIndex,
  resizeBilinearOracle,
  resizeNearestOracle,
} from '../../oracle/augmentations/interpolating-resize.js';
import { rotateOracle, surdTrig } from '../../oracle/augmentations/interpolating-rotate.js';

const f32 = (height: number, width: number, channels: number, values: number[]): HwcImage => ({
  height,
  width,
  channels,
  dtype: 'float32',
  data: Float32Array.from(values),
});
const u8 = (height: number, width: number, channels: number, values: number[]): HwcImage => ({
  height,
  width,
  channels,
  dtype: 'uint8',
  data: Uint8Array.from(values),
});
const withCoordinates = (c: 'half-pixel' | 'align-corners' | 'legacy') => ({
  ...configure(resizeBilinear, 'keras'),
  flags: { coordinates: c },
});
const square = f32(2, 2, 1, [1, 2, 3, 4]);
const bilinear = (c: 'half-pixel' | 'align-corners' | 'legacy') =>
  Array.from(resizeBilinearOracle(withCoordinates(c), square, { height: 4, width: 4 }).image.data);

describe('resize, exact', () => {
  it('bilinear 2 × 2 → 4 × 4, half-pixel: positions −1/4, 1/4, 3/4, 5/4 clamped to [0, 1]', () => {
    const row = (a: number, b: number) => [a, a + (b - a) / 4, a + (3 * (b - a)) / 4, b];
    expect(bilinear('half-pixel')).toEqual([...row(1, 2), ...row(1.5, 2.5), ...row(2.5, 3.5), ...row(3, 4)]);
  });
  it('bilinear 2 × 2 → 4 × 4, legacy: positions 0, 1/2, 1, 3/2 (clamped to 1), as tfjs documents', () => {
    expect(bilinear('legacy')).toEqual([1, 1.5, 2, 2, 2, 2.5, 3, 3, 3, 3.5, 4, 4, 3, 3.5, 4, 4]);
  });
  it('bilinear 2 × 2 → 4 × 4, align-corners: positions 0, 1/3, 2/3, 1, each value correctly rounded', () => {
    const t = (k: number) => Math.fround(1 + k / 3);
    expect(bilinear('align-corners').slice(0, 4)).toEqual([1, t(1), t(2), 2]);
    expect(bilinear('align-corners')[5]).toBe(Math.fround(1 + 1 / 3 + 2 / 3));
  });
  it('nearest indices: legacy ⌊i n/m⌋, half-pixel ⌊(i + 1/2) n/m⌋, align-corners round(i (n − 1)/(m − 1)) halves up', () => {
    expect([0, 1, 2].map((i) => nearestIndex('half-pixel', 6, 3, i))).toEqual([1, 3, 5]);
    expect([0, 1, 2].map((i) => nearestIndex('legacy', 6, 3, i))).toEqual([0, 2, 4]);
    expect([0, 1, 2, 3].map((i) => nearestIndex('legacy', 2, 4, i))).toEqual([0, 0, 1, 1]);
    expect([0, 1, 2].map((i) => nearestIndex('align-corners', 2, 3, i))).toEqual([0, 1, 1]);
    expect([0, 1, 2, 3].map((i) => nearestIndex('half-pixel', 1, 4, i))).toEqual([0, 0, 0, 0]);
  });
  it('nearest keeps the dtype and copies values', () => {
    const out = resizeNearestOracle(configure(resizeNearest, 'tfjs'), u8(1, 2, 1, [9, 200]), { height: 1, width: 4 });
    expect(out.dtype).toBe('uint8');
    expect(Array.from(out.data)).toEqual([9, 9, 200, 200]);
  });
  it('rejects an empty output size', () => {
    expect(() => resizeNearestOracle(configure(resizeNearest, 'tfjs'), square, { height: 0, width: 2 })).toThrow(
      StepInputError,
    );
  });
});

describe('rotation, exact', () => {
  it('cos and sin of the multiples of 30° and 45° in closed form', () => {
    const show = (deg: number) => {
      const t = surdTrig(ratio(deg, 1));
      if (t === undefined) return undefined;
      const q = (r: { num: bigint; den: bigint }) => Number(r.num) / Number(r.den);
      return [q(t.cr), q(t.cs), q(t.sr), q(t.ss), t.root];
    };
    expect(show(90)).toEqual([0, 0, 1, 0, 2]);
    expect(show(-90)).toEqual([0, 0, -1, 0, 2]);
    expect(show(135)).toEqual([0, -1, 0, 1, 2]);
    expect(show(30)).toEqual([0, 1, 0.5, 0, 3]);
    expect(show(240)).toEqual([-0.5, 0, 0, -1, 3]);
    expect(show(17)).toBeUndefined();
  });
  it('halves round by the convention: −1/2 and 5/2 up, to even, away from zero', () => {
    const r = (n: number, rule: 'half-up' | 'half-even' | 'half-away') => Number(roundRational(ratio(n, 2), rule));
    expect([r(-1, 'half-up'), r(-1, 'half-even'), r(-1, 'half-away')]).toEqual([0, 0, -1]);
    expect([r(5, 'half-up'), r(5, 'half-even'), r(5, 'half-away')]).toEqual([3, 2, 3]);
  });
  it('a tie at 30° decides by the convention: pixel (0, 1) of a 3 × 3 image samples row 1/2 exactly', () => {
    const image = f32(3, 3, 1, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const at = (preset: 'pytorch' | 'keras') => rotateOracle(configure(rotate, preset, { angle: '30' }), image).data[3];
    expect(at('pytorch')).toBe(1); // half to even: row 0
    expect(at('keras')).toBe(4); // half away from zero: row 1
  });
  it('a tie at 45° on the diagonal through the centre (x = y, tfjs centre 3/2) is decided exactly, not enclosed forever', () => {
    const image = f32(3, 3, 1, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(rotateOracle(configure(rotate, 'tfjs', { angle: '45' }), image).data)).toEqual([
      0, 3, 0, 2, 6, 9, 4, 8, 9,
    ]);
  });
  it('an angle of 0 is the identity under every convention; the fill lands outside', () => {
    const image = u8(2, 3, 1, [1, 2, 3, 4, 5, 6]);
    for (const preset of ['tfjs', 'pytorch', 'keras'] as const)
      expect(Array.from(rotateOracle(configure(rotate, preset, { angle: '0' }), image).data)).toEqual([
        1, 2, 3, 4, 5, 6,
      ]);
    expect(Array.from(rotateOracle(configure(rotate, 'tfjs', { angle: '180', fill: '9' }), image).data)).toEqual([
      9, 9, 9, 9, 6, 5,
    ]);
  });
});

describe('brightness and contrast, exact', () => {
  const docs = f32(2, 2, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  it("TensorFlow's adjust_contrast docstring: factor 2 on [[1..3, 4..6], [7..9, 10..12]]", () => {
    const out = adjustContrastOracle(configure(adjustContrast, 'tfjs', { factor: '2' }), docs);
    expect(Array.from(out.image.data)).toEqual([-3.5, -2.5, -1.5, 2.5, 3.5, 4.5, 8.5, 9.5, 10.5, 14.5, 15.5, 16.5]);
  });
  it("TensorFlow's adjust_brightness docstring: delta 0.1 adds 0.1, each value correctly rounded", () => {
    const out = adjustBrightnessOracle(configure(adjustBrightness, 'tfjs', { delta: '0.1' }), docs);
    expect(out.image.data[0]).toBe(Math.fround(1.1));
    expect(out.image.data[11]).toBe(Math.fround(12.1));
  });
  it('uint8 under TensorFlow: ⌊255.5 (x/255 + δ)⌋ clipped, 100 with δ = 0.1 → 125; 250 → 255', () => {
    const out = adjustBrightnessOracle(configure(adjustBrightness, 'tfjs', { delta: '0.1' }), u8(1, 2, 1, [100, 250]));
    expect(Array.from(out.image.data)).toEqual([125, 255]);
  });
  it('uint8 under torchvision: grayscale ⌊2.989 + 11.74 + 3.42⌋ = 18, then ⌊x/2 + 9⌋ → 14, 19, 24', () => {
    const out = adjustContrastOracle(
      configure(adjustContrast, 'pytorch', { factor: '0.5' }),
      u8(1, 1, 3, [10, 20, 30]),
    );
    expect(Array.from(out.image.data)).toEqual([14, 19, 24]);
  });
  it('float under torchvision: brightness 1.5 clamps at 1', () => {
    const out = adjustBrightnessOracle(
      configure(adjustBrightness, 'pytorch', { factor: '1.5' }),
      f32(1, 2, 1, [0.5, 0.8]),
    );
    expect(Array.from(out.image.data)).toEqual([0.75, 1]);
  });
  it("rejects what the frameworks reject: torchvision's 2 channels and negative factors, Keras's uint8", () => {
    expect(() => adjustContrastOracle(configure(adjustContrast, 'pytorch'), f32(1, 1, 2, [0, 1]))).toThrow(
      StepInputError,
    );
    expect(() =>
      adjustContrastOracle(configure(adjustContrast, 'pytorch', { factor: '-1' }), f32(1, 1, 1, [0])),
    ).toThrow(HyperparameterError);
    expect(() => adjustContrastOracle(configure(adjustContrast, 'keras'), u8(1, 1, 1, [0]))).toThrow(StepInputError);
  });
});
