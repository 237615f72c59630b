/**
 * Brightness and contrast, exact (docs/augmentation.md, section Colour). With x a value, c its channel,
 * n = H W and the clip flag's interval [lo, hi] (none, [0, 1], or [0, 255]):
 *
 *   brightness  additive y = x + δ,  multiplicative y = k x
 *   contrast    per-channel y = (x − m_c) k + m_c,  m_c = Σ_channel c x / n
 *               grayscale   y = k x + (1 − k) m,    m = Σ g / n,
 *                           g = 0.2989 R + 0.587 G + 0.114 B (or the one channel)
 *
 * then y clipped to [lo, hi]. Float32 outputs are certified correctly rounded
 * (./interpolating-certify.ts). uint8 images follow their framework: under clip 'none' (TensorFlow) x
 * is read as x/255 and the result written back as ⌊clip(255.5 y, 0, 255)⌋ (convert_image_dtype,
 * saturate=True); under 'unit' (torchvision) x is read as is, g is floored per pixel, and the result
 * is ⌊clip(y, 0, 255)⌋. Those floors are decided in exact rational arithmetic.
 *
 * @module
 */
import {
  GRAYSCALE_WEIGHTS,
  type BrightnessSchema,
  type ContrastSchema,
} from '../../core/catalogue/augmentations/colour.js';
import { checkImage, type HwcImage } from '../../core/catalogue/augmentations/geometric.js';
import { HyperparameterError, StepInputError } from '../../core/catalogue/errors.js';
import type { Configuration, UncertifiedElement } from '../../core/catalogue/index.js';
import { required } from '../../core/required.js';
import type { Arithmetic, Enclosure } from '../enclosure.js';
import { checkEntry, uncertifiedOf } from '../marks.js';
import { RationalArithmetic, type Rational } from '../rational.js';
import { certifyValues } from './interpolating-certify.js';
import { floorRational, imageOf, ratio } from './interpolating-image.js';

/**
 * The adjustment of one image: its channel planes in, its channel planes out (before any uint8
 * write-back); `floor` is the exact floor for a uint8 image, undefined for a float32 one.
 */
type Adjust = (
  a: Arithmetic,
  planes: readonly Enclosure[][],
  floor: ((e: Enclosure) => Enclosure) | undefined,
) => Enclosure[][];

/** A colour oracle's output: the image (same shape and dtype) and the float32 values left uncertified. */
export interface ColourOracleOutput {
  readonly image: HwcImage;
  readonly uncertified: UncertifiedElement[];
}

const clamp = (a: Arithmetic, y: Enclosure, lo: number, hi: number): Enclosure =>
  a.neg(a.max(a.neg(a.max(y, a.point(lo))), a.neg(a.point(hi))));

/** The clip interval of the flag for a float32 image, undefined for none (a uint8 one is clipped to [0, 255] as written back). */
function clipRange(clip: string): readonly [number, number] | undefined {
  if (clip === 'value-range') return [0, 255];
  if (clip === 'unit') return [0, 1];
  return undefined;
}

/** Channel planes of `image` (plane c holds channel c in row-major pixel order). */
function planesOf(image: HwcImage, value: (x: number) => Enclosure): Enclosure[][] {
  const { channels: C, data } = image;
  const planes: Enclosure[][] = Array.from({ length: C }, () => []);
  data.forEach((x, i) => required(planes[i % C], 'a channel plane').push(value(x)));
  return planes;
}

/** Runs `adjust` on `image` under the clip flag `clip` with the uint8 conventions above. */
function run(op: string, image: HwcImage, clip: string, adjust: Adjust): ColourOracleOutput {
  checkImage(op, image);
  if (clip === 'value-range' && image.dtype !== 'float32')
    throw new StepInputError(op, "the 'value-range' convention (Keras 3's layers) takes float32 images");
  const { height: H, width: W, channels: C } = image;
  const at = <T>(planes: readonly T[][], y: number, x: number, c: number): T =>
    required(required(planes[c], `plane ${c}`)[y * W + x], `value (${y}, ${x}, ${c})`);
  if (image.dtype === 'uint8') {
    const q = RationalArithmetic.instance;
    const tensorflow = clip === 'none';
    const input = planesOf(image, (x) => (tensorflow ? ratio(x, 255) : ratio(x, 1)));
    const floor = (e: Enclosure) => ratio(floorRational(e as Rational), 1);
    const out = adjust(q, input, floor).map((plane) =>
      plane.map((y) => {
        const scaled = tensorflow ? q.mul(y as Rational, ratio(511, 2)) : (y as Rational);
        return Number(floorRational(clamp(q, scaled, 0, 255) as Rational));
      }),
    );
    return { image: imageOf(H, W, C, 'uint8', (y, x, c) => at(out, y, x, c)), uncertified: [] };
  }
  const range = clipRange(clip);
  const r = certifyValues((a) => {
    const planes = adjust(
      a,
      planesOf(image, (x) => a.fromFloat32(x)),
      undefined,
    );
    const outputs: Record<string, Enclosure> = {};
    planes.forEach((plane, c) =>
      plane.forEach((y, p) => {
        outputs[String(p * C + c)] = range === undefined ? y : clamp(a, y, range[0], range[1]);
      }),
    );
    return outputs;
  });
  return {
    image: imageOf(H, W, C, 'float32', (y, x, c) => r.values[String((y * W + x) * C + c)] ?? NaN),
    uncertified: uncertifiedOf(r, 'image'),
  };
}

