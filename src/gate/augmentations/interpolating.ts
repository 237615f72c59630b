/**
 * The agreement properties of the interpolating and colour augmentations, for `check`: under a
 * preset, production (tfjs's tf.image operations, or our colour code, on the active backend) agrees
 * with the exact oracle on every case within the derived bound (./interpolating-judge.ts), keeping
 * the shape and dtype. Each judged case is folded into the tally (steps, and the measures of output
 * 'image', the values within a bound, and 'selected', the values chosen among admitted ones); a case
 * that judged no value fails.
 *
 * @module
 */
import fc from 'fast-check';
import type { HwcImage } from '../../../core/catalogue/augmentations/geometric.js';
import type { OutputSize } from '../../../core/catalogue/augmentations/interpolating.js';
import { configure, type Configuration, type PresetName } from '../../../core/catalogue/index.js';
import type { ColourRecord, InterpolatingRecord } from '../../registry/augmentations-interpolating.js';
import { DisagreementError, foldInto, type Tally } from '../properties.js';
import { colourCase, resizeCase, rotationCase } from './interpolating-arbitraries.js';
import { judgeImage } from './interpolating-judge.js';

/** The name of the augmentations' property in `check`. */
export const INTERPOLATING_PROPERTY = 'agreement';

/** Judges one case, folds it into `tally`, and throws on any disagreement or when nothing was compared. */
function judged(
  record: InterpolatingRecord,
  implementation: string,
  tally: Tally,
  config: Configuration,
  image: HwcImage,
  size?: OutputSize,
): void {
  const { comparison } = judgeImage(record, config, image, size);
  foldInto(tally, comparison);
  const what = `on a ${image.height}×${image.width}×${image.channels} ${image.dtype} image${size ? ` resized to ${size.height}×${size.width}` : ''}`;
  if (comparison.mismatches.length > 0) throw new DisagreementError(implementation, config, what, comparison);
  const judgedValues = Object.values(comparison.outputs).reduce((n, m) => n + m.compared + m.classified, 0);
  if (judgedValues === 0) throw new Error(`${implementation}: ${config.entry.name} judged no value ${what}`);
}

/** The agreement property of a colour record under `preset`. */
export function colourProperty(
  record: ColourRecord,
  preset: PresetName,
  tally: Tally,
  implementation: string,
): fc.IProperty<unknown[]> {
  return fc.property(colourCase(record.entry, preset), ({ config, image }) =>
    judged(record, implementation, tally, config, image),
  ) as fc.IProperty<unknown[]>;
}

/**
 * The agreement property of an interpolating or colour record under `preset`, folding its measures
 * into `tally`; `implementation` names what is judged (`optim-oracle on wasm`).
 */
export function interpolatingProperty(
  record: InterpolatingRecord,
  preset: PresetName,
  tally: Tally,
  implementation: string,
): fc.IProperty<unknown[]> {
  switch (record.form) {
    case 'colour':
      return colourProperty(record, preset, tally, implementation);
    case 'rotation':
      return fc.property(rotationCase(record.entry, preset), ({ config, image }) =>
        judged(record, implementation, tally, config, image),
      ) as fc.IProperty<unknown[]>;
    case 'resize':
      // The resize entries have no hyperparameters: a preset is its coordinate convention.
      return fc.property(resizeCase(), ({ image, size }) =>
        judged(record, implementation, tally, configure(record.entry, preset), image, size),
      ) as fc.IProperty<unknown[]>;
  }
}
