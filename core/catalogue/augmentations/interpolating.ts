/**
 * The interpolating augmentations as catalogue entries (docs/augmentation.md, section Interpolating
 * operations): rotation by any angle with nearest sampling and a fill value, and resizing with nearest
 * and bilinear sampling under the three coordinate conventions. Images are height × width × channels
 * (HWC, the `HwcImage` of ./geometric.ts), float32 or uint8; an output pixel (x, y) samples the input
 * at a source position computed from its indices, and the conventions differ in that position only.
 *
 * @module
 */
import { defineEntry, type SchemaOf } from '../define.js';
import type { CatalogueEntry } from '../types.js';

/** The size a resize produces: output rows and columns (the channels are kept). */
export interface OutputSize {
  readonly height: number;
  readonly width: number;
}

const noSlots = {} as const;
const noHyperparameters = {} as const;

const fraction = (axis: string) =>
  ({
    symbol: `c_${axis}`,
    description: `rotation centre along ${axis}, as a fraction of the image's size (0.5: the middle; the centre flag says of what)`,
    domain: { min: '0', max: '1' },
  }) as const;

const rotateHyperparameters = {
  angle: {
    symbol: 'θ',
    description: 'rotation angle in degrees, counter-clockwise as the image is displayed (row 0 at the top)',
    domain: { min: '-360', max: '360' },
  },
  fill: {
    symbol: 'f',
    description: 'the value of output pixels whose source lies outside the image',
    domain: { min: '0', max: '255', integer: true },
  },
  centreX: fraction('x'),
  centreY: fraction('y'),
} as const;

const rotateFlags = {
  centre: {
    description:
      "where the centre c lies in pixel-index coordinates, from the fraction f and the size n: 'size' c = f n (tfjs), " +
      "'edges' c = f n − 1/2 (torchvision: the centre in edge coordinates), 'span' c = f (n − 1) (Keras)",
    values: ['size', 'edges', 'span'],
  },
  rounding: {
    description:
      "how a source position that lies halfway between two pixels is rounded: 'half-up' (JavaScript Math.round, tfjs), " +
      "'half-even' (std::nearbyint, torch grid_sample), 'half-away' (std::round, TensorFlow's ImageProjectiveTransform)",
    values: ['half-up', 'half-even', 'half-away'],
  },
} as const;

/** Rotation's hyperparameters (angle, fill value, centre) and its centre and rounding conventions; no state. */
export type RotateSchema = SchemaOf<typeof rotateHyperparameters, typeof rotateFlags, typeof noSlots>;

/**
 * Rotation by θ about the centre (c_x, c_y) with nearest sampling: output pixel (x, y) takes the
 * input pixel at (round(X), round(Y)),
 *
 *   X = (x − c_x) cos θ − (y − c_y) sin θ + c_x,   Y = (x − c_x) sin θ + (y − c_y) cos θ + c_y,
 *
 * or the fill value where that pixel lies outside the image. Shape and dtype are kept.
 */
export const rotate = defineEntry({
  name: 'rotate',
  kind: 'image-transform',
  title: 'Rotation by any angle (nearest, fill value)',
  source: 'tfjs-core/src/ops/image/rotate_with_offset.ts and tfjs-backend-cpu/src/kernels/RotateWithOffset.ts',
  hyperparameters: rotateHyperparameters,
  flags: rotateFlags,
  slots: noSlots,
  presets: {
    tfjs: {
      source:
        'tf.image.rotateWithOffset(image, radians, fillValue = 0, center = 0.5): centre W·center in pixel indices (backend_util.getImageCenter), Math.round (tfjs-backend-cpu RotateWithOffset)',
      defaults: { angle: '90', fill: '0', centreX: '0.5', centreY: '0.5' },
      flags: { centre: 'size', rounding: 'half-up' },
    },
    pytorch: {
      source:
        'torchvision.transforms.v2.functional.rotate(image, angle, NEAREST, expand=False, center=None, fill=0): grid_sample(align_corners=False) about the image centre ((W − 1)/2, (H − 1)/2), std::nearbyint (aten GridSampler)',
      defaults: { angle: '90', fill: '0', centreX: '0.5', centreY: '0.5' },
      flags: { centre: 'edges', rounding: 'half-even' },
    },
    keras: {
      source:
        "keras.layers.RandomRotation with fill_mode='constant', interpolation='nearest': _compute_affine_matrix centre 0.5·(W − 1) (base_image_preprocessing_layer.py), ImageProjectiveTransformV3 std::round (tensorflow/core/kernels/image/image_ops.h)",
      defaults: { angle: '90', fill: '0', centreX: '0.5', centreY: '0.5' },
      flags: { centre: 'span', rounding: 'half-away' },
    },
  },
});

