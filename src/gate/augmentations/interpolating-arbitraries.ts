/**
 * Cases for the interpolating and colour properties, drawn toward their worst cases: pixel values
 * that are pixel-like ([0, 1], bytes) or moderate floats with subnormals; angles at and near the
 * multiples of 90° (± 10^−6, 10^−4, 0.01, 0.5), at multiples of 30° and 45° (where the exact rotation
 * lands on pixel centres and halfway between them), and anywhere; resizes by factors 2 and 1/2 and to
 * the same size, where the positions fall on pixel centres and edges; centres at the middle and
 * anywhere; colour factors 0, 1 and around them.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import type { HwcImage, ImageDtype } from '../../../core/catalogue/augmentations/geometric.js';
import type { OutputSize } from '../../../core/catalogue/augmentations/interpolating.js';
import { configure, type CatalogueEntry, type Configuration, type PresetName } from '../../../core/catalogue/index.js';
import { trainingFloat32 } from '../arbitraries/float32.js';

/** What an image arbitrary draws from: side lengths, channel counts, dtypes, and the float32 values' kind. */
export interface ImageOptions {
  readonly minSide?: number;
  readonly maxSide?: number;
  readonly channels?: readonly number[];
  readonly dtypes?: readonly ImageDtype[];
  /** 'pixel': mostly [0, 1] with some outside; 'bytes-range': [0, 255] floats (Keras's value range). */
  readonly values?: 'pixel' | 'bytes-range';
}

/** A float32 value: in [0, 1] mostly, beyond it sometimes, a byte value or a moderate float now and then. */
const pixelFloat = (range: 'pixel' | 'bytes-range'): fc.Arbitrary<number> =>
  range === 'bytes-range'
    ? fc.oneof(fc.float({ min: 0, max: 255, noNaN: true }), fc.integer({ min: 0, max: 255 }))
    : fc.oneof(
        { arbitrary: fc.float({ min: 0, max: 1, noNaN: true }), weight: 5 },
        { arbitrary: fc.float({ min: -1, max: 2, noNaN: true }), weight: 1 },
        { arbitrary: fc.integer({ min: 0, max: 255 }), weight: 1 },
        { arbitrary: trainingFloat32(), weight: 1 },
      );

/** An image of `height` × `width` × `channels` of `dtype`. */
export function imageWith(
  height: number,
  width: number,
  channels: number,
  dtype: ImageDtype,
  range: ImageOptions['values'] = 'pixel',
): fc.Arbitrary<HwcImage> {
  const n = height * width * channels;
  return dtype === 'float32'
    ? fc
        .array(pixelFloat(range), { minLength: n, maxLength: n })
        .map((xs) => ({ height, width, channels, dtype, data: Float32Array.from(xs) }))
    : fc
        .array(fc.integer({ min: 0, max: 255 }), { minLength: n, maxLength: n })
        .map((xs) => ({ height, width, channels, dtype, data: Uint8Array.from(xs) }));
}

/** An image with sides in [minSide, maxSide]. */
export function imageArbitrary(options: ImageOptions = {}): fc.Arbitrary<HwcImage> {
  const side = fc.integer({ min: options.minSide ?? 1, max: options.maxSide ?? 6 });
  return fc
    .tuple(
      side,
      side,
      fc.constantFrom(...(options.channels ?? [1, 2, 3])),
      fc.constantFrom(...(options.dtypes ?? (['float32', 'uint8'] as const))),
    )
    .chain(([h, w, c, d]) => imageWith(h, w, c, d, options.values));
}

/** A decimal in [min, max] in steps of 1/1000, as exact text. */
const thousandths = (min: number, max: number): fc.Arbitrary<string> =>
  fc.integer({ min: min * 1000, max: max * 1000 }).map((k) => new Decimal(k).div(1000).toFixed());

