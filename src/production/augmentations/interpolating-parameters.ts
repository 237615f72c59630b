/**
 * The numbers production hands to tf.image.rotateWithOffset, computed once against
 * {@link ScalarArith} so that the gate derives their error from the same code: the angle in radians,
 * θ = angle π / 180, and the centre as the fractions tfjs takes (tfjs places the centre at W f_x, H f_y
 * in pixel indices), from the entry's fraction f, the size n and its centre convention:
 *
 *   size   f_x = f                 (c = f n, tfjs)
 *   edges  f_x = f − 1 / (2 n)     (c = f n − 1/2, torchvision)
 *   span   f_x = f (n − 1) / n     (c = f (n − 1), Keras)
 *
 * @module
 */
import type { ScalarArith } from '../../../core/arith.js';
import type { RotateSchema } from '../../../core/catalogue/augmentations/interpolating.js';
import type { Configuration } from '../../../core/catalogue/index.js';

/** π to 40 digits, as text (its float64 reading is Math.PI). */
export const PI_TEXT = '3.141592653589793238462643383279502884197';

/** What tf.image.rotateWithOffset takes: the angle in radians and the centre as fractions of W and H. */
export interface RotationParameters<S> {
  readonly radians: S;
  readonly centreX: S;
  readonly centreY: S;
}

/** The fraction f_x tfjs takes for the entry's fraction `f` of size `n` under the centre convention. */
function tfjsFraction<S>(s: ScalarArith<S>, convention: RotateSchema['flags']['centre'], f: string, n: number): S {
  if (convention === 'size') return s.hyper(f);
  if (convention === 'edges') return s.sub(s.hyper(f), s.div(s.integer(1), s.integer(2 * n)));
  return s.div(s.mul(s.hyper(f), s.integer(n - 1)), s.integer(n));
}

/** θ = angle π / 180 and the centre fractions, for an image of `height` × `width`. */
export function rotationParameters<S>(
  s: ScalarArith<S>,
  { hyper, flags }: Configuration<RotateSchema>,
  height: number,
  width: number,
): RotationParameters<S> {
  return {
    radians: s.div(s.mul(s.hyper(hyper.angle), s.hyper(PI_TEXT)), s.integer(180)),
    centreX: tfjsFraction(s, flags.centre, hyper.centreX, width),
    centreY: tfjsFraction(s, flags.centre, hyper.centreY, height),
  };
}

/** tfjs's (alignCorners, halfPixelCenters) for a coordinate convention. */
export function tfjsResizeFlags(coordinates: 'half-pixel' | 'align-corners' | 'legacy'): [boolean, boolean] {
  return [coordinates === 'align-corners', coordinates === 'half-pixel'];
}
