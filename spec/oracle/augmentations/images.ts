/**
 * What the augmentation oracles' closed-form specs share: random images whose values are arbitrary bit
 * patterns (every NaN payload, −0, the infinities), and images as arrays of words, so that a pixel
 * moved by the oracle can be compared with the pixel a closed form names, bit for bit.
 */
import { fc } from '@fast-check/vitest';
import type { HwcImage } from '../../../core/catalogue/augmentations/geometric.js';

/** An image's values as words: a float32's 32 bits, or a byte. */
export type Words = readonly (readonly (readonly number[])[])[];

/** Pixel (y, x) of `image` as its C words, rows of columns; an error when its data is not its dtype's array. */
export function wordsOf(image: HwcImage): Words {
  const array = image.dtype === 'float32' ? Float32Array : Uint8Array;
  if (!(image.data instanceof array))
    throw new TypeError(`a ${image.dtype} image holding a ${image.data.constructor.name}`);
  const words =
    image.dtype === 'float32'
      ? new Uint32Array(image.data.buffer, image.data.byteOffset, image.data.length)
      : image.data;
  const C = image.channels;
  return Array.from({ length: image.height }, (_, y) =>
    Array.from({ length: image.width }, (_, x) =>
      Array.from(words.subarray((y * image.width + x) * C, (y * image.width + x + 1) * C)),
    ),
  );
}

/** The words of a pixel of zeros (+0 or byte 0). */
export const zeros = (channels: number): number[] => new Array<number>(channels).fill(0);

/** An H × W × C image of either dtype, sides up to `max`, its values any bit patterns. */
export function image(max = 6): fc.Arbitrary<HwcImage> {
  return fc
    .record({
      height: fc.integer({ min: 1, max }),
      width: fc.integer({ min: 1, max }),
      channels: fc.integer({ min: 1, max: 3 }),
      float: fc.boolean(),
    })
    .chain(({ height, width, channels, float }) =>
      fc
        .array(fc.integer({ min: 0, max: float ? 2 ** 32 - 1 : 255 }), {
          minLength: height * width * channels,
          maxLength: height * width * channels,
        })
        .map((words): HwcImage =>
          float
            ? { height, width, channels, dtype: 'float32', data: new Float32Array(Uint32Array.from(words).buffer) }
            : { height, width, channels, dtype: 'uint8', data: Uint8Array.from(words) },
        ),
    );
}

/** reverse(image, axes) of TensorFlow on words: axis 0 the rows, 1 the columns. */
export function reverse(w: Words, axes: readonly (0 | 1)[]): Words {
  const rows = axes.includes(0) ? [...w].reverse() : [...w];
  return axes.includes(1) ? rows.map((r) => [...r].reverse()) : rows;
}

/** transpose(image, [1, 0, 2]) on words. */
export function transpose(w: Words): Words {
  const width = w[0]?.length ?? 0;
  return Array.from({ length: width }, (_, x) => w.map((row) => row[x] ?? []));
}