/** An angle in degrees, as exact text, weighted toward multiples of 90° and their neighbourhoods. */
export function angleText(): fc.Arbitrary<string> {
  const quarter = fc.integer({ min: -4, max: 4 }).map((k) => 90 * k);
  const nearQuarter = fc
    .tuple(
      fc.integer({ min: -3, max: 3 }).map((k) => 90 * k),
      fc.constantFrom('0.000001', '0.0001', '0.01', '0.5'),
      fc.boolean(),
    )
    .map(([q, d, minus]) => new Decimal(q)[minus ? 'minus' : 'plus'](d).toFixed());
  return fc.oneof(
    { arbitrary: quarter.map(String), weight: 3 },
    { arbitrary: nearQuarter, weight: 3 },
    { arbitrary: fc.integer({ min: -24, max: 24 }).map((k) => String(15 * k)), weight: 2 },
    { arbitrary: thousandths(-360, 360), weight: 2 },
  );
}

/** A centre fraction: the middle mostly, anywhere in [0, 1] sometimes. */
export const fractionText = (): fc.Arbitrary<string> =>
  fc.oneof({ arbitrary: fc.constant('0.5'), weight: 3 }, { arbitrary: thousandths(0, 1), weight: 1 });

/** A rotation case: a configuration of `entry` under `preset` and an image. */
export function rotationCase(
  entry: CatalogueEntry,
  preset: PresetName,
): fc.Arbitrary<{ config: Configuration; image: HwcImage }> {
  return fc.record({
    config: fc
      .tuple(angleText(), fc.integer({ min: 0, max: 255 }), fractionText(), fractionText())
      .map(([angle, fill, centreX, centreY]) =>
        configure(entry, preset, { angle, fill: String(fill), centreX, centreY }),
      ),
    image: imageArbitrary({ maxSide: 7 }),
  });
}

/** A resize case: an image and an output size, by factors 2 and 1/2, the same size, or any. */
export function resizeCase(maxSide = 6): fc.Arbitrary<{ image: HwcImage; size: OutputSize }> {
  const side = fc.integer({ min: 1, max: maxSide });
  const axis = fc.oneof(
    side.map((n) => [n, 2 * n] as const),
    side.map((n) => [2 * n, n] as const),
    side.map((n) => [n, n] as const),
    fc.tuple(side, fc.integer({ min: 1, max: 2 * maxSide })),
  );
  return fc
    .tuple(axis, axis, fc.constantFrom(1, 2, 3), fc.constantFrom<ImageDtype>('float32', 'uint8'))
    .chain(([[h, oh], [w, ow], c, dtype]) =>
      imageWith(h, w, c, dtype).map((image) => ({ image, size: { height: oh, width: ow } })),
    );
}

/** A colour factor or amount under `preset`: 0, 1 and simple values often, any thousandths in [min, max]. */
const amount = (min: number, max: number): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom('0', '1', '0.5', '2').filter((t) => Number(t) >= min && Number(t) <= max), weight: 1 },
    { arbitrary: thousandths(min, max), weight: 3 },
  );

/** A colour case under `preset`: the amount, and an image of the dtypes and channels the framework takes. */
export function colourCase(
  entry: CatalogueEntry,
  preset: PresetName,
): fc.Arbitrary<{ config: Configuration; image: HwcImage }> {
  const keras = preset === 'keras';
  const torchvision = preset === 'pytorch';
  const name = entry.name === 'adjust-brightness' ? (torchvision ? 'factor' : 'delta') : 'factor';
  const range: [number, number] = name === 'delta' ? (keras ? [-64, 64] : [-1, 1]) : torchvision ? [0, 4] : [-4, 4];
  return fc.record({
    config: amount(...range).map((v) => configure(entry, preset, { [name]: v })),
    image: imageArbitrary({
      maxSide: 5,
      channels: torchvision ? [1, 3] : [1, 2, 3, 4],
      dtypes: keras ? ['float32'] : ['float32', 'uint8'],
      values: keras ? 'bytes-range' : 'pixel',
    }),
  });
}
