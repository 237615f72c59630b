/**
 * Agreement of the production penalties with the oracle: penalty, gradient and proximal step of a
 * random float32 weight vector, each element within its derived bound (src/gate/bound/penalty-bound.ts).
 * The registry's record of a penalty gives both sides: its exact formulas and its production algorithm.
 *
 * @module
 */
import fc from 'fast-check';
import { penaltyOracle } from '../../../oracle/regularizers/penalties.js';
import type { CatalogueEntry, Configuration, PresetName } from '../../../core/catalogue/index.js';
import { tfjsPenaltyArrays } from '../../production/tfjs/penalties.js';
import type { PenaltyRecord } from '../../registry/records.js';
import { trainingFloat32 } from '../arbitraries/float32.js';
import { configuration } from '../arbitraries/step-case.js';
import { boundPenalty } from '../bound/penalty-bound.js';
import { compareEveryOutput, type StepComparison } from '../compare.js';
import { DisagreementError, foldInto, type Tally } from '../properties.js';

/** A penalty case: a configuration and a weight vector. */
export interface PenaltyCase {
  readonly config: Configuration;
  readonly w: Float32Array;
}

/** Weights of up to 16 elements, mostly moderate, with zeros and subnormals. */
export function penaltyCase(entry: CatalogueEntry, preset: PresetName): fc.Arbitrary<PenaltyCase> {
  return fc.record({
    config: configuration(entry, preset),
    w: fc.array(trainingFloat32(), { minLength: 0, maxLength: 16 }).map((xs) => Float32Array.from(xs)),
  });
}

/** Production (`record.production` on TensorFlow.js) against the oracle (`record.oracle`) on one case. */
export function judgePenalty(record: PenaltyRecord, { config, w }: PenaltyCase, tally?: Tally): StepComparison {
  const comparison = compareEveryOutput(
    tfjsPenaltyArrays(record.production, config, w),
    penaltyOracle(record.oracle, config, w),
    boundPenalty(record.production, config, w),
  );
  foldInto(tally, comparison);
  return comparison;
}

/** The agreement property of one penalty under one preset. */
export function penaltyProperty(implementation: string, record: PenaltyRecord, preset: PresetName, tally?: Tally) {
  return fc.property(penaltyCase(record.entry, preset), (c) => {
    const comparison = judgePenalty(record, c, tally);
    if (comparison.mismatches.length > 0)
      throw new DisagreementError(implementation, c.config, `on w = [${Array.from(c.w).join(', ')}]`, comparison);
  });
}
