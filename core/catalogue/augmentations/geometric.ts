/**
 * The exact geometric augmentations as catalogue entries (docs/augmentation.md, sections Geometric
 * operations and Random versions): flips, quarter turns and crops of images in HWC layout, and their
 * random versions. None of them interpolates: every output pixel is an input pixel (or a zero the
 * crop pads with), so oracle and production must agree bit for bit. The image type and its checks
 * live here too, since every layer reads them.
 *
 * @module
 */
import { defineEntry, optional, type SchemaOf } from '../define.js';
import { StepInputError } from '../errors.js';
import type { CatalogueEntry } from '../types.js';

/** The pixel types: float32 everywhere, uint8 where the framework takes it (TensorFlow, torchvision). */
export const IMAGE_DTYPES = ['float32', 'uint8'] as const;

/** A pixel type. */
export type ImageDtype = (typeof IMAGE_DTYPES)[number];

/** An image's extent: height H, width W, channels C, each ≥ 1 (TensorFlow asserts it). */
export interface HwcShape {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
}

/** An image in HWC layout: pixel (y, x, c) is `data[(y W + x) C + c]`. */
export type HwcImage = HwcShape &
  ({ readonly dtype: 'float32'; readonly data: Float32Array } | { readonly dtype: 'uint8'; readonly data: Uint8Array });

/** Checks that `image`, an input of `rule`, is an {@link HwcImage}: positive integer sides, its dtype's array, H W C elements. */
export function checkImage(rule: string, image: unknown): asserts image is HwcImage {
  const i = image as Partial<Record<string, unknown>> | null;
  const side = (k: string) => i !== null && Number.isSafeInteger(i[k]) && (i[k] as number) >= 1;
  if (typeof image !== 'object' || i === null || !side('height') || !side('width') || !side('channels'))
    throw new StepInputError(rule, 'an image is { height, width, channels, dtype, data } with integer sides ≥ 1');
  const array = i['dtype'] === 'float32' ? Float32Array : i['dtype'] === 'uint8' ? Uint8Array : undefined;
  if (array === undefined)
    throw new StepInputError(rule, `image dtype ${String(i['dtype'])} is not one of ${IMAGE_DTYPES.join(', ')}`);
  const n = (i['height'] as number) * (i['width'] as number) * (i['channels'] as number);
  if (!(i['data'] instanceof array) || (i['data'] as ArrayLike<number>).length !== n)
    throw new StepInputError(rule, `a ${String(i['dtype'])} image of this shape holds a ${array.name} of ${n} values`);
}

const noHyperparameters = {} as const;
const noFlags = {} as const;
const noSlots = {} as const;

const integers = (description: string, symbol: string, min?: string) =>
  ({ symbol, description, domain: { integer: true, ...(min === undefined ? {} : { min }) } }) as const;

/** The flips have no hyperparameters, flags or state. */
export type FlipSchema = SchemaOf<typeof noHyperparameters, typeof noFlags, typeof noSlots>;

/** Horizontal flip: out(y, x, c) = in(y, W − 1 − x, c). */
export const flipLeftRight = defineEntry({
  name: 'flip-left-right',
  kind: 'image-transform',
  title: 'Horizontal flip',
  source: 'TensorFlow tf.image.flip_left_right (tensorflow/python/ops/image_ops_impl.py, reverse on the width axis)',
  hyperparameters: noHyperparameters,
  flags: noFlags,
  slots: noSlots,
  presets: {
    keras: { source: 'tf.image.flip_left_right: array_ops.reverse(image, [1])', defaults: {}, flags: {} },
    pytorch: {
      source: 'torchvision.transforms.v2.functional.horizontal_flip: image.flip(-1)',
      defaults: {},
      flags: {},
    },
    tfjs: { source: 'tf.image.flipLeftRight (tfjs-core, float32 rank-4 input only)', defaults: {}, flags: {} },
  },
});

/** Vertical flip: out(y, x, c) = in(H − 1 − y, x, c). tfjs has no such op. */
export const flipUpDown = defineEntry({
  name: 'flip-up-down',
  kind: 'image-transform',
  title: 'Vertical flip',
  source: 'TensorFlow tf.image.flip_up_down (tensorflow/python/ops/image_ops_impl.py, reverse on the height axis)',
  hyperparameters: noHyperparameters,
  flags: noFlags,
  slots: noSlots,
  presets: {
    keras: { source: 'tf.image.flip_up_down: array_ops.reverse(image, [0])', defaults: {}, flags: {} },
    pytorch: { source: 'torchvision.transforms.v2.functional.vertical_flip: image.flip(-2)', defaults: {}, flags: {} },
  },
});

