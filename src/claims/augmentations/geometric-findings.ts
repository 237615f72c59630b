/**
 * What the frameworks' conventions make of the crops, decided on the exact oracle: statements one
 * would expect of a crop, each refuted with the smallest case.
 *
 * - tf.image.central_crop's offsets are not those of the decimal fraction: it computes in binary64.
 *   The two can differ only where H (1 − f) / 2 is an integer (elsewhere its distance to an integer
 *   is at least 1/(2·10^d) for a d-digit f, far above binary64's error), so the claim sweeps exactly
 *   those cases, f = (H − 2k)/H for H = 2^a 5^b ≤ 1000 (a terminating decimal), smallest H first.
 * - A crop of a zero-padded crop is not a crop: the first crop's zeros stay zeros where the
 *   composed box would read the image.
 * - torchvision's center_crop does not put the extra pixel of an odd margin on one side: Python's
 *   round takes ties to even.
 *
 * @module
 */
import fc from 'fast-check';
import { cropToBoundingBox, type HwcImage } from '../../../core/catalogue/augmentations/geometric.js';
import { configure } from '../../../core/catalogue/index.js';
import { cropToBoundingBoxOracle } from '../../../oracle/augmentations/geometric.js';
import {
  decimalCentralStart,
  tensorflowCentralStart,
  torchvisionCentralStart,
} from '../../../oracle/augmentations/geometric-offsets.js';
import { compareImages, describeImage } from '../../gate/augmentations/geometric-compare.js';
import { imageOf } from '../../gate/augmentations/geometric-cases.js';
import { checkProperty, int, text } from '../property.js';
import type { Claim, ClaimResult } from '../types.js';

/** The sides H = 2^a 5^b ≤ 1000, ascending: those whose fractions (H − 2k)/H terminate. */
const SIDES = Array.from({ length: 11 * 5 }, (_, i) => 2 ** (i % 11) * 5 ** Math.floor(i / 11))
  .filter((h) => h <= 1000)
  .sort((a, b) => a - b);

/** Every (H, f) where the decimal window's start is an integer k, f = (H − 2k)/H, TensorFlow's start against k. */
function centralSweep(seed: number): ClaimResult {
  let cases = 0;
  for (const H of SIDES) {
    for (let k = 0; 2 * k < H; k++) {
      const f = String((H - 2 * k) / H);
      cases += 1;
      const tf = tensorflowCentralStart(H, f);
      const exact = decimalCentralStart(H, f);
      if (tf !== exact)
        return {
          verdict: 'refuted',
          cases,
          seed,
          counterexample: [int('H', H), text('f', f), int('TensorFlow start', tf), int('decimal start', exact)],
          reason: `int((${H} − ${H}·${f}) / 2) in binary64 is ${tf}, keeping ${H - 2 * tf} rows; the decimal fraction keeps ${H - 2 * exact} rows from row ${exact}`,
        };
    }
  }
  return { verdict: 'holds', cases, seed };
}

const pad = (y: number, x: number, h: number, w: number) =>
  configure(cropToBoundingBox, 'pytorch', { offsetHeight: y, offsetWidth: x, targetHeight: h, targetWidth: w });

/** Any two boxes: a first one anywhere near an H × W image, a second anywhere near the first crop. */
const boxNear = (h: number, w: number) =>
  fc.tuple(
    fc.integer({ min: -2, max: h }),
    fc.integer({ min: -2, max: w }),
    fc.integer({ min: 1, max: h + 2 }),
    fc.integer({ min: 1, max: w + 2 }),
  );

/** crop(crop(x, b₁), b₂) against crop(x, b₁ ∘ b₂) under zero padding. */
function zeroPadComposes([x, b1, b2]: [HwcImage, number[], number[]]): boolean {
  const [y1 = 0, x1 = 0, h1 = 1, w1 = 1] = b1;
  const [y2 = 0, x2 = 0, h2 = 1, w2 = 1] = b2;
  const twice = cropToBoundingBoxOracle(pad(y2, x2, h2, w2), cropToBoundingBoxOracle(pad(y1, x1, h1, w1), x));
  const once = cropToBoundingBoxOracle(pad(y1 + y2, x1 + x2, h2, w2), x);
  return compareImages(twice, once).mismatches.length === 0;
}

/** The conventions' findings on crops, each refuted on the oracle. */
export const geometricFindingClaims: readonly Claim[] = [
  {
    id: 'augmentation/central-crop-decimal-fraction',
    statement:
      'tf.image.central_crop(x, f) starts its window at floor(H (1 − f) / 2), the start the decimal fraction f asks for',
    source: 'tensorflow/python/ops/image_ops_impl.py (central_crop: int((img_hd − img_hd * central_fraction) / 2))',
    on: 'oracle',
    expected: 'refuted',
    check: (o) => centralSweep(o.seed),
  },
  {
    id: 'augmentation/crop-of-crop-zero-pad',
    statement: 'under zero padding (torchvision crop), a crop of a crop is the crop of the composed box, for any boxes',
    source: 'torchvision/transforms/v2/functional/_geometry.py (crop_image pads with zeros)',
    on: 'oracle',
    expected: 'refuted',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(
            fc
              .record({
                height: fc.integer({ min: 1, max: 4 }),
                width: fc.integer({ min: 1, max: 4 }),
                channels: fc.constant(1),
              })
              .chain((s) => fc.tuple(imageOf(s, 'uint8'), boxNear(s.height, s.width)))
              .chain(([x, b1]) => fc.tuple(fc.constant(x), fc.constant(b1), boxNear(b1[2], b1[3]))),
            zeroPadComposes,
          ),
          runs: 100,
          describe: ([[x, b1, b2]]) => [
            text('image', describeImage(x)),
            text('b₁', b1.join(', ')),
            text('b₂', b2.join(', ')),
          ],
          reason: () => 'the first crop padded with zeros where the composed box reads pixels of the image',
        },
        o,
      ),
  },
  {
    id: 'augmentation/center-crop-odd-margin-side',
    statement: 'torchvision center_crop puts the extra pixel of an odd margin H − h on the same side for every H',
    source:
      'torchvision/transforms/v2/functional/_geometry.py (_center_crop_compute_crop_anchor: int(round((H − h) / 2.0)))',
    on: 'oracle',
    expected: 'refuted',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 20 }), (h, k) => {
            const H = h + 2 * k + 1;
            return torchvisionCentralStart(H, h) === k;
          }),
          runs: 100,
          describe: ([h, k]) => [
            int('h', h),
            int('H', h + 2 * k + 1),
            int('start', torchvisionCentralStart(h + 2 * k + 1, h)),
          ],
          reason: ([h, k]) =>
            `round(${2 * k + 1}/2) = ${torchvisionCentralStart(h + 2 * k + 1, h)} (ties to even): the extra pixel goes ${torchvisionCentralStart(h + 2 * k + 1, h) === k ? 'after' : 'before'} the crop here, after it at margin 1`,
        },
        o,
      ),
  },
];