const coordinateFlags = {
  coordinates: {
    description:
      "the source position s of output index i, with input size n_in and output size n_out: 'half-pixel' " +
      "s = (n_in/n_out)(i + 1/2) − 1/2 (TensorFlow 2 tf.image.resize, torch align_corners=False); 'align-corners' " +
      "s = ((n_in − 1)/(n_out − 1)) i (n_out > 1); 'legacy' s = (n_in/n_out) i (TensorFlow 1, tfjs's default)",
    values: ['half-pixel', 'align-corners', 'legacy'],
  },
} as const;

/** A resize's coordinate convention; no hyperparameters (the output size is an argument), no state. */
export type ResizeSchema = SchemaOf<typeof noHyperparameters, typeof coordinateFlags, typeof noSlots>;

/**
 * Bilinear resize: with s clamped to [0, n_in − 1] along each axis, output = the bilinear interpolant
 * of the four pixels around (s_y, s_x), top + (bottom − top) · (s_y − ⌊s_y⌋) with top and bottom
 * interpolated along x likewise. The output is float32 for either input dtype.
 */
export const resizeBilinear = defineEntry({
  name: 'resize-bilinear',
  kind: 'image-transform',
  title: 'Resize, bilinear',
  source: 'tensorflow/core/kernels/image/resize_bilinear_op.cc; tfjs-backend-cpu/src/kernels/ResizeBilinear.ts',
  hyperparameters: noHyperparameters,
  flags: coordinateFlags,
  slots: noSlots,
  presets: {
    keras: {
      source:
        "keras.layers.Resizing(interpolation='bilinear', antialias=False) → tf.image.resize: ResizeBilinear(half_pixel_centers=True)",
      defaults: {},
      flags: { coordinates: 'half-pixel' },
    },
    tfjs: {
      source:
        'tf.image.resizeBilinear(images, size, alignCorners = false, halfPixelCenters = false): the legacy mapping',
      defaults: {},
      flags: { coordinates: 'legacy' },
    },
    pytorch: {
      source:
        "torch.nn.functional.interpolate(mode='bilinear', align_corners=False, antialias=False) (torchvision's resize antialiases by default, which this is not)",
      defaults: {},
      flags: { coordinates: 'half-pixel' },
    },
  },
});

/**
 * Nearest-neighbour resize: output index i takes input index min(⌊s⌋, n_in − 1) under 'legacy',
 * max(0, min(⌊(n_in/n_out)(i + 1/2)⌋, n_in − 1)) under 'half-pixel' (the s + 1/2 of the bilinear
 * mapping, floored) and min(round(s), n_in − 1) (halves up) under 'align-corners'. Shape (but for the
 * size) and dtype are kept.
 */
export const resizeNearest = defineEntry({
  name: 'resize-nearest',
  kind: 'image-transform',
  title: 'Resize, nearest neighbour',
  source:
    'tensorflow/core/kernels/image/resize_nearest_neighbor_op.cc; tfjs-backend-cpu/src/kernels/ResizeNearestNeighbor.ts',
  hyperparameters: noHyperparameters,
  flags: coordinateFlags,
  slots: noSlots,
  presets: {
    keras: {
      source:
        "keras.layers.Resizing(interpolation='nearest') → tf.image.resize: ResizeNearestNeighbor(half_pixel_centers=True)",
      defaults: {},
      flags: { coordinates: 'half-pixel' },
    },
    tfjs: {
      source: 'tf.image.resizeNearestNeighbor(images, size, alignCorners = false, halfPixelCenters = false)',
      defaults: {},
      flags: { coordinates: 'legacy' },
    },
    pytorch: {
      source:
        "torch.nn.functional.interpolate(mode='nearest'): ⌊i · n_in/n_out⌋, the legacy mapping ('nearest-exact' is half-pixel)",
      defaults: {},
      flags: { coordinates: 'legacy' },
    },
  },
});

/** The interpolating augmentations, in the order reports list them. */
export const interpolating: readonly CatalogueEntry[] = [rotate, resizeBilinear, resizeNearest];