const rot90Hyperparameters = { k: integers('quarter turns counter-clockwise, taken mod 4', 'k') } as const;

/** The quarter turn's k. */
export type Rot90Schema = SchemaOf<typeof rot90Hyperparameters, typeof noFlags, typeof noSlots>;

/** k counter-clockwise quarter turns; k ≡ 1 (mod 4): out(i, j, c) = in(j, W − 1 − i, c), shape W × H × C. */
export const rot90 = defineEntry({
  name: 'rot90',
  kind: 'image-transform',
  title: 'Rotation by multiples of 90°',
  source: 'TensorFlow tf.image.rot90 (tensorflow/python/ops/image_ops_impl.py, _rot90_3D)',
  hyperparameters: rot90Hyperparameters,
  flags: noFlags,
  slots: noSlots,
  presets: {
    keras: {
      source: 'tf.image.rot90(image, k=1): k mod 4; k = 1 is transpose(reverse(image, [1]), [1, 0, 2])',
      defaults: { k: '1' },
      flags: {},
    },
    pytorch: {
      source:
        'torchvision.transforms.v2.functional.rotate(image, 90 k, expand=True): its fast path torch.rot90(image, k, dims=(-2, -1))',
      defaults: { k: '1' },
      flags: {},
    },
  },
});

const boxHyperparameters = {
  offsetHeight: integers('row of the box’s top-left corner', 'y₀'),
  offsetWidth: integers('column of the box’s top-left corner', 'x₀'),
  targetHeight: integers('rows of the box', 'h', '1'),
  targetWidth: integers('columns of the box', 'w', '1'),
} as const;
const boxFlags = {
  outside: {
    description:
      "'error': the box must lie in the image (TensorFlow asserts); 'zero-pad': pixels of the box outside the image are 0 (torchvision)",
    values: ['error', 'zero-pad'],
  },
} as const;

/** The box of crop_to_bounding_box and what happens outside the image. */
export type CropToBoundingBoxSchema = SchemaOf<typeof boxHyperparameters, typeof boxFlags, typeof noSlots>;

/** Crop to a box: out(y, x, c) = in(y₀ + y, x₀ + x, c), or 0 outside the image under 'zero-pad'. */
export const cropToBoundingBox = defineEntry({
  name: 'crop-to-bounding-box',
  kind: 'image-transform',
  title: 'Crop to a bounding box',
  source: 'TensorFlow tf.image.crop_to_bounding_box (tensorflow/python/ops/image_ops_impl.py)',
  hyperparameters: boxHyperparameters,
  flags: boxFlags,
  slots: noSlots,
  presets: {
    keras: {
      source:
        'tf.image.crop_to_bounding_box: slice; asserts offsets ≥ 0, targets > 0, box inside the image (all required; 0, 0, 1, 1 used)',
      defaults: { offsetHeight: '0', offsetWidth: '0', targetHeight: '1', targetWidth: '1' },
      flags: { outside: 'error' },
    },
    pytorch: {
      source:
        'torchvision.transforms.v2.functional.crop(top, left, height, width): zero padding outside the image (all required; 0, 0, 1, 1 used)',
      defaults: { offsetHeight: '0', offsetWidth: '0', targetHeight: '1', targetWidth: '1' },
      flags: { outside: 'zero-pad' },
    },
  },
});

const centralHyperparameters = {
  fraction: optional({
    symbol: 'f',
    description: 'fraction of each side kept (TensorFlow)',
    domain: { min: '0', max: '1', minOpen: true },
  }),
  height: optional(integers('rows of the output (torchvision)', 'h', '1')),
  width: optional(integers('columns of the output (torchvision)', 'w', '1')),
} as const;
const centralFlags = {
  anchor: {
    description:
      "'fraction-float64': start = int((H − H f)/2) in binary64, size H − 2 start (TensorFlow); 'round-half-even': start = round((H − h)/2) with ties to even, zero padding when h > H (torchvision)",
    values: ['fraction-float64', 'round-half-even'],
  },
} as const;

/** A central crop: TensorFlow's by fraction, torchvision's by output size. */
export type CentralCropSchema = SchemaOf<typeof centralHyperparameters, typeof centralFlags, typeof noSlots>;

