/**
 * oracle/augmentations/geometric.ts and geometric-windows.ts against TensorFlow's definitions written
 * again on arrays of words (tensorflow/python/ops/image_ops_impl.py): flip_left_right is
 * reverse(image, [1]), flip_up_down reverse(image, [0]), rot90 (_rot90_3D) transpose(reverse(image,
 * [1])) for k ≡ 1, reverse(image, [0, 1]) for k ≡ 2 and reverse(transpose(image), [1]) for k ≡ 3 (mod
 * 4); crop_to_bounding_box out(y, x) = in(y₀ + y, x₀ + x) with its asserts in their order, and
 * torchvision's crop padding with zeros; every value compared as its bits.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  centralCrop,
  cropToBoundingBox,
  flipLeftRight,
  flipUpDown,
  rot90,
  type HwcImage,
} from '../../../core/catalogue/augmentations/geometric.js';
import { configure, StepInputError } from '../../../core/catalogue/index.js';
import {
  checkBoxInside,
  cropToBoundingBoxOracle,
  flipLeftRightOracle,
  flipUpDownOracle,
  rot90Oracle,
} from '../../../oracle/augmentations/geometric.js';
import { gather } from '../../../oracle/augmentations/geometric-windows.js';
import { image, reverse, transpose, wordsOf, zeros, type Words } from './images.js';

describe('the flips and quarter turns, as TensorFlow writes them', () => {
  test.prop([image(), fc.constantFrom('keras', 'pytorch', 'tfjs' as const)])(
    'flip_left_right is reverse(image, [1]), flip_up_down reverse(image, [0])',
    (img, preset) => {
      expect(wordsOf(flipLeftRightOracle(configure(flipLeftRight, preset), img))).toEqual(reverse(wordsOf(img), [1]));
      if (preset !== 'tfjs')
        expect(wordsOf(flipUpDownOracle(configure(flipUpDown, preset), img))).toEqual(reverse(wordsOf(img), [0]));
    },
  );

  test.prop([image(), fc.integer({ min: -9, max: 9 }), fc.constantFrom('keras', 'pytorch' as const)])(
    'rot90 takes k mod 4 quarter turns counter-clockwise, as _rot90_3D composes them',
    (img, k, preset) => {
      const w = wordsOf(img);
      const expected: Words = [w, transpose(reverse(w, [1])), reverse(w, [0, 1]), reverse(transpose(w), [1])][
        ((k % 4) + 4) % 4
      ]!;
      const out = rot90Oracle(configure(rot90, preset, { k: String(k) }), img);
      expect([out.height, out.width, out.channels, out.dtype]).toEqual([
        expected.length,
        expected[0]!.length,
        img.channels,
        img.dtype,
      ]);
      expect(wordsOf(out)).toEqual(expected);
    },
  );

  it("turns numpy's example [[1, 2], [3, 4]] into [[2, 4], [1, 3]]", () => {
    const img: HwcImage = { height: 2, width: 2, channels: 1, dtype: 'uint8', data: Uint8Array.of(1, 2, 3, 4) };
    expect(Array.from(rot90Oracle(configure(rot90, 'keras'), img).data)).toEqual([2, 4, 1, 3]);
  });

  it("refuses another entry's configuration and a value that is not an image", () => {
    const img: HwcImage = { height: 1, width: 2, channels: 1, dtype: 'uint8', data: Uint8Array.of(1, 2) };
    expect(() => flipLeftRightOracle(configure(flipUpDown, 'keras'), img)).toThrow(/flip-left-right/);
    expect(() => flipUpDownOracle(configure(flipLeftRight, 'keras'), img)).toThrow(/flip-up-down/);
    expect(() => rot90Oracle(configure(centralCrop, 'keras'), img)).toThrow(/rot90/);
    const notImage = { ...img, width: 3 };
    expect(() => flipLeftRightOracle(configure(flipLeftRight, 'keras'), notImage)).toThrow(StepInputError);
    expect(() => flipUpDownOracle(configure(flipUpDown, 'keras'), notImage)).toThrow(StepInputError);
    expect(() => rot90Oracle(configure(rot90, 'keras'), notImage)).toThrow(StepInputError);
  });
});

const offset = fc.integer({ min: -3, max: 8 });
const side = fc.integer({ min: 1, max: 8 });

describe('crop_to_bounding_box', () => {
  test.prop([image(), offset, offset, side, side])(
    "is in(y₀ + y, x₀ + x) inside the image, zeros outside under 'zero-pad', and TensorFlow's asserts in order under 'error'",
    (img, y0, x0, h, w) => {
      const hyper = {
        offsetHeight: String(y0),
        offsetWidth: String(x0),
        targetHeight: String(h),
        targetWidth: String(w),
      };
      const words = wordsOf(img);
      const expected = Array.from({ length: h }, (_, y) =>
        Array.from({ length: w }, (_, x) => words[y0 + y]?.[x0 + x] ?? zeros(img.channels)),
      );
      const padded = cropToBoundingBoxOracle(configure(cropToBoundingBox, 'pytorch', hyper), img);
      expect(wordsOf(padded)).toEqual(expected);
      const asserts: [boolean, string][] = [
        [y0 >= 0, 'offset_height must be >= 0'],
        [x0 >= 0, 'offset_width must be >= 0'],
        [img.height >= h + y0, 'height must be >= target + offset'],
        [img.width >= w + x0, 'width must be >= target + offset'],
      ];
      const failed = asserts.find(([ok]) => !ok);
      const strict = () => cropToBoundingBoxOracle(configure(cropToBoundingBox, 'keras', hyper), img);
      if (failed === undefined) expect(wordsOf(strict())).toEqual(expected);
      else {
        expect(strict).toThrow(StepInputError);
        expect(strict).toThrow(`crop-to-bounding-box: ${failed[1]} (box`);
      }
    },
  );

  it('asserts that the target sizes are positive, naming the box and the image', () => {
    const box = { offsetHeight: 0, offsetWidth: 0, targetHeight: 0, targetWidth: 2 };
    expect(() => checkBoxInside('crop', box, 3, 3)).toThrow(
      'target sizes must be > 0 (box {"offsetHeight":0,"offsetWidth":0,"targetHeight":0,"targetWidth":2} on 3 × 3)',
    );
    expect(() => checkBoxInside('crop', { ...box, targetHeight: 2, targetWidth: 0 }, 3, 3)).toThrow('target sizes');
    expect(() => checkBoxInside('crop', { ...box, targetHeight: 3, targetWidth: 3 }, 3, 3)).not.toThrow();
  });
});

describe('gather', () => {
  it('refuses, as an internal error, a source outside the image', () => {
    const img: HwcImage = { height: 2, width: 3, channels: 1, dtype: 'uint8', data: new Uint8Array(6) };
    for (const source of [
      [-1, 0],
      [2, 0],
      [0, -1],
      [0, 3],
    ] as const)
      expect(() => gather(img, { height: 1, width: 1 }, () => source)).toThrow(
        `internal: source (${source[0]}, ${source[1]}) outside a 2 × 3 image`,
      );
  });
});
