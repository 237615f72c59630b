/**
 * The findings on tfjs's interpolating operations, each as a named case with the smallest image that
 * shows it (docs/augmentation.md, section Interpolating operations, "Findings"):
 *
 * 1. tf.image.rotateWithOffset by π/2 is not the quarter turn: its centre is W/2 in pixel indices, half
 *    a pixel off the image's middle, so the 1 × 1 image rotates to the fill value and a 3 × 3 one is
 *    shifted down a row. The exact oracle under the tfjs convention gives the same.
 * 2. The wasm backend's rotateWithOffset takes the fill value as an int32 read unsigned: 0.5 fills 0,
 *    −2 fills 4294967296; and with four channels a numeric fill puts 255 in the fourth.
 * 3. The wasm backend's resizeNearestNeighbor returns float32 for an int32 image (cpu keeps int32).
 * 4. Where the exact source position is an integer, the kernels' floating-point position may fall just
 *    below it and nearest resizing takes the pixel before; the derived candidates admit both.
 * 5. The wasm backend's resizeBilinear to the same size gives NaN next to a pair of opposite values
 *    whose difference overflows (XNNPACK's tl + (tr − tl) · 0), where cpu returns the image.
 * 6. TensorFlow's order of contrast, m + k (x − m), is not the identity in float32 at k = 1.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { adjustContrast } from '../../core/catalogue/augmentations/colour.js';
import type { HwcImage } from '../../core/catalogue/augmentations/geometric.js';
import { resizeNearest, rotate } from '../../core/catalogue/augmentations/interpolating.js';
import { configure } from '../../core/catalogue/index.js';
import { resizeNearestOracle } from '../../oracle/augmentations/interpolating-resize.js';
import { rotateOracle } from '../../oracle/augmentations/interpolating-rotate.js';
import { nearestCandidates } from '../../src/gate/augmentations/interpolating-bound.js';
import { colourProduction } from '../../src/production/augmentations/colour-tfjs.js';
import { contrastAlgorithm } from '../../src/production/augmentations/colour.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { backends } from '../backends.js';

const float = (height: number, width: number, values: number[]): HwcImage => ({
  height,
  width,
  channels: 1,
  dtype: 'float32',
  data: Float32Array.from(values),
});

const rotated = (values: number[], shape: [number, number, number], radians: number, fill = 0): number[] =>
  tf.tidy(() => Array.from(tf.image.rotateWithOffset(tf.tensor4d(values, [1, ...shape]), radians, fill).dataSync()));

const column = (n: number): tf.Tensor3D =>
  tf.tensor3d(
    Array.from({ length: n }, (_, i) => i),
    [n, 1, 1],
  );

/** Row `i` of nearest resizing a column 0, 1, ..., n − 1 to m rows. */
const nearestRow = (n: number, m: number, i: number, alignCorners: boolean, halfPixelCenters: boolean): number =>
  tf.tidy(() => tf.image.resizeNearestNeighbor(column(n), [m, 1], alignCorners, halfPixelCenters).dataSync()[i] ?? NaN);

describe('finding 1: tfjs rotateWithOffset by π/2 is not the quarter turn (exact oracle, tfjs convention)', () => {
  it('the 1 × 1 image [7] rotates to the fill value 0, not [7]', () => {
    expect(Array.from(rotateOracle(configure(rotate, 'tfjs', { angle: '90' }), float(1, 1, [7])).data)).toEqual([0]);
    expect(Array.from(rotateOracle(configure(rotate, 'pytorch', { angle: '90' }), float(1, 1, [7])).data)).toEqual([7]);
  });
  it('3 × 3 [1..9] gives rows (0 0 0) (3 6 9) (2 5 8): the quarter turn (3 6 9) (2 5 8) (1 4 7) shifted down a row', () => {
    const image = float(3, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(rotateOracle(configure(rotate, 'tfjs', { angle: '90' }), image).data)).toEqual([
      0, 0, 0, 3, 6, 9, 2, 5, 8,
    ]);
    expect(Array.from(rotateOracle(configure(rotate, 'keras', { angle: '90' }), image).data)).toEqual([
      3, 6, 9, 2, 5, 8, 1, 4, 7,
    ]);
  });
});

