/**
 * The agreement property `check` runs on each geometric augmentation and preset: production on
 * TensorFlow.js and the exact oracle give the same image, bit for bit (shape, dtype, every value's
 * bits), or both refuse the case (a box outside the image where the convention asserts). A random
 * operation is judged on a batch of labelled images: each label stays with its image, each outcome
 * production draws has positive probability under the framework's exact distribution, and each
 * output is the oracle's operation given that outcome. The frequencies of the outcomes are tested
 * apart (geometric-statistics.ts).
 *
 * @module
 */
import fc from 'fast-check';
import type { HwcImage } from '../../../core/catalogue/augmentations/geometric.js';
import { StepInputError, type Configuration, type PresetName } from '../../../core/catalogue/index.js';
import type {
  ExactTransformRecord,
  GeometricRecord,
  RandomTransformRecord,
} from '../../registry/augmentations-geometric.js';
import { emptyMeasure, type StepComparison } from '../compare.js';
import { DisagreementError, foldInto, type Tally } from '../properties.js';
import { compareImages, describeImage, IMAGE_OUTPUT } from './geometric-compare.js';
import { geometricCase, labelledBatch } from './geometric-cases.js';
import type { LabelledImage } from '../../production/augmentations/geometric-random.js';
import { augmentBatch } from '../../production/augmentations/geometric-random.js';

/** The outcome of running one side: its image, or the input error it raised. */
type Side = { readonly image: HwcImage } | { readonly refused: StepInputError };

function run(compute: () => HwcImage): Side {
  try {
    return { image: compute() };
  } catch (e) {
    if (e instanceof StepInputError) return { refused: e };
    throw e;
  }
}

/** A comparison that judged a case both sides refused: nothing compared, nothing wrong. */
const bothRefused = (): StepComparison => ({ outputs: { [IMAGE_OUTPUT]: emptyMeasure() }, mismatches: [] });

/**
 * Judges one exact case, folding it into `tally`: the same image bit for bit, or the same refusal.
 * Throws a {@link DisagreementError} (or an Error when only one side refused) otherwise.
 */
export function judgeExact(
  record: ExactTransformRecord,
  config: Configuration,
  image: HwcImage,
  tally: Tally | undefined,
  implementation: string,
): StepComparison {
  const expected = run(() => record.oracle(config, image));
  const produced = run(() => record.production.apply(config, image));
  const what = `on ${describeImage(image)}`;
  if ('refused' in expected || 'refused' in produced) {
    if ('refused' in expected && 'refused' in produced) {
      const comparison = bothRefused();
      foldInto(tally, comparison);
      return comparison;
    }
    const refusal = 'refused' in expected ? `the oracle refused (${expected.refused.message})` : 'the oracle did not';
    const own = 'refused' in produced ? `production refused (${produced.refused.message})` : 'production did not';
    throw new Error(
      `${implementation} on ${config.entry.name}/${config.preset} ${JSON.stringify(config.hyper)} ${what}: ${refusal}, ${own}`,
    );
  }
  const comparison = compareImages(produced.image, expected.image);
  foldInto(tally, comparison);
  if (comparison.mismatches.length > 0) throw new DisagreementError(implementation, config, what, comparison);
  return comparison;
}

/** Judges one batch through a random operation (see the module's description), folding each image into `tally`. */
export function judgeRandom(
  record: RandomTransformRecord,
  config: Configuration,
  batch: readonly LabelledImage[],
  seed: number,
  tally: Tally | undefined,
  implementation: string,
): void {
  const outputs = augmentBatch(record.production, config, batch, seed);
  outputs.forEach((out, i) => {
    const input = batch[i];
    if (input === undefined || out.label !== input.label)
      throw new Error(`${implementation}: example ${i} came back with label ${out.label}, not ${input?.label}`);
    const support = record.oracle.distribution(config, input.image);
    if (!support.some((o) => o.outcome.join() === out.outcome.join()))
      throw new Error(
        `${implementation} on ${config.entry.name}/${config.preset} ${JSON.stringify(config.hyper)} drew outcome [${out.outcome.join(', ')}] (seed ${seed + i}), which has probability 0`,
      );
    const comparison = compareImages(out.image, record.oracle.apply(config, input.image, out.outcome));
    foldInto(tally, comparison);
    if (comparison.mismatches.length > 0)
      throw new DisagreementError(
        implementation,
        config,
        `on ${describeImage(input.image)} with outcome [${out.outcome.join(', ')}] (seed ${seed + i})`,
        comparison,
      );
  });
}

/**
 * The agreement property of a geometric augmentation under `preset` (its 'agreement' in `check`):
 * exact operations case by case, random ones batch by batch; every judged image is folded into `tally`.
 */
export function geometricProperty(
  record: GeometricRecord,
  preset: PresetName,
  tally: Tally,
  implementation: string,
): fc.IProperty<unknown[]> {
  if (record.form === 'exact')
    return fc.property(geometricCase(record.entry, preset), ({ config, image }) => {
      judgeExact(record, config, image, tally, implementation);
    }) as fc.IProperty<unknown[]>;
  return fc.property(labelledBatch(record.entry, preset), ({ config, batch, seed }) => {
    judgeRandom(record, config, batch, seed, tally, implementation);
  }) as fc.IProperty<unknown[]>;
}
