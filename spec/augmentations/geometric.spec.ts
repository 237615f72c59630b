/**
 * The exact geometric augmentations: production on TensorFlow.js agrees with the oracle bit for bit
 * on every entry, preset and backend (the `agreement` property `check` runs), and the named cases
 * pin the frameworks' conventions read from their sources: TensorFlow's documented examples, the
 * binary64 offsets of tf.image.central_crop, torchvision's rounding and padding, and what tfjs does
 * to signalling NaNs and int32 images.
 */
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HwcImage } from '../../core/catalogue/augmentations/geometric.js';
import { centralCrop, cropToBoundingBox, rot90 } from '../../core/catalogue/augmentations/geometric.js';
import { configure, PRESET_NAMES } from '../../core/catalogue/index.js';
import { centralCropOracle, cropToBoundingBoxOracle, rot90Oracle } from '../../oracle/augmentations/geometric.js';
import { decimalCentralStart, tensorflowCentralStart } from '../../oracle/augmentations/geometric-offsets.js';
import { geometricProperty, judgeExact } from '../../src/gate/augmentations/geometric.js';
import { newTally } from '../../src/gate/properties.js';
import {
  centralCropProduction,
  cropToBoundingBoxProduction,
  rot90Tensor,
  type ExactTransformProduction,
} from '../../src/production/augmentations/geometric.js';
import { onTensor } from '../../src/production/augmentations/geometric-tensors.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import {
  geometricRecordOf,
  geometricRecords,
  type ExactTransformRecord,
} from '../../src/registry/augmentations-geometric.js';
import { backends } from '../backends.js';

const float = (height: number, width: number, values: number[], channels = 1): HwcImage => ({
  height,
  width,
  channels,
  dtype: 'float32',
  data: Float32Array.from(values),
});
const values = (i: HwcImage) => Array.from(i.data);
const column = (n: number) =>
  float(
    n,
    1,
    Array.from({ length: n }, (_, i) => i + 1),
  );

const units = geometricRecords.flatMap((record) =>
  PRESET_NAMES.filter((p) => record.entry.presets[p] !== undefined).map(
    (preset) => [record.entry.name, preset, record] as const,
  ),
);

describe.each(backends)('geometric augmentations on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  it.each(units)('%s (%s): production and oracle agree bit for bit', (_name, preset, record) => {
    const tally = newTally();
    fc.assert(geometricProperty(record, preset, tally, `optim-oracle on ${backend}`));
    expect(tally.steps).toBeGreaterThan(0);
    expect(tally.outputs['image']?.maxRatio).toBe(0);
  });

  it('tf.image.flipLeftRight rejects int32 images (production goes through float32 for uint8)', () => {
    const x = tf.tensor4d([1, 2, 3], [1, 1, 3, 1], 'int32');
    expect(() => tf.image.flipLeftRight(x)).toThrow(/float32/);
    x.dispose();
  });

  it('finding: copies through JavaScript numbers quiet signalling NaNs on cpu; wasm keeps the bits', () => {
    const bits = Uint32Array.of(0x7f800001, 0xffa00000);
    const x = tf.tensor4d(new Float32Array(bits.buffer), [1, 1, 2, 1]);
    const out = new Uint32Array(new Float32Array(tf.image.flipLeftRight(x).dataSync()).buffer);
    const expected = backend === 'cpu' ? [0xffe00000, 0x7fc00001] : [0xffa00000, 0x7f800001];
    expect(Array.from(out)).toEqual(expected);
    x.dispose();
  });
});

