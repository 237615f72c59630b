/**
 * oracle/augmentations/colour.ts against brightness and contrast written again here in decimal.js at
 * 1,000 digits (docs/augmentation.md, section Colour; TensorFlow's adjust_brightness, AdjustContrastv2
 * and convert_image_dtype, torchvision's adjust_brightness, adjust_contrast and rgb_to_grayscale,
 * Keras 3's RandomBrightness and RandomContrast as the catalogue entries cite them). With n = H W, S_c
 * the sum of channel c and k, δ the factor and delta:
 *
 *   brightness  x + δ (tfjs, keras),  k x (pytorch)
 *   contrast    ((n x − S_c) k + S_c)/n (tfjs, keras),  (n k x + (1 − k) Σ g)/n (pytorch), g the pixel's
 *               0.2989 R + 0.587 G + 0.114 B (the channel itself for one channel)
 *
 * clipped to [0, 1] (pytorch, float32) or [0, 255] (keras) and rounded once to float32 (the quotients
 * by n are exact to 10^−999, far inside any float32 midpoint's distance but a midpoint itself, which
 * is exact). uint8 images: TensorFlow reads x/255 and writes ⌊clip(255.5 y, 0, 255)⌋, torchvision
 * floors g per pixel and writes ⌊clip(y, 0, 255)⌋; Keras's layers refuse uint8, torchvision other
 * than 1 or 3 channels and factors below 0. Errors are checked by class and message.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { adjustBrightness, adjustContrast } from '../../../core/catalogue/augmentations/colour.js';
import type { HwcImage } from '../../../core/catalogue/augmentations/geometric.js';
import { configure, ConfigurationError, HyperparameterError, StepInputError } from '../../../core/catalogue/index.js';
import { roundToFloat32 } from '../../../oracle/binary32.js';
import { adjustBrightnessOracle, adjustContrastOracle } from '../../../oracle/augmentations/colour.js';
import { D, exactD } from '../closed-forms.js';

type Preset = 'tfjs' | 'keras' | 'pytorch';
const AMOUNTS = {
  brightness: { tfjs: ['0.1', '-0.25', '25.5', '-3', '0'], pytorch: ['0', '0.5', '1', '1.5', '2.75'] },
  contrast: { tfjs: ['2', '0.5', '-1.5', '0', '1'], pytorch: ['0', '0.5', '1', '1.5', '3'] },
} as const;

const colourImage = fc
  .record({
    height: fc.integer({ min: 1, max: 4 }),
    width: fc.integer({ min: 1, max: 4 }),
    channels: fc.integer({ min: 1, max: 3 }),
    float: fc.boolean(),
  })
  .chain(({ height, width, channels, float }) =>
    fc
      .array(
        float
          ? fc.oneof(
              fc.float({ min: -2, max: 2, noNaN: true }),
              fc.float({ min: Math.fround(-1e30), max: Math.fround(1e30), noNaN: true }),
              fc.constantFrom(0, 0.5, 1, 255),
            )
          : fc.integer({ min: 0, max: 255 }),
        { minLength: height * width * channels, maxLength: height * width * channels },
      )
      .map((values): HwcImage =>
        float
          ? { height, width, channels, dtype: 'float32', data: Float32Array.from(values) }
          : { height, width, channels, dtype: 'uint8', data: Uint8Array.from(values) },
      ),
  );

const operation = fc
  .constantFrom('brightness', 'contrast' as const)
  .chain((op) =>
    fc
      .constantFrom<Preset>('tfjs', 'keras', 'pytorch')
      .chain((preset) =>
        fc
          .constantFrom(...AMOUNTS[op][preset === 'pytorch' ? 'pytorch' : 'tfjs'])
          .map((amount) => ({ op, preset, amount })),
      ),
  );

/** Channel planes of exact values, plane c in row-major pixel order. */
const planes = (img: HwcImage): D[][] =>
  Array.from({ length: img.channels }, (_, c) =>
    Array.from({ length: img.height * img.width }, (_, p) => exactD(img.data[p * img.channels + c]!)),
  );
const sum = (xs: readonly D[]): D => xs.reduce((s, x) => s.plus(x), new D(0));

