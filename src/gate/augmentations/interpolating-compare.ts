/**
 * Judging an image against the oracle's: its shape and dtype first, then each value, either within
 * its derived bound (compare.ts's comparison, output 'image') or, where production selects a value
 * (a pixel, the fill, an integer written back to uint8; output 'selected'), among the values the
 * derived candidates allow, the oracle's one of them. A selection measures its error against the
 * farthest allowed value: ratio 0 when production took the oracle's value, at most 1 for another
 * admitted one (a position within rounding of a pixel boundary), ∞ for a value outside the set.
 *
 * @module
 */
import type { HwcImage } from '../../../core/catalogue/augmentations/geometric.js';
import type { UncertifiedElement } from '../../../core/catalogue/index.js';
import { InvariantError, required } from '../../../core/required.js';
import type { ElementBound } from '../bound/step-bound.js';
import { compareOutputs, emptyMeasure, inTermUnits, type Mismatch, type StepComparison } from '../compare.js';

/** A mismatch of the whole image (shape or dtype). */
function wholeImage(why: string): StepComparison {
  const m: Mismatch = { output: 'image', index: -1, production: NaN, oracle: NaN, bound: NaN, scale: NaN, why };
  return { outputs: { image: emptyMeasure() }, mismatches: [m] };
}

/** A mismatch when production's image differs from the oracle's in shape or dtype, else undefined. */
export function compareShape(production: HwcImage, oracle: HwcImage): StepComparison | undefined {
  const shape = (i: HwcImage) => `${i.height}×${i.width}×${i.channels} ${i.dtype}`;
  return shape(production) === shape(oracle)
    ? undefined
    : wholeImage(`shape or dtype ${shape(production)}, the oracle's ${shape(oracle)}`);
}

/** Each value of `production` among its `allowed` values; the oracle's value must be one of them. */
export function compareChoices(
  production: ArrayLike<number>,
  oracle: ArrayLike<number>,
  allowed: readonly (readonly number[])[],
): StepComparison {
  const m = emptyMeasure();
  const mismatches: Mismatch[] = [];
  for (let i = 0; i < oracle.length; i++) {
    const p = required(production[i], 'a production value');
    const o = required(oracle[i], 'an oracle value');
    const set = required(allowed[i], 'an allowed set');
    if (!set.some((a) => Object.is(a, o)))
      throw new InvariantError(`the derived candidates ${set.join(', ')} of value ${i} miss the oracle's ${o}`);
    const error = Math.abs(p - o);
    const bound = Math.max(...set.map((a) => Math.abs(a - o)));
    const scale = Math.max(1, ...set.map(Math.abs));
    const ok = set.some((a) => Object.is(a, p));
    m.compared += 1;
    m.maxError = Math.max(m.maxError, inTermUnits(error, scale));
    m.maxBound = Math.max(m.maxBound, inTermUnits(bound, scale));
    m.maxRatio = Math.max(m.maxRatio, !ok ? Infinity : error === 0 ? 0 : error / bound);
    if (!ok)
      mismatches.push({
        output: 'selected',
        index: i,
        production: p,
        oracle: o,
        bound,
        scale,
        why: `not among the values the derived candidates allow (${set.join(', ')})`,
      });
  }
  return { outputs: { selected: m }, mismatches };
}

/** Production's image against the oracle's, value by value within the derived bounds. */
export function compareBounded(
  production: HwcImage,
  oracle: HwcImage,
  uncertified: readonly UncertifiedElement[],
  bounds: ElementBound[],
): StepComparison {
  return (
    compareShape(production, oracle) ??
    compareOutputs({ image: production.data }, { image: oracle.data, uncertified }, { image: bounds })
  );
}

/** Production's image against the oracle's, each value among its allowed ones. */
export function compareSelected(
  production: HwcImage,
  oracle: HwcImage,
  allowed: readonly (readonly number[])[],
): StepComparison {
  return compareShape(production, oracle) ?? compareChoices(production.data, oracle.data, allowed);
}