/** The centred window of each side: a box crop whose start the flag computes. */
export const centralCrop = defineEntry({
  name: 'central-crop',
  kind: 'image-transform',
  title: 'Central crop',
  source: 'TensorFlow tf.image.central_crop (tensorflow/python/ops/image_ops_impl.py)',
  hyperparameters: centralHyperparameters,
  flags: centralFlags,
  slots: noSlots,
  presets: {
    keras: {
      source: 'tf.image.central_crop(image, central_fraction): Python floats, int() truncation (required; 0.5 used)',
      defaults: { fraction: '0.5' },
      flags: { anchor: 'fraction-float64' },
    },
    pytorch: {
      source:
        'torchvision.transforms.v2.functional.center_crop(image, [h, w]): int(round((H − h) / 2.0)), padding (h − H)//2 before (required; 1 × 1 used)',
      defaults: { height: '1', width: '1' },
      flags: { anchor: 'round-half-even' },
    },
  },
});

const flipProbability = {
  probability: optional({
    symbol: 'p',
    description: 'probability of flipping (torchvision); TensorFlow flips with probability 1/2 and takes none',
    domain: { min: '0', max: '1' },
  }),
} as const;

/** A random flip's probability (torchvision only). */
export type RandomFlipSchema = SchemaOf<typeof flipProbability, typeof noFlags, typeof noSlots>;

const randomFlipPresets = (tf: string, torch: string) =>
  ({
    keras: { source: `${tf}: rank 3, flips when uniform [0, 1) < 0.5`, defaults: {}, flags: {} },
    pytorch: { source: `${torch}(p=0.5): flips when torch.rand(1) < p`, defaults: { probability: '0.5' }, flags: {} },
  }) as const;

/** Random horizontal flip: the flip with probability p (1/2 in TensorFlow), the image otherwise. */
export const randomFlipLeftRight = defineEntry({
  name: 'random-flip-left-right',
  kind: 'image-transform',
  title: 'Random horizontal flip',
  source: 'TensorFlow tf.image.random_flip_left_right (tensorflow/python/ops/image_ops_impl.py, _random_flip)',
  hyperparameters: flipProbability,
  flags: noFlags,
  slots: noSlots,
  presets: randomFlipPresets('tf.image.random_flip_left_right', 'torchvision.transforms.v2.RandomHorizontalFlip'),
});

/** Random vertical flip: the flip with probability p (1/2 in TensorFlow), the image otherwise. */
export const randomFlipUpDown = defineEntry({
  name: 'random-flip-up-down',
  kind: 'image-transform',
  title: 'Random vertical flip',
  source: 'TensorFlow tf.image.random_flip_up_down (tensorflow/python/ops/image_ops_impl.py, _random_flip)',
  hyperparameters: flipProbability,
  flags: noFlags,
  slots: noSlots,
  presets: randomFlipPresets('tf.image.random_flip_up_down', 'torchvision.transforms.v2.RandomVerticalFlip'),
});

const cropSize = {
  targetHeight: integers('rows of the crop', 'h', '1'),
  targetWidth: integers('columns of the crop', 'w', '1'),
} as const;
const cropFlags = {
  offsets: {
    description:
      "how a 32-bit uniform s gives each offset in [0, L), L = H − h + 1: 'int32-modulo' (s mod (2^31 − 1)) mod L (TensorFlow); 'uint32-modulo' s mod L (PyTorch)",
    values: ['int32-modulo', 'uint32-modulo'],
  },
} as const;

/** A random crop's size and its offset draw. */
export type RandomCropSchema = SchemaOf<typeof cropSize, typeof cropFlags, typeof noSlots>;

/** Random crop: a box crop at offsets drawn independently per axis, almost uniform on [0, H − h] × [0, W − w]. */
export const randomCrop = defineEntry({
  name: 'random-crop',
  kind: 'image-transform',
  title: 'Random crop',
  source: 'TensorFlow tf.image.random_crop (tensorflow/python/ops/random_crop_ops.py)',
  hyperparameters: cropSize,
  flags: cropFlags,
  slots: noSlots,
  presets: {
    keras: {
      source:
        'tf.image.random_crop(value, [h, w, C]): random_uniform(int32, maxval=int32.max) % (shape − size + 1) (size required; 1 × 1 used)',
      defaults: { targetHeight: '1', targetWidth: '1' },
      flags: { offsets: 'int32-modulo' },
    },
    pytorch: {
      source:
        'torchvision.transforms.v2.RandomCrop(size): torch.randint(0, H − h + 1), a 32-bit draw mod the range (size required; 1 × 1 used)',
      defaults: { targetHeight: '1', targetWidth: '1' },
      flags: { offsets: 'uint32-modulo' },
    },
  },
});

/** The exact operations (one output per image). */
export const exactGeometric: readonly CatalogueEntry[] = [
  flipLeftRight,
  flipUpDown,
  rot90,
  cropToBoundingBox,
  centralCrop,
];

/** The random versions (one draw per image). */
export const randomGeometric: readonly CatalogueEntry[] = [randomFlipLeftRight, randomFlipUpDown, randomCrop];
