/**
 * The geometric augmentations' claims: the invariances of the exact operations (float32 production,
 * bitwise), the findings on the frameworks' crops (the oracle), and the random versions' outcome
 * frequencies and labels (float32 production, false failure ≤ 1e-9 each). docs/augmentation.md
 * states each with its verdict.
 *
 * @module
 */
import fc from 'fast-check';
import { randomCrop, randomFlipLeftRight, randomFlipUpDown } from '../../../core/catalogue/augmentations/geometric.js';
import { configure, type Configuration } from '../../../core/catalogue/index.js';
import { describeImage } from '../../gate/augmentations/geometric-compare.js';
import { labelledBatch } from '../../gate/augmentations/geometric-cases.js';
import { describeFrequencies, outcomeFrequencies } from '../../gate/augmentations/geometric-statistics.js';
import { augmentBatch } from '../../production/augmentations/geometric-random.js';
import { geometricRecordOf, type RandomTransformRecord } from '../../registry/augmentations-geometric.js';
import { checkProperty, text } from '../property.js';
import type { Claim, ClaimOptions, ClaimResult } from '../types.js';
import { geometricFindingClaims } from './geometric-findings.js';
import { geometricInvarianceClaims } from './geometric-invariances.js';

/** Draws per configuration of a frequency claim, unless the options ask for more. */
const DRAWS = 10_000;

const randomRecord = (name: string): RandomTransformRecord => {
  const r = geometricRecordOf(name);
  if (r.form !== 'random') throw new TypeError(`${name} is not random`);
  return r;
};

/** The outcome frequencies of each configuration, on a 5 × 4 image; refuted at the first that fails. */
function frequencies(name: string, configs: readonly Configuration[], o: ClaimOptions): ClaimResult {
  const record = randomRecord(name);
  const draws = Math.max(DRAWS, o.runs ?? 0);
  const tests = configs.map((c) => [c, outcomeFrequencies(record, c, { height: 5, width: 4 }, draws, o.seed)] as const);
  const failed = tests.find(([, t]) => !t.ok);
  const measured = tests
    .map(([c, t]) => `${c.preset} ${JSON.stringify(c.hyper)}: ${describeFrequencies(t)}`)
    .join(' | ');
  const cases = draws * configs.length;
  if (failed === undefined) return { verdict: 'holds', cases, seed: o.seed, measured };
  return {
    verdict: 'refuted',
    cases,
    seed: o.seed,
    counterexample: [text('configuration', `${failed[0].preset} ${JSON.stringify(failed[0].hyper)}`)],
    reason: describeFrequencies(failed[1]),
  };
}

const SOURCE = 'tensorflow/python/ops/image_ops_impl.py (_random_flip), random_crop_ops.py; torchvision/transforms/v2';

/** Each random operation keeps a batch's labels with their images, in order, and the images' dtype. */
const labelsKept: Claim = {
  id: 'augmentation/random-keeps-labels',
  statement: 'a random flip or crop of a labelled batch keeps each label with its image, in order, and the dtype',
  source: SOURCE,
  on: 'float32',
  expected: 'holds',
  check: (o) =>
    checkProperty(
      {
        property: fc.property(
          fc
            .constantFrom(randomFlipLeftRight, randomFlipUpDown, randomCrop)
            .chain((e) => fc.tuple(fc.constant(e.name), labelledBatch(e, 'pytorch'))),
          ([name, { config, batch, seed }]) =>
            augmentBatch(randomRecord(name).production, config, batch, seed).every(
              (out, i) => out.label === batch[i]?.label && out.image.dtype === batch[i].image.dtype,
            ),
        ),
        runs: 100,
        describe: ([[name, { batch }]]) => [
          text('operation', name),
          ...batch.map((b, i) => text(`image ${i}`, describeImage(b.image))),
        ],
      },
      o,
    ),
};

/** Every claim of the geometric augmentations, in report order. */
export const geometricClaims: readonly Claim[] = [
  ...geometricInvarianceClaims,
  ...geometricFindingClaims,
  labelsKept,
  {
    id: 'augmentation/random-flip-frequency',
    statement:
      'random flips flip with their probability: 1/2 (TensorFlow), ⌈p₃₂ 2^24⌉/2^24 (torchvision, p = 0.2), each frequency within δ',
    source: SOURCE,
    on: 'float32',
    expected: 'holds',
    check: (o) =>
      frequencies(
        randomFlipLeftRight.name,
        [configure(randomFlipLeftRight, 'keras'), configure(randomFlipLeftRight, 'pytorch', { probability: '0.2' })],
        o,
      ),
  },
  {
    id: 'augmentation/random-crop-frequency',
    statement:
      'random crops draw each corner with its exact probability (TensorFlow’s modulo chain, PyTorch’s 32-bit modulo), each frequency within δ',
    source: SOURCE,
    on: 'float32',
    expected: 'holds',
    check: (o) =>
      frequencies(
        randomCrop.name,
        [
          configure(randomCrop, 'keras', { targetHeight: 3, targetWidth: 2 }),
          configure(randomCrop, 'pytorch', { targetHeight: 4, targetWidth: 3 }),
        ],
        o,
      ),
  },
];
