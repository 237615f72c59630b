/**
 * Random images for the interpolating oracles' specs: those of ./images.ts with each signalling NaN
 * quieted. docs/augmentation.md takes float32 images of any bit pattern but signalling NaNs: the
 * interpolating oracles move a value through a JavaScript number, which sets the quiet bit.
 */
import type { fc } from '@fast-check/vitest';
import type { HwcImage } from '../../../core/catalogue/augmentations/geometric.js';
import { image } from './images.js';

/** An H × W × C image of either dtype, sides up to `max`, its values any bit patterns but signalling NaNs. */
export function quietImage(max = 6): fc.Arbitrary<HwcImage> {
  return image(max).map((img) => {
    if (img.dtype === 'uint8') return img;
    const words = new Uint32Array(img.data.buffer).map((w) =>
      (w & 0x7f800000) === 0x7f800000 && (w & 0x7fffff) !== 0 ? w | 0x400000 : w,
    );
    return { ...img, data: new Float32Array(words.buffer) };
  });
}
