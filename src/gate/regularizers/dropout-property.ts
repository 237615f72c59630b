/**
 * Agreement of a dropout implementation with the oracle: given the mask it drew (which must hold only
 * 0s and 1s), its training and inference outputs are within their derived bounds of the exact ones.
 *
 * @module
 */
import fc from 'fast-check';
import type { PresetName } from '../../../core/catalogue/index.js';
import type { ActivationMaskRecord } from '../../registry/records.js';
import { trainingFloat32 } from '../arbitraries/float32.js';
import { configuration } from '../arbitraries/step-case.js';
import { compareEveryOutput } from '../compare.js';
import { DisagreementError, foldInto, type Tally } from '../properties.js';
import type { DropoutImplementation } from './dropout-implementation.js';

/** A positive mask seed (tfjs reads 0 as unseeded). */
export const maskSeed = (): fc.Arbitrary<number> => fc.integer({ min: 1, max: 2 ** 31 - 1 });

/** The agreement property of `impl` on dropout (the registry's `record`: its entry and oracle) under `preset`. */
export function dropoutProperty(
  impl: DropoutImplementation,
  record: ActivationMaskRecord,
  preset: PresetName,
  tally?: Tally,
) {
  return fc.property(
    configuration(record.entry, preset),
    fc.array(trainingFloat32(), { maxLength: 64 }).map((xs) => Float32Array.from(xs)),
    maskSeed(),
    (config, x, seed) => {
      const r = impl.train(config, x, seed);
      const bad = r.mask.findIndex((m) => m !== 0 && m !== 1);
      if (bad >= 0) throw new Error(`${impl.name}: mask[${bad}] = ${r.mask[bad]}, not 0 or 1`);
      const comparison = compareEveryOutput(
        { train: r.train, inference: impl.inference(config, x) },
        record.oracle(config, x, r.mask),
        impl.bound(config, x, r.mask),
      );
      foldInto(tally, comparison);
      if (comparison.mismatches.length > 0)
        throw new DisagreementError(impl.name, config, `with seed ${seed}`, comparison);
    },
  );
}
