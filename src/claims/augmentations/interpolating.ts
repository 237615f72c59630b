/**
 * The invariances of the interpolating augmentations (docs/augmentation.md, section Interpolating
 * operations, "Claims"), each on the exact oracle and in float32 production:
 *
 * - rotation by 90° through the any-angle operation is the quarter turn rot90 (k = 1, counter-clockwise:
 *   out(y, x) = in(x, N − 1 − y) on an N × N image), and rotation by 180° is the half turn
 *   out(y, x) = in(H − 1 − y, W − 1 − x) on any image: they hold where the centre is the image's
 *   middle in pixel indices ((W − 1)/2: torchvision, Keras) and are refuted under tfjs's, which
 *   places it at W/2, one half pixel off: the 1 × 1 image rotates to the fill value;
 * - resizing to the same size is the identity under every coordinate convention, bilinear or nearest;
 * - nearest resizing by 2 and back by 1/2 is the identity under the half-pixel and legacy conventions.
 *
 * @module
 */
import fc from 'fast-check';
import type { HwcImage } from '../../../core/catalogue/augmentations/geometric.js';
import { resizeBilinear, resizeNearest, rotate } from '../../../core/catalogue/augmentations/interpolating.js';
import { configure, type PresetName } from '../../../core/catalogue/index.js';
import { imageOf, pixel } from '../../../oracle/augmentations/interpolating-image.js';
import { resizeRecords, rotationRecord } from '../../registry/augmentations-interpolating.js';
import { checkProperty, text } from '../property.js';
import type { Claim, ClaimOptions, ClaimResult } from '../types.js';
import { colourClaims } from './colour.js';

/** The quarter turn rot90(k = 1) of a square image: out(y, x) = in(x, N − 1 − y) (TensorFlow's rot90). */
export const quarterTurn = (i: HwcImage): HwcImage =>
  imageOf(i.width, i.height, i.channels, i.dtype, (y, x, c) => pixel(i, x, i.width - 1 - y, c));

/** The half turn: out(y, x) = in(H − 1 − y, W − 1 − x). */
export const halfTurn = (i: HwcImage): HwcImage =>
  imageOf(i.height, i.width, i.channels, i.dtype, (y, x, c) => pixel(i, i.height - 1 - y, i.width - 1 - x, c));

/** Whether two images are the same, shape, dtype and bits. */
export const sameImage = (a: HwcImage, b: HwcImage): boolean =>
  a.height === b.height &&
  a.width === b.width &&
  a.channels === b.channels &&
  a.dtype === b.dtype &&
  Array.from(a.data).every((v, i) => Object.is(v, b.data[i]));

/** An image as text: its shape, dtype and values. */
export const describeImage = (i: HwcImage): string =>
  `${i.height}×${i.width}×${i.channels} ${i.dtype} [${Array.from(i.data).join(', ')}]`;

/** Images of up to 6 × 6 × 3 byte-valued pixels (float32 or uint8), square when `square`. */
const smallImage = (square: boolean): fc.Arbitrary<HwcImage> =>
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }), fc.boolean())
    .chain(([h, w, c, bytes]) => {
      const n = h * (square ? h : w) * c;
      const shape = { height: h, width: square ? h : w, channels: c };
      return fc
        .array(fc.integer({ min: 0, max: 255 }), { minLength: n, maxLength: n })
        .map((xs): HwcImage =>
          bytes
            ? { ...shape, dtype: 'uint8', data: Uint8Array.from(xs) }
            : { ...shape, dtype: 'float32', data: Float32Array.from(xs) },
        );
    });

/** A claim that `failure` finds nothing wrong with any small image (square when `square`); it names what it found. */
function imageClaim(
  failure: (i: HwcImage) => string | undefined,
  square: boolean,
  o: ClaimOptions,
  runs = 100,
): ClaimResult {
  return checkProperty(
    {
      property: fc.property(smallImage(square), (i) => failure(i) === undefined),
      runs,
      describe: ([i]) => [text('image', describeImage(i))],
      reason: ([i]) => failure(i) ?? 'no difference on replay',
    },
    o,
  );
}

/** Why `got` is not `want`, or undefined when it is (shape, dtype and bits). */
const differs = (what: string, got: HwcImage, want: HwcImage): string | undefined =>
  sameImage(got, want) ? undefined : `${what} gives ${describeImage(got)}, not ${describeImage(want)}`;

/** The same values, as float32: a uint8 image read as the float32 image of its values. */
const asFloat = (i: HwcImage): HwcImage =>
  i.dtype === 'float32' ? i : { ...i, dtype: 'float32', data: Float32Array.from(i.data) };

