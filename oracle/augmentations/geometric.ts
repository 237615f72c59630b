/**
 * The exact geometric operations, each a source map for {@link gather} (docs/augmentation.md,
 * section Geometric operations). With an H × W × C input:
 *
 *   flip-left-right      out(y, x) = in(y, W − 1 − x)
 *   flip-up-down         out(y, x) = in(H − 1 − y, x)
 *   rot90, k mod 4 = 1   out(i, j) = in(j, W − 1 − i)            (W × H, counter-clockwise)
 *          k mod 4 = 2   out(y, x) = in(H − 1 − y, W − 1 − x)
 *          k mod 4 = 3   out(i, j) = in(H − 1 − j, i)            (W × H)
 *   crop-to-bounding-box out(y, x) = in(y₀ + y, x₀ + x), h × w; outside the image an error or 0
 *   central-crop         the box crop at the start geometric-offsets.ts computes
 *
 * Every index is an exact integer and every value is copied as its bits: there is nothing to round.
 *
 * @module
 */
import {
  checkImage,
  type CentralCropSchema,
  type CropToBoundingBoxSchema,
  type HwcImage,
  type Rot90Schema,
} from '../../core/catalogue/augmentations/geometric.js';
import { StepInputError, type Configuration } from '../../core/catalogue/index.js';
import { required } from '../../core/required.js';
import { checkEntry } from '../marks.js';
import { tensorflowCentralStart, torchvisionCentralStart } from './geometric-offsets.js';
import { boxCrop, gather } from './geometric-windows.js';

/** An exact operation's oracle: the output image of `image` under `config`. */
export type ExactTransformOracle = (config: Configuration, image: HwcImage) => HwcImage;

/** Checks that `config` configures `entry` and `image` is an image. */
function checked(entry: string, config: Configuration, image: unknown): asserts image is HwcImage {
  checkEntry(entry, [entry], config);
  checkImage(entry, image);
}

/** The horizontal flip's oracle. */
export const flipLeftRightOracle: ExactTransformOracle = (config, image) => {
  checked('flip-left-right', config, image);
  return gather(image, image, (y, x) => [y, image.width - 1 - x]);
};

/** The vertical flip's oracle. */
export const flipUpDownOracle: ExactTransformOracle = (config, image) => {
  checked('flip-up-down', config, image);
  return gather(image, image, (y, x) => [image.height - 1 - y, x]);
};

/** k mod 4 in [0, 4) for any integer k (JavaScript's % keeps the sign of k). */
export const quarterTurns = (k: number): number => ((k % 4) + 4) % 4;

/** The quarter turn's oracle: k counter-clockwise quarter turns, k from the configuration. */
export const rot90Oracle: ExactTransformOracle = (config, image) => {
  checked('rot90', config, image);
  const { height: H, width: W } = image;
  const turns = quarterTurns(Number((config as Configuration<Rot90Schema>).hyper.k));
  switch (turns) {
    case 0:
      return gather(image, image, (y, x) => [y, x]);
    case 1:
      return gather(image, { height: W, width: H }, (i, j) => [j, W - 1 - i]);
    case 2:
      return gather(image, image, (y, x) => [H - 1 - y, W - 1 - x]);
    default:
      return gather(image, { height: W, width: H }, (i, j) => [H - 1 - j, i]);
  }
};

/** A box as exact integers: top-left corner (y₀, x₀) and size h × w. */
export interface Box {
  readonly offsetHeight: number;
  readonly offsetWidth: number;
  readonly targetHeight: number;
  readonly targetWidth: number;
}

/** The box a crop_to_bounding_box configuration names. */
export function boxOf(config: Configuration<CropToBoundingBoxSchema>): Box {
  const { offsetHeight, offsetWidth, targetHeight, targetWidth } = config.hyper;
  return {
    offsetHeight: Number(offsetHeight),
    offsetWidth: Number(offsetWidth),
    targetHeight: Number(targetHeight),
    targetWidth: Number(targetWidth),
  };
}

/**
 * TensorFlow's checks of a box against an H × W image (crop_to_bounding_box): y₀, x₀ ≥ 0,
 * h, w > 0, H ≥ h + y₀, W ≥ w + x₀; a StepInputError naming the first that fails.
 */
export function checkBoxInside(rule: string, box: Box, height: number, width: number): void {
  const failed = [
    [box.offsetHeight >= 0, 'offset_height must be >= 0'],
    [box.offsetWidth >= 0, 'offset_width must be >= 0'],
    [box.targetHeight > 0 && box.targetWidth > 0, 'target sizes must be > 0'],
    [height >= box.targetHeight + box.offsetHeight, 'height must be >= target + offset'],
    [width >= box.targetWidth + box.offsetWidth, 'width must be >= target + offset'],
  ].find(([ok]) => !ok);
  if (failed !== undefined)
    throw new StepInputError(rule, `${String(failed[1])} (box ${JSON.stringify(box)} on ${height} × ${width})`);
}

/** crop_to_bounding_box's oracle: the box, checked against the image under 'error', zero-padded under 'zero-pad'. */
export const cropToBoundingBoxOracle: ExactTransformOracle = (config, image) => {
  checked('crop-to-bounding-box', config, image);
  const crop = config as Configuration<CropToBoundingBoxSchema>;
  const box = boxOf(crop);
  if (crop.flags.outside === 'error') checkBoxInside('crop-to-bounding-box', box, image.height, image.width);
  return boxCrop(image, box.offsetHeight, box.offsetWidth, box.targetHeight, box.targetWidth);
};

/** The central crop's box on an H × W image: TensorFlow's by fraction, torchvision's by size. */
export function centralBox(config: Configuration<CentralCropSchema>, height: number, width: number): Box {
  if (config.flags.anchor === 'fraction-float64') {
    const f = required(config.hyper.fraction, "the central crop's fraction");
    const y0 = tensorflowCentralStart(height, f);
    const x0 = tensorflowCentralStart(width, f);
    return { offsetHeight: y0, offsetWidth: x0, targetHeight: height - 2 * y0, targetWidth: width - 2 * x0 };
  }
  const h = Number(required(config.hyper.height, "the central crop's height"));
  const w = Number(required(config.hyper.width, "the central crop's width"));
  return {
    offsetHeight: torchvisionCentralStart(height, h),
    offsetWidth: torchvisionCentralStart(width, w),
    targetHeight: h,
    targetWidth: w,
  };
}

/** The central crop's oracle. */
export const centralCropOracle: ExactTransformOracle = (config, image) => {
  checked('central-crop', config, image);
  const box = centralBox(config as Configuration<CentralCropSchema>, image.height, image.width);
  return boxCrop(image, box.offsetHeight, box.offsetWidth, box.targetHeight, box.targetWidth);
};