describe('named cases', () => {
  it("tf.image.rot90's example: [[1], [2]], [[3], [4]] turns to [[2, 4], [1, 3]]; k = 3 to [[3, 1], [4, 2]]", () => {
    const a = float(2, 2, [1, 2, 3, 4]);
    expect(values(rot90Oracle(configure(rot90, 'keras'), a))).toEqual([2, 4, 1, 3]);
    expect(values(rot90Oracle(configure(rot90, 'keras', { k: 3 }), a))).toEqual([3, 1, 4, 2]);
    expect(values(rot90Oracle(configure(rot90, 'keras', { k: -2 }), a))).toEqual([4, 3, 2, 1]);
  });

  it("tf.image.central_crop's example: the 4 × 4 image at 0.5 keeps rows and columns 1 and 2", () => {
    const x = float(
      4,
      4,
      Array.from({ length: 16 }, (_, i) => i),
    );
    expect(values(centralCropOracle(configure(centralCrop, 'keras'), x))).toEqual([5, 6, 9, 10]);
  });

  it('central_crop in binary64: H = 50, f = 0.56 starts at 10 and keeps 30 rows, where the decimal keeps 28', async () => {
    await useBackend();
    expect(tensorflowCentralStart(50, '0.56')).toBe(10);
    expect(decimalCentralStart(50, '0.56')).toBe(11);
    expect(tensorflowCentralStart(20, '0.1')).toBe(9);
    const config = configure(centralCrop, 'keras', { fraction: '0.56' });
    expect(centralCropOracle(config, column(50)).height).toBe(30);
    expect(values(centralCropProduction.apply(config, column(50)))).toEqual(
      values(centralCropOracle(config, column(50))),
    );
  });

  it("torchvision's center_crop rounds half to even and pads (h − H)//2 zeros before", () => {
    const crop = (n: number, h: number) =>
      values(centralCropOracle(configure(centralCrop, 'pytorch', { height: h, width: 1 }), column(n)));
    expect(crop(3, 2)).toEqual([1, 2]);
    expect(crop(5, 2)).toEqual([3, 4]);
    expect(crop(7, 2)).toEqual([3, 4]);
    expect(crop(3, 5)).toEqual([0, 1, 2, 3, 0]);
    expect(crop(2, 5)).toEqual([0, 1, 2, 0, 0]);
  });

  it('zero-pad crops: a box wholly above the image is zeros of the box’s size (torchvision 0.28 returns 5 rows here)', async () => {
    await useBackend();
    const config = configure(cropToBoundingBox, 'pytorch', {
      offsetHeight: -4,
      offsetWidth: 0,
      targetHeight: 2,
      targetWidth: 1,
    });
    expect(values(cropToBoundingBoxOracle(config, column(5)))).toEqual([0, 0]);
    expect(values(cropToBoundingBoxProduction.apply(config, column(5)))).toEqual([0, 0]);
  });

  it('TensorFlow asserts the box inside the image: both sides refuse a negative offset or an overhang', async () => {
    await useBackend();
    const config = configure(cropToBoundingBox, 'keras', {
      offsetHeight: 4,
      offsetWidth: 0,
      targetHeight: 2,
      targetWidth: 1,
    });
    expect(() => cropToBoundingBoxOracle(config, column(5))).toThrow(/height must be >= target \+ offset/);
    expect(() => cropToBoundingBoxProduction.apply(config, column(5))).toThrow(/height must be >= target \+ offset/);
  });
});

describe('power: the agreement property rejects broken operations', () => {
  const exact = (name: string): ExactTransformRecord => {
    const r = geometricRecordOf(name);
    if (r.form !== 'exact') throw new Error(`${name} is random`);
    return r;
  };
  const withProduction = (name: string, apply: ExactTransformProduction['apply']): ExactTransformRecord => ({
    ...exact(name),
    production: { name: `broken ${name}`, apply },
  });
  const broken: Array<[string, ExactTransformRecord, 'keras' | 'tfjs']> = [
    [
      "tfjs's flipLeftRight before PR #5270: out[x] = in[W − x], out[0] = in[0]",
      withProduction('flip-left-right', (_c, image) =>
        onTensor(image, (x) =>
          tf.concat([tf.slice(x, [0, 0, 0], [-1, 1, -1]), tf.reverse(tf.slice(x, [0, 1, 0], [-1, -1, -1]), 1)], 1),
        ),
      ),
      'tfjs',
    ],
    [
      'quarter turns clockwise',
      withProduction('rot90', (c, image) => onTensor(image, (x) => rot90Tensor(x, -Number(c.hyper['k'])))),
      'keras',
    ],
  ];
  it.each(broken)('%s fails', async (_name, record, preset) => {
    await useBackend();
    const r = fc.check(geometricProperty(record, preset, newTally(), 'broken'));
    expect(r.failed).toBe(true);
  });

  it('central_crop with the decimal offsets fails at H = 50, f = 0.56', async () => {
    await useBackend();
    const decimal = withProduction('central-crop', (c, image) => {
      const y0 = decimalCentralStart(image.height, String(c.hyper['fraction']));
      return onTensor(image, (x) => tf.slice(x, [y0, 0, 0], [image.height - 2 * y0, 1, 1]));
    });
    const config = configure(centralCrop, 'keras', { fraction: '0.56' });
    expect(() => judgeExact(decimal, config, column(50), undefined, 'decimal offsets')).toThrow(/shape 28 × 1 × 1/);
  });
});
