/**
 * The one primitive of the exact geometric operations: an output image whose pixel (y, x) is the
 * input pixel a source map names, or zero where it names none. Values are copied as bit patterns
 * (a float32 image through its 32-bit words), never through arithmetic, so −0, the infinities and
 * every NaN payload come out as they went in; a padded pixel is +0 (bits 0).
 *
 * @module
 */
import type { HwcImage, HwcShape } from '../../core/catalogue/augmentations/geometric.js';
import { required } from '../../core/required.js';

/** Where output pixel (y, x) comes from: an input row and column, or undefined for a zero. */
export type SourceMap = (y: number, x: number) => readonly [number, number] | undefined;

/** The words of an image's data: 32-bit for float32 (its bit patterns), bytes for uint8. */
function words(image: HwcImage): Uint32Array | Uint8Array {
  return image.dtype === 'float32'
    ? new Uint32Array(image.data.buffer, image.data.byteOffset, image.data.length)
    : image.data;
}

/** An image of `shape` and `image`'s dtype whose pixel (y, x, c) is in(source(y, x), c), or 0. */
export function gather(image: HwcImage, shape: Omit<HwcShape, 'channels'>, source: SourceMap): HwcImage {
  const { height, width } = shape;
  const C = image.channels;
  const input = words(image);
  const out = image.dtype === 'float32' ? new Uint32Array(height * width * C) : new Uint8Array(height * width * C);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = source(y, x);
      if (s === undefined) continue;
      const [sy, sx] = s;
      if (sy < 0 || sy >= image.height || sx < 0 || sx >= image.width)
        throw new RangeError(`internal: source (${sy}, ${sx}) outside a ${image.height} × ${image.width} image`);
      const from = (sy * image.width + sx) * C;
      const to = (y * width + x) * C;
      for (let c = 0; c < C; c++) out[to + c] = required(input[from + c], 'an input word');
    }
  }
  return image.dtype === 'float32'
    ? { height, width, channels: C, dtype: 'float32', data: new Float32Array(out.buffer) }
    : { height, width, channels: C, dtype: 'uint8', data: out as Uint8Array };
}

/**
 * The window of `length` positions starting at `start` (possibly negative) along an axis of `size`:
 * position i reads start + i when that lies in [0, size), else nothing (a zero).
 */
export function window(start: number, size: number): (i: number) => number | undefined {
  return (i) => {
    const s = start + i;
    return s >= 0 && s < size ? s : undefined;
  };
}

/** The box crop out(y, x) = in(y₀ + y, x₀ + x), zero outside the image. */
export function boxCrop(image: HwcImage, y0: number, x0: number, h: number, w: number): HwcImage {
  const row = window(y0, image.height);
  const col = window(x0, image.width);
  return gather(image, { height: h, width: w }, (y, x) => {
    const sy = row(y);
    const sx = col(x);
    return sy === undefined || sx === undefined ? undefined : [sy, sx];
  });
}
