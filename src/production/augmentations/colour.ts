/**
 * Brightness and contrast in float32, our own code (tfjs has neither), written once against
 * {@link ColourArith} so that the gate derives their error bounds from the same code. An image is its
 * channel planes, each a region of n = H W values; in each framework's order of operations:
 *
 *   read     x' = x (float32), x · fl(1/255) (uint8, TensorFlow), x (uint8, torchvision)
 *   brightness  x' + δ  or  x' · k
 *   contrast    per-channel m = Σ x' / n, y = m + k (x' − m)            (AdjustContrastv2's order)
 *               grayscale  g = (x'_R 0.2989 + x'_G 0.587) + x'_B 0.114  (⌊g⌋ for uint8), m = Σ g / n,
 *                          y = x' k + m (1 − k)                          (torchvision's _blend)
 *   write    float32: y, or min(max(y, lo), hi) under a clip; uint8: ⌊min(max(255.5 y, 0), 255)⌋
 *            (TensorFlow's saturating convert_image_dtype) or ⌊min(max(y, 0), 255)⌋ (torchvision)
 *
 * Coefficients are float64 from the hyperparameters (ScalarArith), rounded once to float32.
 *
 * @module
 */
import type { RegionArith, ScalarArith } from '../../../core/arith.js';
import {
  GRAYSCALE_WEIGHTS,
  type BrightnessSchema,
  type ContrastSchema,
} from '../../../core/catalogue/augmentations/colour.js';
import type { ImageDtype } from '../../../core/catalogue/augmentations/geometric.js';
import type { Configuration } from '../../../core/catalogue/index.js';
import { required } from '../../../core/required.js';

/** {@link RegionArith} with the two operations clipping and uint8 writing need. */
export interface ColourArith<T> extends RegionArith<T> {
  /** min(a, b), for finite values (clipping). */
  min(a: T, b: T): T;
  /** ⌊a⌋ (a uint8 value written back, torchvision's floored grayscale). */
  floor(a: T): T;
}

/** The coefficients, by name. */
export type ColourCoefficients<X> = Readonly<Record<ColourCoefficient, X>>;

/** Names of the coefficients: the amount (δ or k), 1 − k, 1/255, 255.5, the clip ends, n and the luma weights. */
export type ColourCoefficient =
  'amount' | 'oneMinus' | 'inv255' | 'scale' | 'zero' | 'high' | 'byte' | 'count' | 'wr' | 'wg' | 'wb';

/** What an image brings to the computation besides its values. */
export interface ColourShape {
  readonly pixels: number;
  readonly channels: number;
  readonly dtype: ImageDtype;
}

/** A colour adjustment: its coefficients and its computation on channel planes. */
export interface ColourAlgorithm {
  readonly name: string;
  coefficients<X>(s: ScalarArith<X>, config: Configuration, shape: ColourShape): ColourCoefficients<X>;
  apply<T>(
    A: ColourArith<T>,
    planes: readonly T[],
    c: ColourCoefficients<T>,
    config: Configuration,
    shape: ColourShape,
  ): T[];
}

function coefficients<X>(s: ScalarArith<X>, amount: string, shape: ColourShape, clip: string): ColourCoefficients<X> {
  const [wr, wg, wb] = GRAYSCALE_WEIGHTS;
  return {
    amount: s.hyper(amount),
    oneMinus: s.sub(s.integer(1), s.hyper(amount)),
    inv255: s.div(s.integer(1), s.integer(255)),
    scale: s.hyper('255.5'),
    zero: s.integer(0),
    high: s.integer(clip === 'unit' && shape.dtype === 'float32' ? 1 : 255),
    byte: s.integer(255),
    count: s.integer(shape.pixels),
    wr: s.hyper(wr),
    wg: s.hyper(wg),
    wb: s.hyper(wb),
  };
}

/** Whether a uint8 image follows TensorFlow's conversion (clip 'none') rather than torchvision's. */
const tensorflowBytes = (clip: string, shape: ColourShape): boolean => shape.dtype === 'uint8' && clip === 'none';

function read<T>(A: ColourArith<T>, x: T, c: ColourCoefficients<T>, clip: string, shape: ColourShape): T {
  return tensorflowBytes(clip, shape) ? A.mul(x, c.inv255) : x;
}

function write<T>(A: ColourArith<T>, y: T, c: ColourCoefficients<T>, clip: string, shape: ColourShape): T {
  if (shape.dtype === 'uint8') {
    const scaled = tensorflowBytes(clip, shape) ? A.mul(y, c.scale) : y;
    return A.floor(A.min(A.max(scaled, c.zero), c.byte));
  }
  return clip === 'none' ? y : A.min(A.max(y, c.zero), c.high);
}

/** Brightness: x' + δ (additive) or x' · k (multiplicative). */
export const brightnessAlgorithm: ColourAlgorithm = {
  name: 'adjust-brightness',
  coefficients(s, config, shape) {
    const { hyper, flags } = config as Configuration<BrightnessSchema>;
    const additive = flags.convention === 'additive';
    return coefficients(s, required(additive ? hyper.delta : hyper.factor, 'the amount'), shape, flags.clip);
  },
  apply(A, planes, c, config, shape) {
    const { flags } = config as Configuration<BrightnessSchema>;
    return planes.map((plane) => {
      const x = read(A, plane, c, flags.clip, shape);
      const y = flags.convention === 'additive' ? A.add(x, c.amount) : A.mul(x, c.amount);
      return write(A, y, c, flags.clip, shape);
    });
  },
};

/** Contrast: per-channel means (TensorFlow's order) or the grayscale mean (torchvision's). */
export const contrastAlgorithm: ColourAlgorithm = {
  name: 'adjust-contrast',
  coefficients(s, config, shape) {
    const { hyper, flags } = config as Configuration<ContrastSchema>;
    return coefficients(s, hyper.factor, shape, flags.clip);
  },
  apply(A, planes, c, config, shape) {
    const { flags } = config as Configuration<ContrastSchema>;
    const xs = planes.map((p) => read(A, p, c, flags.clip, shape));
    if (flags.mean === 'per-channel') {
      return xs.map((x) => {
        const m = A.div(A.regionSum(x), c.count);
        return write(A, A.add(m, A.mul(c.amount, A.sub(x, m))), c, flags.clip, shape);
      });
    }
    const [r, g, b] = xs;
    let gray = required(r, 'the first channel');
    if (g !== undefined && b !== undefined) {
      gray = A.add(A.add(A.mul(gray, c.wr), A.mul(g, c.wg)), A.mul(b, c.wb));
      if (shape.dtype === 'uint8') gray = A.floor(gray);
    }
    const rest = A.mul(A.div(A.regionSum(gray), c.count), c.oneMinus);
    return xs.map((x) => write(A, A.add(A.mul(x, c.amount), rest), c, flags.clip, shape));
  },
};