const ROTATION_PRESETS: readonly { preset: PresetName; expected: 'holds' | 'refuted' }[] = [
  { preset: 'tfjs', expected: 'refuted' },
  { preset: 'pytorch', expected: 'holds' },
  { preset: 'keras', expected: 'holds' },
];

const turnClaims = (on: 'oracle' | 'float32'): Claim[] =>
  ROTATION_PRESETS.flatMap(({ preset, expected }) => {
    const run = (angle: string) => (i: HwcImage) => {
      const config = configure(rotate, preset, { angle });
      return on === 'oracle' ? rotationRecord.oracle(config, i).image : rotationRecord.production(config, i);
    };
    const suffix = on === 'float32' ? '/float32' : '';
    const source = rotate.presets[preset]?.source ?? rotate.source;
    return [
      {
        id: `augmentation/rotate-90-quarter-turn/${preset}${suffix}`,
        statement: `rotation by 90° through the any-angle operation (${preset}'s centre) equals the quarter turn rot90 on square images`,
        source,
        on,
        expected,
        check: (o: ClaimOptions) =>
          imageClaim((i) => differs('the rotation by 90°', run('90')(i), quarterTurn(i)), true, o),
      },
      {
        id: `augmentation/rotate-180-half-turn/${preset}${suffix}`,
        statement: `rotation by 180° through the any-angle operation (${preset}'s centre) equals the half turn on any image`,
        source,
        on,
        expected,
        check: (o: ClaimOptions) =>
          imageClaim((i) => differs('the rotation by 180°', run('180')(i), halfTurn(i)), false, o),
      },
    ];
  });

const [nearestRecord, bilinearRecord] = resizeRecords;

/** Resizing to the same size, then nearest ×2 then ×1/2, under each convention. */
const resizeClaims = (on: 'oracle' | 'float32'): Claim[] => {
  const conventions = ['half-pixel', 'align-corners', 'legacy'] as const;
  const resize = (sampling: 'nearest' | 'bilinear', coordinates: (typeof conventions)[number]) => {
    const entry = sampling === 'nearest' ? resizeNearest : resizeBilinear;
    const record = sampling === 'nearest' ? nearestRecord : bilinearRecord;
    const config = { ...configure(entry, 'keras'), flags: { coordinates } };
    return (i: HwcImage, height: number, width: number): HwcImage => {
      if (record === undefined) throw new Error('the resize records');
      return on === 'oracle'
        ? record.oracle(config, i, { height, width }).image
        : record.production(config, i, { height, width });
    };
  };
  const suffix = on === 'float32' ? '/float32' : '';
  return [
    {
      id: `augmentation/resize-same-size-identity${suffix}`,
      statement: 'resizing to the same size is the identity, nearest or bilinear, under each coordinate convention',
      source: 'tensorflow/core/kernels/image/resize_bilinear_op.cc, resize_nearest_neighbor_op.cc; tfjs-backend-cpu',
      on,
      expected: 'holds',
      check: (o) =>
        imageClaim(
          (i) => {
            for (const c of conventions) {
              const nearest = differs(`nearest ${c}`, resize('nearest', c)(i, i.height, i.width), i);
              const bilinear = differs(`bilinear ${c}`, resize('bilinear', c)(i, i.height, i.width), asFloat(i));
              if (nearest !== undefined || bilinear !== undefined) return nearest ?? bilinear;
            }
            return undefined;
          },
          false,
          o,
          50,
        ),
    },
    {
      id: `augmentation/resize-nearest-double-halve-identity${suffix}`,
      statement: 'nearest resizing by 2 and back by 1/2 is the identity under the half-pixel and legacy conventions',
      source: 'tensorflow/core/kernels/image/resize_nearest_neighbor_op.cc (HalfPixelScalerForNN, LegacyScaler)',
      on,
      expected: 'holds',
      check: (o) =>
        imageClaim(
          (i) => {
            for (const c of ['half-pixel', 'legacy'] as const) {
              const r = resize('nearest', c);
              const found = differs(`${c}, ×2 then ×1/2,`, r(r(i, 2 * i.height, 2 * i.width), i.height, i.width), i);
              if (found !== undefined) return found;
            }
            return undefined;
          },
          false,
          o,
          50,
        ),
    },
  ];
};

/** The interpolating and colour augmentations' claims: on the oracle, then in float32 production. */
export const interpolatingClaims: readonly Claim[] = [
  ...turnClaims('oracle'),
  ...resizeClaims('oracle'),
  ...turnClaims('float32'),
  ...resizeClaims('float32'),
  ...colourClaims,
];
