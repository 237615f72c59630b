/**
 * The derived bounds of the interpolating operations at their worst cases, named: angles at and a hair
 * off the multiples of 90°, resizes by factors 2 and 1/2 (positions on pixel centres and halfway
 * between them), the same size, single-pixel axes, and clamped edges. Where the positions are exact
 * the bound admits one pixel only; production agrees on every backend, and the largest ratio of
 * error to bound is printed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { HwcImage } from '../../core/catalogue/augmentations/geometric.js';
import { rotate } from '../../core/catalogue/augmentations/interpolating.js';
import { configure } from '../../core/catalogue/index.js';
import { nearestCandidates, rotationCandidates } from '../../src/gate/augmentations/interpolating-bound.js';
import { judgeImage } from '../../src/gate/augmentations/interpolating-judge.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { interpolatingRecords, resizeRecords, rotationRecord } from '../../src/registry/augmentations-interpolating.js';
import { backends } from '../backends.js';

/** A deterministic image with values spread over [0, 1] and some larger ones. */
function image(height: number, width: number, channels: number, dtype: 'float32' | 'uint8'): HwcImage {
  const n = height * width * channels;
  const values = Array.from({ length: n }, (_, i) => ((i * 37 + 11) % 97) / (i % 5 === 0 ? 0.37 : 97));
  return dtype === 'float32'
    ? { height, width, channels, dtype, data: Float32Array.from(values) }
    : { height, width, channels, dtype, data: Uint8Array.from(values, (v) => Math.round(v * 255) % 256) };
}

const CONVENTIONS = ['half-pixel', 'align-corners', 'legacy'] as const;

describe('exact positions admit one pixel', () => {
  it('nearest, by factors 2 and 1/2 and to the same size, under the half-pixel and legacy conventions', () => {
    for (const c of ['half-pixel', 'legacy'] as const)
      for (const n of [1, 2, 3, 7, 16])
        for (const [from, to] of [
          [n, 2 * n],
          [2 * n, n],
          [n, n],
        ] as const)
          for (let i = 0; i < to; i++) expect(nearestCandidates(c, from, to, i)).toHaveLength(1);
  });
  it('rotation by 90° and 180° about the middle (torchvision, Keras) of square images', () => {
    for (const preset of ['pytorch', 'keras'] as const)
      for (const angle of ['90', '180', '-90'])
        for (const n of [1, 2, 5, 8]) {
          const sources = rotationCandidates(configure(rotate, preset, { angle }), n, n);
          for (let y = 0; y < n; y++)
            for (let x = 0; x < n; x++) {
              const { rows, cols } = sources(y, x);
              expect([rows.length, cols.length]).toEqual([1, 1]);
            }
        }
  });
});

describe.each(backends)('worst cases on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  const worst = { bounded: 0, selected: 0, cases: 0 };
  const judge = (...args: Parameters<typeof judgeImage>) => {
    const { comparison } = judgeImage(...args);
    expect(comparison.mismatches).toEqual([]);
    worst.bounded = Math.max(worst.bounded, comparison.outputs['image']?.maxRatio ?? 0);
    worst.selected = Math.max(worst.selected, comparison.outputs['selected']?.maxRatio ?? 0);
    worst.cases += 1;
  };

  it('shapes and dtypes: rotation and colour keep both, nearest keeps the dtype, bilinear gives float32', () => {
    for (const dtype of ['float32', 'uint8'] as const) {
      const img = image(3, 5, 3, dtype);
      const shape = (i: HwcImage) => [i.height, i.width, i.channels, i.dtype];
      expect(shape(rotationRecord.production(configure(rotate, 'tfjs', { angle: '33' }), img))).toEqual([
        3,
        5,
        3,
        dtype,
      ]);
      const [nearest, bilinear] = resizeRecords;
      const size = { height: 4, width: 2 };
      expect(shape(nearest!.production(configure(nearest!.entry, 'tfjs'), img, size))).toEqual([4, 2, 3, dtype]);
      expect(shape(bilinear!.production(configure(bilinear!.entry, 'tfjs'), img, size))).toEqual([4, 2, 3, 'float32']);
      for (const record of interpolatingRecords.filter((r) => r.form === 'colour'))
        expect(shape(record.production(configure(record.entry, 'pytorch'), img))).toEqual([3, 5, 3, dtype]);
    }
  });

  it('rotation at and a hair off the multiples of 90°, at 30° and 45°, under every preset', () => {
    const angles = [
      '0',
      '0.000001',
      '-0.000001',
      '89.999999',
      '90',
      '90.000001',
      '179.9999',
      '180',
      '180.0001',
      '270',
      '-90',
      '30',
      '45',
    ];
    for (const preset of ['tfjs', 'pytorch', 'keras'] as const)
      for (const angle of angles)
        for (const img of [
          image(7, 7, 1, 'float32'),
          image(4, 5, 3, 'uint8'),
          image(1, 1, 1, 'float32'),
          image(2, 6, 2, 'float32'),
        ])
          judge(rotationRecord, configure(rotate, preset, { angle, fill: '7' }), img);
  });

  it('resizing by factors 2 and 1/2, to the same size, from and to single pixels, under every convention', () => {
    const sizes = [
      [1, 2],
      [2, 1],
      [7, 14],
      [14, 7],
      [5, 5],
      [1, 1],
      [3, 7],
      [1, 5],
    ] as const;
    for (const record of resizeRecords)
      for (const coordinates of CONVENTIONS)
        for (const [h, oh] of sizes)
          for (const [w, ow] of sizes.slice(0, 4)) {
            const config = { ...configure(record.entry, 'keras'), flags: { coordinates } };
            judge(record, config, image(h, w, 2, 'float32'), { height: oh, width: ow });
            judge(record, config, image(h, w, 1, 'uint8'), { height: oh, width: ow });
          }
  });

  it('colour at factors 0 and 1 and an amount of 0, every preset, float32 and uint8', () => {
    for (const record of interpolatingRecords.filter((r) => r.form === 'colour'))
      for (const preset of ['tfjs', 'keras', 'pytorch'] as const)
        for (const amount of ['0', '1']) {
          const name =
            record.entry.name === 'adjust-brightness' ? (preset === 'pytorch' ? 'factor' : 'delta') : 'factor';
          const config = configure(record.entry, preset, { [name]: amount });
          judge(record, config, image(3, 4, preset === 'pytorch' ? 3 : 2, 'float32'));
          if (preset !== 'keras') judge(record, config, image(3, 4, 3, 'uint8'));
        }
    console.log(
      `${backend}: ${worst.cases} worst cases, largest error/bound ${worst.bounded.toPrecision(3)} (bounded values), ${worst.selected.toPrecision(3)} (selections)`,
    );
  });
});