/** Σ values / n. */
const mean = (a: Arithmetic, values: readonly Enclosure[]): Enclosure =>
  a.div(
    values.reduce((s, v) => a.add(s, v), a.point(0)),
    a.point(values.length),
  );

/** What torchvision rejects: a factor below zero (ValueError), channels other than 1 or 3 (TypeError). */
function checkTorchvision(op: string, text: string, image: HwcImage): void {
  if (text.startsWith('-'))
    throw new HyperparameterError(op, 'factor', `factor = ${text}: torchvision's convention takes factors ≥ 0`);
  if (image.channels !== 1 && image.channels !== 3)
    throw new StepInputError(op, `torchvision's convention takes 1 or 3 channels, got ${image.channels}`);
}

/** 0.2989 R + 0.587 G + 0.114 B of each pixel of three planes, floored when `floor` is given (uint8). */
function luma(
  a: Arithmetic,
  planes: readonly Enclosure[][],
  floor: ((e: Enclosure) => Enclosure) | undefined,
): Enclosure[] {
  const [r, g, b] = planes;
  const [wr, wg, wb] = GRAYSCALE_WEIGHTS.map((t) => a.point(t));
  return required(r, 'R').map((x, p) => {
    const v = a.add(
      a.add(a.mul(x, required(wr, 'weight')), a.mul(required(required(g, 'G')[p], 'G'), required(wg, 'weight'))),
      a.mul(required(required(b, 'B')[p], 'B'), required(wb, 'weight')),
    );
    return floor === undefined ? v : floor(v);
  });
}

/** Brightness of `image` under `config`, exact; shape and dtype kept. */
export function adjustBrightnessOracle(config: Configuration, image: HwcImage): ColourOracleOutput {
  checkEntry('adjust-brightness', ['adjust-brightness'], config);
  checkImage('adjust-brightness', image);
  // Checked just above: a configuration of adjust-brightness.
  const { hyper, flags } = config as Configuration<BrightnessSchema>;
  const additive = flags.convention === 'additive';
  const amount = required(additive ? hyper.delta : hyper.factor, additive ? 'delta' : 'factor');
  if (!additive) checkTorchvision('adjust-brightness', amount, image);
  return run('adjust-brightness', image, flags.clip, (a, planes) =>
    planes.map((plane) => plane.map((x) => (additive ? a.add(x, a.point(amount)) : a.mul(a.point(amount), x)))),
  );
}

/** Contrast of `image` under `config`, exact; shape and dtype kept. */
export function adjustContrastOracle(config: Configuration, image: HwcImage): ColourOracleOutput {
  checkEntry('adjust-contrast', ['adjust-contrast'], config);
  checkImage('adjust-contrast', image);
  // Checked just above: a configuration of adjust-contrast.
  const { hyper, flags } = config as Configuration<ContrastSchema>;
  const k = hyper.factor;
  if (flags.mean === 'per-channel') {
    return run('adjust-contrast', image, flags.clip, (a, planes) =>
      planes.map((plane) => {
        const m = mean(a, plane);
        return plane.map((x) => a.add(a.mul(a.sub(x, m), a.point(k)), m));
      }),
    );
  }
  checkTorchvision('adjust-contrast', k, image);
  return run('adjust-contrast', image, flags.clip, (a, planes, floor) => {
    const gray = image.channels === 1 ? required(planes[0], 'the channel') : luma(a, planes, floor);
    const m = mean(a, gray);
    const rest = a.mul(a.sub(a.point(1), a.point(k)), m);
    return planes.map((plane) => plane.map((x) => a.add(a.mul(a.point(k), x), rest)));
  });
}