/** The closed forms: each output as [numerator, denominator], planes of exact (or byte) values in. */
function adjusted(op: 'brightness' | 'contrast', preset: Preset, amount: string, img: HwcImage): [D, D][][] {
  const k = new D(amount);
  const n = img.height * img.width;
  const tensorflow = img.dtype === 'uint8' && preset !== 'pytorch';
  const p = planes(img).map((plane) => (tensorflow ? plane.map((x) => x.div(255)) : plane));
  if (op === 'brightness')
    return p.map((plane) => plane.map((x) => [preset === 'pytorch' ? k.times(x) : x.plus(k), new D(1)]));
  if (preset !== 'pytorch') {
    return p.map((plane) => {
      const s = sum(plane);
      return plane.map((x) => [x.times(n).minus(s).times(k).plus(s), new D(n)]);
    });
  }
  const [r, g, b] = p;
  const gray =
    img.channels === 1
      ? r!
      : r!.map((x, i) => {
          const v = x.times('0.2989').plus(g![i]!.times('0.587')).plus(b![i]!.times('0.114'));
          return img.dtype === 'uint8' ? v.floor() : v;
        });
  const s = sum(gray);
  return p.map((plane) => plane.map((x) => [k.times(x).times(n).plus(new D(1).minus(k).times(s)), new D(n)]));
}

/** The expected image's values in HWC order. */
function expected(op: 'brightness' | 'contrast', preset: Preset, amount: string, img: HwcImage): number[] {
  const out = adjusted(op, preset, amount, img).map((plane) =>
    plane.map(([num, den]) => {
      const y = num.div(den);
      if (img.dtype === 'uint8') {
        const scaled = preset === 'pytorch' ? y : y.times('255.5');
        return D.min(D.max(scaled, 0), 255).floor().toNumber();
      }
      const range = preset === 'pytorch' ? 1 : preset === 'keras' ? 255 : undefined;
      return roundToFloat32(range === undefined ? y : D.min(D.max(y, 0), range));
    }),
  );
  const n = img.height * img.width;
  return Array.from({ length: n * img.channels }, (_, i) => out[i % img.channels]![Math.floor(i / img.channels)]!);
}

const unsigned = (xs: ArrayLike<number>): number[] => Array.from(xs, (v) => (v === 0 ? 0 : v));

const run = (op: 'brightness' | 'contrast', preset: Preset, amount: string, img: HwcImage) =>
  op === 'brightness'
    ? adjustBrightnessOracle(
        configure(adjustBrightness, preset, preset === 'pytorch' ? { factor: amount } : { delta: amount }),
        img,
      )
    : adjustContrastOracle(configure(adjustContrast, preset, { factor: amount }), img);

describe('brightness and contrast, as written again in decimal.js', () => {
  test.prop([colourImage, operation])(
    'every value is the closed form, clipped and rounded (float32) or written back (uint8); what is refused, by name',
    (img, { op, preset, amount }) => {
      const name = `adjust-${op}`;
      if (preset === 'keras' && img.dtype === 'uint8') {
        const refused = () => run(op, preset, amount, img);
        expect(refused).toThrow(StepInputError);
        expect(refused).toThrow(`${name}: the 'value-range' convention (Keras 3's layers) takes float32 images`);
        return;
      }
      if (preset === 'pytorch' && img.channels === 2) {
        const refused = () => run(op, preset, amount, img);
        expect(refused).toThrow(StepInputError);
        expect(refused).toThrow(`${name}: torchvision's convention takes 1 or 3 channels, got 2`);
        return;
      }
      const out = run(op, preset, amount, img);
      expect([out.image.height, out.image.width, out.image.channels, out.image.dtype]).toEqual([
        img.height,
        img.width,
        img.channels,
        img.dtype,
      ]);
      expect(out.image.data).toBeInstanceOf(img.dtype === 'float32' ? Float32Array : Uint8Array);
      expect(unsigned(out.image.data)).toEqual(unsigned(expected(op, preset, amount, img)));
      expect(out.uncertified).toEqual([]);
    },
  );

  it('torchvision floors each uint8 grayscale value: [100, 100, 100] and [1, 1, 1] have g = 99 and 0, so factor 0 gives ⌊49.5⌋', () => {
    // Unfloored, g = 99.99 and 0.9999 would give ⌊50.49495⌋ = 50.
    const img: HwcImage = {
      height: 1,
      width: 2,
      channels: 3,
      dtype: 'uint8',
      data: Uint8Array.of(100, 100, 100, 1, 1, 1),
    };
    const out = adjustContrastOracle(configure(adjustContrast, 'pytorch', { factor: '0' }), img);
    expect(Array.from(out.image.data)).toEqual([49, 49, 49, 49, 49, 49]);
  });
});

