/**
 * The invariances of the exact geometric operations, checked bit for bit on float32 production
 * (TensorFlow.js, each backend): a flip twice is the identity, so are four quarter turns and a crop
 * of the whole image; a crop of a crop is a crop; every operation keeps the dtype and the channels,
 * gives the shape its convention says, and a random one keeps each label with its image.
 *
 * @module
 */
import fc from 'fast-check';
import {
  centralCrop,
  cropToBoundingBox,
  flipLeftRight,
  flipUpDown,
  rot90,
  type HwcImage,
} from '../../../core/catalogue/augmentations/geometric.js';
import { configure, type Configuration } from '../../../core/catalogue/index.js';
import { compareImages, describeImage } from '../../gate/augmentations/geometric-compare.js';
import { image, imageShape, imageOf } from '../../gate/augmentations/geometric-cases.js';
import { geometricRecordOf } from '../../registry/augmentations-geometric.js';
import { checkProperty, int, text } from '../property.js';
import type { Claim } from '../types.js';

const apply = (name: string, config: Configuration, x: HwcImage): HwcImage => {
  const record = geometricRecordOf(name);
  if (record.form !== 'exact') throw new TypeError(`${name} is random`);
  return record.production.apply(config, x);
};
const same = (a: HwcImage, b: HwcImage) => compareImages(a, b).mismatches.length === 0;
const described = ([x]: [HwcImage]) => [text('image', describeImage(x))];
const SOURCE = 'tensorflow/python/ops/image_ops_impl.py; torchvision/transforms/v2/functional/_geometry.py';

/** One invariance on one image: `holds(x)` for arbitrary images, on float32 production. */
function onImages(id: string, statement: string, holds: (x: HwcImage) => boolean): Claim {
  return {
    id,
    statement,
    source: SOURCE,
    on: 'float32',
    expected: 'holds',
    check: (o) => checkProperty({ property: fc.property(image(), holds), runs: 100, describe: described }, o),
  };
}

/** A box of an H × W image, inside it. */
const boxIn = (height: number, width: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: height - 1 }), fc.integer({ min: 0, max: width - 1 }))
    .chain(([y, x]) =>
      fc.tuple(
        fc.constant(y),
        fc.constant(x),
        fc.integer({ min: 1, max: height - y }),
        fc.integer({ min: 1, max: width - x }),
      ),
    );
const boxConfig = (preset: string, [y, x, h, w]: readonly number[]) =>
  configure(cropToBoundingBox, preset, { offsetHeight: y, offsetWidth: x, targetHeight: h, targetWidth: w });

/** A crop of a crop (TensorFlow's, boxes inside): crop(crop(x, b₁), b₂) = crop(x, corner b₁ + corner b₂, size b₂). */
const cropOfCrop: Claim = {
  id: 'augmentation/crop-of-crop',
  statement:
    'crop_to_bounding_box(crop_to_bounding_box(x, y₁, x₁, h₁, w₁), y₂, x₂, h₂, w₂) = crop_to_bounding_box(x, y₁ + y₂, x₁ + x₂, h₂, w₂), bitwise',
  source: 'tensorflow/python/ops/image_ops_impl.py (crop_to_bounding_box)',
  on: 'float32',
  expected: 'holds',
  check: (o) =>
    checkProperty(
      {
        property: fc.property(
          imageShape()
            .chain(({ dtype, ...s }) => fc.tuple(imageOf(s, dtype), boxIn(s.height, s.width)))
            .chain(([x, b1]) => fc.tuple(fc.constant(x), fc.constant(b1), boxIn(b1[2], b1[3]))),
          ([x, b1, b2]) => {
            const twice = apply(
              cropToBoundingBox.name,
              boxConfig('keras', b2),
              apply(cropToBoundingBox.name, boxConfig('keras', b1), x),
            );
            const once = apply(
              cropToBoundingBox.name,
              boxConfig('keras', [b1[0] + b2[0], b1[1] + b2[1], b2[2], b2[3]]),
              x,
            );
            return same(twice, once);
          },
        ),
        runs: 100,
        describe: ([[x, b1, b2]]) => [
          text('image', describeImage(x)),
          text('b₁', b1.join(', ')),
          text('b₂', b2.join(', ')),
        ],
      },
      o,
    ),
};

