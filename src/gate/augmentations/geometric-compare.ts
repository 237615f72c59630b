/**
 * Bitwise comparison of two images: the same shape, the same dtype, and every value the same bit
 * pattern (a float32 image's 32-bit words, a uint8 image's bytes). The measure it folds into a tally
 * has bound 0: bitwise, as compare.ts reads a zero bound.
 *
 * @module
 */
import type { HwcImage } from '../../../core/catalogue/augmentations/geometric.js';
import { emptyMeasure, type Mismatch, type StepComparison } from '../compare.js';

/** The name the image output is measured under. */
export const IMAGE_OUTPUT = 'image';

const words = (image: HwcImage): ArrayLike<number> =>
  image.dtype === 'float32' ? new Uint32Array(image.data.buffer, image.data.byteOffset, image.data.length) : image.data;

const shapeText = (i: HwcImage) => `${i.height} × ${i.width} × ${i.channels} ${i.dtype}`;

/** `produced` against `oracle`: shape and dtype first, then each value's bits. */
export function compareImages(produced: HwcImage, oracle: HwcImage): StepComparison {
  const measure = emptyMeasure();
  const mismatches: Mismatch[] = [];
  const fail = (index: number, production: number, expected: number, why: string) =>
    mismatches.push({ output: IMAGE_OUTPUT, index, production, oracle: expected, bound: 0, scale: 1, why });
  if (shapeText(produced) !== shapeText(oracle) || produced.data.length !== oracle.data.length) {
    fail(-1, NaN, NaN, `shape ${shapeText(produced)}, but the oracle's is ${shapeText(oracle)}`);
  } else {
    const p = words(produced);
    const o = words(oracle);
    for (let i = 0; i < p.length; i++) {
      measure.compared += 1;
      if (p[i] !== o[i])
        fail(i, produced.data[i] ?? NaN, oracle.data[i] ?? NaN, `bits ${hex(p[i])}, but the oracle's are ${hex(o[i])}`);
    }
  }
  measure.maxRatio = mismatches.length > 0 ? Infinity : 0;
  return { outputs: { [IMAGE_OUTPUT]: measure }, mismatches };
}

const hex = (w: number | undefined) => `0x${(w ?? 0).toString(16).padStart(8, '0')}`;

/** Images side by side in words, for a failure message: shape, then the values' bits. */
export function describeImage(image: HwcImage): string {
  const shown = Array.from(words(image)).slice(0, 24).map(hex);
  return `${shapeText(image)} [${shown.join(' ')}${image.data.length > 24 ? ' …' : ''}]`;
}