describe.each(backends)('findings on tfjs, %s backend', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  it('1: rotateWithOffset(π/2) takes [7] to [0] and 3 × 3 [1..9] to (0 0 0) (3 6 9) (2 5 8), as the oracle does', () => {
    expect(rotated([7], [1, 1, 1], Math.PI / 2)).toEqual([0]);
    expect(rotated([1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 3, 1], Math.PI / 2)).toEqual([0, 0, 0, 3, 6, 9, 2, 5, 8]);
  });

  it('2: the fill of [7] rotated by π (every source outside the 1 × 1 image)', () => {
    const wasm = backend === 'wasm';
    expect(rotated([7], [1, 1, 1], Math.PI, 0.5)).toEqual([wasm ? 0 : 0.5]);
    expect(rotated([7], [1, 1, 1], Math.PI, -2)).toEqual([wasm ? 4294967296 : -2]);
    expect(rotated([7, 7, 7, 7], [1, 1, 4], Math.PI, 3)).toEqual(wasm ? [3, 3, 3, 255] : [3, 3, 3, 3]);
  });

  it('3: resizeNearestNeighbor of the 1 × 1 int32 image keeps int32 on cpu, returns float32 on wasm', () => {
    const dtype = tf.tidy(() => tf.image.resizeNearestNeighbor(tf.tensor3d([7], [1, 1, 1], 'int32'), [1, 1]).dtype);
    expect(dtype).toBe(backend === 'wasm' ? 'float32' : 'int32');
  });

  it('4: at an exact integer source position the kernel may take the pixel before; the derived candidates hold both', () => {
    // Legacy ⌊(n/m) i⌋ and half-pixel ⌊(n/m)(i + 1/2)⌋, the smallest n + m where each backend errs:
    // cpu (float64 positions): 30→22 row 11 (exactly 15) and 30→11 row 5 (exactly 15) give 14;
    // wasm (float32 positions): 26→22 row 11 (exactly 13) gives 12, 14→23 row 11 (exactly 7) gives 6.
    const cases =
      backend === 'cpu'
        ? [
            { n: 30, m: 22, i: 11, coordinates: 'legacy', exact: 15, tfjs: 14 },
            { n: 30, m: 11, i: 5, coordinates: 'half-pixel', exact: 15, tfjs: 14 },
          ]
        : [
            { n: 26, m: 22, i: 11, coordinates: 'legacy', exact: 13, tfjs: 12 },
            { n: 14, m: 23, i: 11, coordinates: 'half-pixel', exact: 7, tfjs: 6 },
          ];
    for (const { n, m, i, coordinates, exact, tfjs } of cases) {
      const half = coordinates === 'half-pixel';
      expect(nearestRow(n, m, i, false, half)).toBe(tfjs);
      const config = configure(resizeNearest, half ? 'keras' : 'tfjs');
      const image = float(
        n,
        1,
        Array.from({ length: n }, (_, k) => k),
      );
      expect(resizeNearestOracle(config, image, { height: m, width: 1 }).data[i]).toBe(exact);
      expect(nearestCandidates(half ? 'half-pixel' : 'legacy', n, m, i)).toEqual([tfjs, exact]);
    }
  });

  it('5: resizeBilinear of [3e38, −3e38] to its own size is the image on cpu, NaN beside it on wasm', () => {
    const out = tf.tidy(() =>
      Array.from(tf.image.resizeBilinear(tf.tensor3d([3e38, -3e38], [1, 2, 1]), [1, 2]).dataSync()),
    );
    expect(out[1]).toBe(Math.fround(-3e38));
    if (backend === 'wasm') expect(out[0]).toBeNaN();
    else expect(out[0]).toBe(Math.fround(3e38));
  });

  it("6: contrast with factor 1 in TensorFlow's order takes [0.1, 1] to [0.099999994, 1] (the exact result is the image)", () => {
    const out = colourProduction(
      contrastAlgorithm,
      configure(adjustContrast, 'tfjs', { factor: '1' }),
      float(1, 2, [0.1, 1]),
    );
    expect(Array.from(out.data)).toEqual([Math.fround(0.09999999403953552), 1]);
  });
});