/** The shape each exact operation's convention gives, and whether the output has it. */
function shapeKept(x: HwcImage, k: number): boolean {
  const flips = [flipLeftRight, flipUpDown].map((e) => apply(e.name, configure(e, 'keras'), x));
  const turned = apply(rot90.name, configure(rot90, 'keras', { k }), x);
  const full = [
    apply(cropToBoundingBox.name, boxConfig('pytorch', [-1, 0, x.height + 2, x.width]), x),
    apply(centralCrop.name, configure(centralCrop, 'pytorch', { height: x.height + 1, width: 1 }), x),
  ];
  const odd = k % 2 !== 0;
  return (
    [...flips, turned, ...full].every((y) => y.dtype === x.dtype && y.channels === x.channels) &&
    flips.every((y) => y.height === x.height && y.width === x.width) &&
    turned.height === (odd ? x.width : x.height) &&
    turned.width === (odd ? x.height : x.width) &&
    full[0]?.height === x.height + 2 &&
    full[1]?.height === x.height + 1 &&
    full[1]?.width === 1
  );
}

/** The invariances, each on every backend. */
export const geometricInvarianceClaims: readonly Claim[] = [
  onImages('augmentation/flip-left-right-involution', 'tf.image.flipLeftRight twice is the identity, bitwise', (x) => {
    const config = configure(flipLeftRight, 'tfjs');
    return same(apply(flipLeftRight.name, config, apply(flipLeftRight.name, config, x)), x);
  }),
  onImages('augmentation/flip-up-down-involution', 'the vertical flip twice is the identity, bitwise', (x) => {
    const config = configure(flipUpDown, 'keras');
    return same(apply(flipUpDown.name, config, apply(flipUpDown.name, config, x)), x);
  }),
  onImages(
    'augmentation/rot90-four-quarter-turns',
    'four quarter turns (rot90, k = 1) are the identity, and rot90(k) = rot90(k mod 4), bitwise',
    (x) => {
      const one = configure(rot90, 'keras');
      let y = x;
      for (let i = 0; i < 4; i++) y = apply(rot90.name, one, y);
      const [a, b] = [
        apply(rot90.name, configure(rot90, 'keras', { k: 7 }), x),
        apply(rot90.name, configure(rot90, 'keras', { k: -1 }), x),
      ];
      return same(y, x) && same(a, b);
    },
  ),
  onImages(
    'augmentation/crop-full-image-identity',
    'a crop of the whole image is the identity: crop_to_bounding_box(x, 0, 0, H, W), central_crop(x, 1), center_crop(x, [H, W])',
    (x) =>
      ['keras', 'pytorch'].every((p) =>
        same(apply(cropToBoundingBox.name, boxConfig(p, [0, 0, x.height, x.width]), x), x),
      ) &&
      same(apply(centralCrop.name, configure(centralCrop, 'keras', { fraction: '1' }), x), x) &&
      same(apply(centralCrop.name, configure(centralCrop, 'pytorch', { height: x.height, width: x.width }), x), x),
  ),
  cropOfCrop,
  {
    id: 'augmentation/shape-dtype-kept',
    statement:
      'every exact operation keeps the dtype and the channels; a flip keeps H × W, a quarter turn keeps it (k even) or swaps it (k odd), a crop has its box’s size, padded or not',
    source: SOURCE,
    on: 'float32',
    expected: 'holds',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(image(), fc.integer({ min: -5, max: 5 }), shapeKept),
          runs: 100,
          describe: ([x, k]) => [text('image', describeImage(x)), int('k', k)],
        },
        o,
      ),
  },
];
