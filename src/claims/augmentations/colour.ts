/**
 * The invariances of brightness and contrast (docs/augmentation.md, section Colour, "Claims"), on
 * the exact oracle and in float32 production, under each preset and on images inside its clip range:
 *
 * - contrast with factor 1 is the identity: exactly, under both conventions; in float32 only under
 *   torchvision's order (x · 1 + m · 0 = x), not under TensorFlow's (m + 1 · (x − m) rounds twice);
 * - contrast with factor 0 makes each channel constant (per-channel means) or the whole image
 *   constant (the grayscale mean).
 *
 * @module
 */
import fc from 'fast-check';
import { adjustContrast } from '../../../core/catalogue/augmentations/colour.js';
import type { HwcImage } from '../../../core/catalogue/augmentations/geometric.js';
import { configure, type PresetName } from '../../../core/catalogue/index.js';
import { colourRecords } from '../../registry/augmentations-interpolating.js';
import { checkProperty, text } from '../property.js';
import type { Claim, ClaimOptions, ClaimResult } from '../types.js';

/** An image as text: its shape, dtype and values. */
const describe = (i: HwcImage): string =>
  `${i.height}×${i.width}×${i.channels} ${i.dtype} [${Array.from(i.data).join(', ')}]`;

/** Images inside `preset`'s clip range, of the channel counts and dtypes it takes (no −0: x · 1 + 0 is +0). */
function images(preset: PresetName): fc.Arbitrary<HwcImage> {
  const max = preset === 'keras' ? 255 : preset === 'pytorch' ? 1 : 4;
  const min = preset === 'tfjs' ? -4 : 0;
  return fc
    .tuple(
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 4 }),
      fc.constantFrom(...(preset === 'pytorch' ? [1, 3] : [1, 2, 3])),
      fc.constantFrom(...(preset === 'keras' ? [false] : [false, true])),
    )
    .chain(([h, w, c, bytes]) => {
      const n = h * w * c;
      const shape = { height: h, width: w, channels: c };
      return bytes
        ? fc
            .array(fc.integer({ min: 0, max: 255 }), { minLength: n, maxLength: n })
            .map((xs): HwcImage => ({ ...shape, dtype: 'uint8', data: Uint8Array.from(xs) }))
        : fc
            .array(fc.float({ min, max, noNaN: true }), { minLength: n, maxLength: n })
            .map((xs): HwcImage => ({ ...shape, dtype: 'float32', data: Float32Array.from(xs, (v) => v + 0) }));
    });
}

const contrast = colourRecords[1];

/** Contrast with `factor` under `preset`, on the oracle or in production. */
function adjusted(on: 'oracle' | 'float32', preset: PresetName, factor: string, image: HwcImage): HwcImage {
  if (contrast === undefined) throw new Error('the contrast record');
  const config = configure(adjustContrast, preset, { factor });
  return on === 'oracle' ? contrast.oracle(config, image).image : contrast.production(config, image);
}

/** Whether every value of channel c (per channel) or of the image (grayscale) is the same. */
function constant(image: HwcImage, perChannel: boolean): boolean {
  const C = image.channels;
  return Array.from(image.data).every((v, i) => Object.is(v, image.data[perChannel ? i % C : 0]));
}

function claimOn(failure: (i: HwcImage) => string | undefined, preset: PresetName, o: ClaimOptions): ClaimResult {
  return checkProperty(
    {
      property: fc.property(images(preset), (i) => failure(i) === undefined),
      runs: 50,
      describe: ([i]) => [text('image', describe(i))],
      reason: ([i]) => failure(i) ?? 'no difference on replay',
    },
    o,
  );
}

const PRESETS: readonly PresetName[] = ['tfjs', 'keras', 'pytorch'];

const claimsOn = (on: 'oracle' | 'float32'): Claim[] =>
  PRESETS.flatMap((preset): Claim[] => {
    const suffix = on === 'float32' ? '/float32' : '';
    const source = adjustContrast.presets[preset]?.source ?? adjustContrast.source;
    const perChannel = preset !== 'pytorch';
    return [
      {
        id: `augmentation/contrast-one-identity/${preset}${suffix}`,
        statement: `contrast with factor 1 (${preset}'s convention) is the identity on images inside its clip range`,
        source,
        on,
        expected: on === 'float32' && perChannel ? 'refuted' : 'holds',
        check: (o) =>
          claimOn(
            (i) => {
              const out = adjusted(on, preset, '1', i);
              const k = Array.from(out.data).findIndex((v, j) => !Object.is(v, i.data[j]));
              return k < 0 ? undefined : `value ${k} becomes ${out.data[k]}, not ${i.data[k]}`;
            },
            preset,
            o,
          ),
      },
      {
        id: `augmentation/contrast-zero-constant/${preset}${suffix}`,
        statement: `contrast with factor 0 (${preset}'s convention) makes ${perChannel ? 'each channel' : 'the image'} constant`,
        source,
        on,
        expected: 'holds',
        check: (o) =>
          claimOn(
            (i) => {
              const out = adjusted(on, preset, '0', i);
              return constant(out, perChannel) ? undefined : `it gives ${describe(out)}`;
            },
            preset,
            o,
          ),
      },
    ];
  });

/** The colour claims: on the oracle, then in float32 production. */
export const colourClaims: readonly Claim[] = [...claimsOn('oracle'), ...claimsOn('float32')];
