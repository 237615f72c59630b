/**
 * Cases for the geometric augmentations: images in HWC layout (float32 with every class of value, or
 * uint8), and for each entry a configuration that fits the image it is drawn with (a box near or in
 * the image, a fraction, a crop size, a flip probability).
 *
 * Float32 values are any bit pattern but the signalling NaNs, which get the quiet bit: tfjs's cpu
 * backend quiets a signalling NaN when an operation copies it through a JavaScript number (reverse,
 * transpose, pad), which the suite records apart (spec/augmentations/geometric.spec.ts).
 *
 * @module
 */
import fc from 'fast-check';
import type { HwcImage, HwcShape } from '../../../core/catalogue/augmentations/geometric.js';
import { configure, type CatalogueEntry, type Configuration, type PresetName } from '../../../core/catalogue/index.js';

/** A side: mostly 1 to 6, sometimes up to 80 (where binary64 offsets of a central crop can go wrong). */
export const side = (): fc.Arbitrary<number> =>
  fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 6 }), weight: 5 },
    { arbitrary: fc.integer({ min: 7, max: 80 }), weight: 1 },
  );

/** A float32 bit pattern, signalling NaNs made quiet; the classes a flip could mishandle are frequent. */
export const pixelBits = (): fc.Arbitrary<number> =>
  fc
    .oneof(
      fc.constantFrom(0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x00000001, 0x7f7fffff, 0x3f800000),
      fc.integer({ min: 0, max: 0xffffffff }),
    )
    .map((bits) =>
      (bits & 0x7f800000) === 0x7f800000 && (bits & 0x007fffff) !== 0 ? (bits | 0x00400000) >>> 0 : bits,
    );

/** An image of the given shape and dtype with arbitrary values. */
export function imageOf(shape: HwcShape, dtype: 'float32' | 'uint8'): fc.Arbitrary<HwcImage> {
  const n = shape.height * shape.width * shape.channels;
  if (dtype === 'uint8')
    return fc
      .uint8Array({ minLength: n, maxLength: n })
      .map((data) => ({ ...shape, dtype: 'uint8' as const, data: Uint8Array.from(data) }));
  return fc.array(pixelBits(), { minLength: n, maxLength: n }).map((bits) => ({
    ...shape,
    dtype: 'float32' as const,
    data: new Float32Array(Uint32Array.from(bits).buffer),
  }));
}

/** A shape (channels 1 to 3) and dtype. */
export const imageShape = (): fc.Arbitrary<HwcShape & { dtype: 'float32' | 'uint8' }> =>
  fc.record({
    height: side(),
    width: side(),
    channels: fc.integer({ min: 1, max: 3 }),
    dtype: fc.constantFrom('float32' as const, 'uint8' as const),
  });

/** An arbitrary image. */
export const image = (): fc.Arbitrary<HwcImage> => imageShape().chain(({ dtype, ...shape }) => imageOf(shape, dtype));

/** A fraction in (0, 1]: 1, short decimals, decimals of the form 1 − 2k/H, doubles. */
const fraction = (height: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('1', '0.5', '0.875', '0.56'),
    fc.integer({ min: 1, max: 99 }).map((n) => `0.${String(n).padStart(2, '0')}`),
    fc.integer({ min: 0, max: Math.floor((height - 1) / 2) }).map((k) => String((height - 2 * k) / height)),
    fc.double({ min: 2 ** -20, max: 1, noNaN: true }).map(String),
  );

/** An integer in [lo, hi] as text. */
const integerText = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map(String);

/** A box for an H × W image: inside it under 'error' (one case in eight may leave it), anywhere near it under 'zero-pad'. */
function box(height: number, width: number, inside: boolean) {
  const corner = (n: number) => (inside ? fc.integer({ min: 0, max: n - 1 }) : fc.integer({ min: -n - 2, max: n + 1 }));
  const extent = (n: number, at: number) =>
    inside ? fc.integer({ min: 1, max: n - at }) : fc.integer({ min: 1, max: 2 * n + 2 });
  const valid = fc
    .tuple(corner(height), corner(width))
    .chain(([y0, x0]) => fc.tuple(fc.constant(y0), fc.constant(x0), extent(height, y0), extent(width, x0)));
  const any = fc.tuple(
    integerText(-2, height + 1),
    integerText(-2, width + 1),
    integerText(1, height + 2),
    integerText(1, width + 2),
  );
  const boxes = inside
    ? fc.oneof({ arbitrary: valid.map((b) => b.map(String)), weight: 7 }, { arbitrary: any, weight: 1 })
    : valid.map((b) => b.map(String));
  return boxes.map(([offsetHeight = '0', offsetWidth = '0', targetHeight = '1', targetWidth = '1']) => ({
    offsetHeight,
    offsetWidth,
    targetHeight,
    targetWidth,
  }));
}

/** Hyperparameter overrides for `entry` under `preset` that fit an H × W image. */
function overrides(
  entry: CatalogueEntry,
  preset: PresetName,
  height: number,
  width: number,
): fc.Arbitrary<Record<string, string>> {
  switch (entry.name) {
    case 'rot90':
      return integerText(-9, 9).map((k) => ({ k }));
    case 'crop-to-bounding-box':
      return box(height, width, entry.presets[preset]?.flags['outside'] === 'error');
    case 'central-crop':
      return preset === 'keras'
        ? fraction(height).map((f) => ({ fraction: f }))
        : fc.record({ height: integerText(1, height + 3), width: integerText(1, width + 3) });
    case 'random-flip-left-right':
    case 'random-flip-up-down':
      return preset === 'keras'
        ? fc.constant({})
        : fc.constantFrom('0', '0.2', '0.5', '0.9', '1', '0.3333').map((probability) => ({ probability }));
    case 'random-crop':
      return fc.record({ targetHeight: integerText(1, height), targetWidth: integerText(1, width) });
    default:
      return fc.constant({});
  }
}

/** A configuration of `entry` under `preset` fitting an H × W image. */
export function configurationFor(
  entry: CatalogueEntry,
  preset: PresetName,
  height: number,
  width: number,
): fc.Arbitrary<Configuration> {
  return overrides(entry, preset, height, width).map((o) => configure(entry, preset, o));
}

/** One case: an image and a configuration fitting it. */
export interface GeometricCase {
  readonly config: Configuration;
  readonly image: HwcImage;
}

/** A case of `entry` under `preset`. */
export function geometricCase(entry: CatalogueEntry, preset: PresetName): fc.Arbitrary<GeometricCase> {
  return imageShape().chain(({ dtype, ...shape }) =>
    fc.record({ config: configurationFor(entry, preset, shape.height, shape.width), image: imageOf(shape, dtype) }),
  );
}

/** Up to three labelled images of one shape, for the random operations. */
export function labelledBatch(entry: CatalogueEntry, preset: PresetName) {
  return imageShape().chain(({ dtype, ...shape }) =>
    fc.record({
      config: configurationFor(entry, preset, shape.height, shape.width),
      batch: fc.array(fc.record({ image: imageOf(shape, dtype), label: fc.integer({ min: 0, max: 999 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
      seed: fc.integer({ min: 1, max: 2 ** 31 - 8 }),
    }),
  );
}
