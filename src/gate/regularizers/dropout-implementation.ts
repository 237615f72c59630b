/**
 * A dropout implementation as the gate sees it: training (output and mask) and inference on float32
 * arrays, and the derived bound of its outputs given the mask. Two are here: this project's and
 * tfjs's tf.dropout.
 *
 * @module
 */
import type { Configuration } from '../../../core/catalogue/index.js';
import { required } from '../../../core/required.js';
import {
  dropoutConfiguration,
  dropoutInference,
  dropoutTrain,
  isInverted,
  keepProbability,
  tfDropoutTrain,
  type DropoutConfiguration,
} from '../../production/regularizers/dropout.js';
import {
  dropoutInferenceArray,
  dropoutTrainArrays,
  tfDropoutTrainArrays,
  type DropoutArrays,
} from '../../production/tfjs/dropout.js';
import { boundedArith, exactInput, type Bounded } from '../bound/bounded.js';
import { scalarBoundArith, scalarToBounded } from '../bound/scalar-bound.js';
import { elementBound, type StepBound } from '../bound/step-bound.js';

/** A dropout implementation under test. */
export interface DropoutImplementation {
  readonly name: string;
  /** Whether it implements `config`'s convention. */
  supports(config: Configuration): boolean;
  train(config: Configuration, x: Float32Array, seed: number): DropoutArrays;
  inference(config: Configuration, x: Float32Array): Float32Array;
  /** The derived bound of `train` (given the mask) and `inference`, per element. */
  bound(config: Configuration, x: Float32Array, mask: Float32Array): StepBound;
}

function boundWith(train: (x: Bounded, m: Bounded, keep: Bounded, config: DropoutConfiguration) => Bounded) {
  return (config: Configuration, x: Float32Array, mask: Float32Array): StepBound => {
    const dropout = dropoutConfiguration(config);
    const keep = scalarToBounded(keepProbability(scalarBoundArith, dropout));
    const m = (i: number) => exactInput(required(mask[i], `mask[${i}]`));
    return {
      train: Array.from(x, (xi, i) => elementBound(train(exactInput(xi), m(i), keep, dropout))),
      inference: Array.from(x, (xi) => elementBound(dropoutInference(boundedArith, exactInput(xi), keep, dropout))),
    };
  };
}

/** This project's dropout (src/production/tfjs/dropout.ts). */
export const productionDropout: DropoutImplementation = {
  name: 'optim-oracle dropout',
  supports: () => true,
  train: dropoutTrainArrays,
  inference: dropoutInferenceArray,
  bound: boundWith((x, m, keep, config) => dropoutTrain(boundedArith, x, m, keep, config)),
};

/** tfjs's tf.dropout (inverted, takes the rate); inference is the identity, as in tfjs-layers. */
export const tfjsDropout: DropoutImplementation = {
  name: 'tf.dropout',
  supports: (config) => {
    const dropout = dropoutConfiguration(config);
    return isInverted(dropout) && dropout.hyper.rate !== undefined;
  },
  train: tfDropoutTrainArrays,
  inference: (_config, x) => Float32Array.from(x),
  bound: boundWith((x, m, keep) => tfDropoutTrain(boundedArith, x, m, keep)),
};
