/**
 * The colour augmentations as catalogue entries (docs/augmentation.md, section Colour): brightness and
 * contrast under TensorFlow's convention (additive, per-channel means, no clamp on float images) and
 * torchvision's (multiplicative, one grayscale mean per image, clamped to the dtype's range), with
 * Keras 3's layers as TensorFlow's arithmetic clipped to their value range.
 *
 * @module
 */
import { defineEntry, optional, type SchemaOf } from '../define.js';
import type { CatalogueEntry } from '../types.js';

const noSlots = {} as const;

/** The luma weights of ITU-R BT.601 as TensorFlow and torchvision write them (R, G, B). */
export const GRAYSCALE_WEIGHTS = ['0.2989', '0.587', '0.114'] as const;

const clip = {
  description:
    "what the result is clipped to: 'none' (TensorFlow's tf.image: float images unclipped, uint8 ones saturate on " +
    "the way back), 'unit' (torchvision: [0, 1] for float, [0, 255] for uint8), 'value-range' (Keras 3's layers: " +
    'their value_range, (0, 255) by default; float32 images only)',
  values: ['none', 'unit', 'value-range'],
} as const;

const brightnessHyperparameters = {
  delta: optional({
    symbol: 'δ',
    description: "the amount added to every value (the 'additive' convention)",
    domain: { min: '-255', max: '255' },
  }),
  factor: optional({
    symbol: 'k',
    description: "the factor every value is multiplied by (the 'multiplicative' convention)",
    domain: { min: '0', max: '64' },
  }),
} as const;

const brightnessFlags = {
  convention: {
    description: "'additive': x + δ (TensorFlow, Keras); 'multiplicative': k x (torchvision)",
    values: ['additive', 'multiplicative'],
  },
  clip,
} as const;

/** Brightness's amount (δ or k, by convention) and its conventions; no state. */
export type BrightnessSchema = SchemaOf<typeof brightnessHyperparameters, typeof brightnessFlags, typeof noSlots>;

/**
 * Brightness: y = x + δ (additive) or y = k x (multiplicative), then clipped as the clip flag says. A
 * uint8 image under TensorFlow's convention is converted to x/255, adjusted, and converted back as
 * ⌊clip(255.5 y, 0, 255)⌋ (convert_image_dtype with saturate=True); under torchvision's it is
 * ⌊clip(k x, 0, 255)⌋.
 */
export const adjustBrightness = defineEntry({
  name: 'adjust-brightness',
  kind: 'image-transform',
  title: 'Brightness',
  source:
    'tensorflow/python/ops/image_ops_impl.py adjust_brightness; torchvision/transforms/v2/functional/_color.py adjust_brightness',
  hyperparameters: brightnessHyperparameters,
  flags: brightnessFlags,
  slots: noSlots,
  presets: {
    tfjs: {
      source:
        'TensorFlow tf.image.adjust_brightness(image, delta): image + delta (tfjs has no such op; this is our code in its convention)',
      defaults: { delta: '0.1' },
      flags: { convention: 'additive', clip: 'none' },
    },
    keras: {
      source:
        'keras/src/layers/preprocessing/image_preprocessing/random_brightness.py: images + rgb_delta, clipped to value_range (0, 255)',
      defaults: { delta: '25.5' },
      flags: { convention: 'additive', clip: 'value-range' },
    },
    pytorch: {
      source: 'torchvision adjust_brightness_image: image.mul(brightness_factor).clamp_(0, bound), then .to(dtype)',
      defaults: { factor: '1.5' },
      flags: { convention: 'multiplicative', clip: 'unit' },
    },
  },
});

const contrastHyperparameters = {
  factor: {
    symbol: 'k',
    description: 'the contrast factor (torchvision requires k ≥ 0)',
    domain: { min: '-64', max: '64' },
  },
} as const;

const contrastFlags = {
  mean: {
    description:
      "'per-channel': m_c = the mean of channel c over the image, y = (x − m_c) k + m_c (TensorFlow, Keras); " +
      "'grayscale': m = the mean of the image's grayscale 0.2989 R + 0.587 G + 0.114 B (of the channel itself for one " +
      'channel; floored per pixel for uint8), y = k x + (1 − k) m (torchvision)',
    values: ['per-channel', 'grayscale'],
  },
  clip,
} as const;

/** Contrast's factor and its conventions; no state. */
export type ContrastSchema = SchemaOf<typeof contrastHyperparameters, typeof contrastFlags, typeof noSlots>;

/**
 * Contrast: y = (x − m_c) k + m_c with per-channel means, or y = k x + (1 − k) m with the grayscale
 * mean, then clipped; uint8 images as for {@link adjustBrightness}.
 */
export const adjustContrast = defineEntry({
  name: 'adjust-contrast',
  kind: 'image-transform',
  title: 'Contrast',
  source:
    'tensorflow/core/kernels/image/adjust_contrast_op.cc (AdjustContrastv2); torchvision/transforms/v2/functional/_color.py adjust_contrast',
  hyperparameters: contrastHyperparameters,
  flags: contrastFlags,
  slots: noSlots,
  presets: {
    tfjs: {
      source:
        'TensorFlow tf.image.adjust_contrast(images, factor): AdjustContrastv2, mean + factor (x − mean) per channel (tfjs has no such op)',
      defaults: { factor: '1.5' },
      flags: { mean: 'per-channel', clip: 'none' },
    },
    keras: {
      source:
        'keras/src/layers/preprocessing/image_preprocessing/random_contrast.py: (x − mean) · factor + mean per channel, clipped to value_range (0, 255)',
      defaults: { factor: '1.5' },
      flags: { mean: 'per-channel', clip: 'value-range' },
    },
    pytorch: {
      source:
        'torchvision adjust_contrast_image: _blend(image, mean of rgb_to_grayscale, factor), clamp_(0, bound), .to(dtype)',
      defaults: { factor: '1.5' },
      flags: { mean: 'grayscale', clip: 'unit' },
    },
  },
});

/** The colour augmentations, in the order reports list them. */
export const colour: readonly CatalogueEntry[] = [adjustBrightness, adjustContrast];