describe('non-finite values', () => {
  it('TensorFlow contrast 0.1 on channels [−9, 11] and [∞, 0]: an exact 0 and 2 beside NaN (∞ − ∞), certified', () => {
    // Channel 0: m = 1, (−10)(0.1) + 1 = 0 and (10)(0.1) + 1 = 2; channel 1: m = ∞ and x − m is NaN for both.
    // binary64 leaves the exact 0 open and the exact stages refuse ∞: the decimal ladder decides it.
    const img: HwcImage = {
      height: 1,
      width: 2,
      channels: 2,
      dtype: 'float32',
      data: Float32Array.of(-9, Infinity, 11, 0),
    };
    const out = adjustContrastOracle(configure(adjustContrast, 'tfjs', { factor: '0.1' }), img);
    expect(unsigned(out.image.data)).toEqual([0, NaN, 2, NaN]);
    expect(out.uncertified).toEqual([]);
  });

  it('an exact midpoint the decimal ladder cannot decide (a mean by 3 beside ∞) is the rounding or listed under image', () => {
    // Channel 0 [1 + 2^−22, 1, 1 − 2^−23]: m = 1 + 2^−23/3, and factor 0.1 gives 0.1 x + 0.9 m = 1 + 2^−24 at pixel 0,
    // a float32 midpoint (to even: 1), then 1 + 0.3 · 2^−23 → 1 and 1 + 0.2 · 2^−23 → 1; channel 1 is NaN (∞ − ∞).
    const img: HwcImage = {
      height: 1,
      width: 3,
      channels: 2,
      dtype: 'float32',
      data: Float32Array.of(1 + 2 ** -22, Infinity, 1, 0, 1 - 2 ** -23, 0),
    };
    const out = adjustContrastOracle(configure(adjustContrast, 'tfjs', { factor: '0.1' }), img);
    const listed = new Set(out.uncertified.map((u) => u.index));
    for (const u of out.uncertified) {
      expect([u.output, u.index]).toEqual(['image', 0]);
      expect(u.below <= 1 + 2 ** -24 && 1 + 2 ** -24 <= u.above).toBe(true);
    }
    const expected = [1, NaN, 1, NaN, 1, NaN];
    expect(unsigned(out.image.data).filter((_, i) => !listed.has(i))).toEqual(
      expected.filter((_, i) => !listed.has(i)),
    );
  });
});

describe('errors', () => {
  const img: HwcImage = { height: 1, width: 1, channels: 1, dtype: 'float32', data: Float32Array.of(0.5) };
  it("torchvision's contrast refuses a factor below 0 (HyperparameterError)", () => {
    const refused = () => adjustContrastOracle(configure(adjustContrast, 'pytorch', { factor: '-1' }), img);
    expect(refused).toThrow(HyperparameterError);
    expect(refused).toThrow("adjust-contrast: factor = -1: torchvision's convention takes factors ≥ 0");
  });
  it("the grayscale mean under Keras's clip refuses uint8 as the per-channel one does", () => {
    const config = { ...configure(adjustContrast, 'pytorch'), flags: { mean: 'grayscale', clip: 'value-range' } };
    const u8: HwcImage = { height: 1, width: 1, channels: 3, dtype: 'uint8', data: Uint8Array.of(1, 2, 3) };
    expect(() => adjustContrastOracle(config, u8)).toThrow(
      "adjust-contrast: the 'value-range' convention (Keras 3's layers) takes float32 images",
    );
  });
  it("another entry's configuration and a malformed image are refused, naming the oracle", () => {
    const bad = { ...img, width: 0 } as HwcImage;
    for (const [name, oracle, own, other] of [
      [
        'adjust-brightness',
        adjustBrightnessOracle,
        configure(adjustBrightness, 'tfjs'),
        configure(adjustContrast, 'tfjs'),
      ],
      ['adjust-contrast', adjustContrastOracle, configure(adjustContrast, 'tfjs'), configure(adjustBrightness, 'tfjs')],
    ] as const) {
      const otherName = other.entry.name;
      expect(() => oracle(other, img)).toThrow(ConfigurationError);
      expect(() => oracle(other, img)).toThrow(
        `${name}: the oracle rule '${name}' (for ${name}) was given a configuration of '${otherName}'`,
      );
      expect(() => oracle(own, bad)).toThrow(StepInputError);
      expect(() => oracle(own, bad)).toThrow(`${name}: an image is {`);
    }
  });
});

describe('the refused factor', () => {
  it("is named as the hyperparameter 'factor' of adjust-contrast", () => {
    const img: HwcImage = { height: 1, width: 1, channels: 1, dtype: 'float32', data: Float32Array.of(0.5) };
    const config = configure(adjustContrast, 'pytorch', { factor: '-0.5' });
    expect(() => adjustContrastOracle(config, img)).toThrow(
      expect.objectContaining({ name: 'HyperparameterError', rule: 'adjust-contrast', parameter: 'factor' }),
    );
  });
});
