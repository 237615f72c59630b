/**
 * Dropout, exact given the mask (Srivastava et al. 2014), each output certified correctly rounded to
 * float32 through the oracle's stages ({@link certifyStaged}). p is the `keep` hyperparameter as
 * written, or 1 − `rate` exactly:
 *
 *   inverted:  train m x / p,  inference x;      original:  train m x,  inference p x
 *
 * @module
 */
import type { Arithmetic, Enclosure } from '../enclosure.js';
import { certifyStaged } from '../staged.js';
import { checkEntry, uncertifiedAt } from '../marks.js';
import { StepInputError, type Configuration, type UncertifiedElement } from '../../core/catalogue/index.js';
import type { DropoutSchema } from '../../core/catalogue/regularizers/masks.js';
import { required } from '../../core/required.js';

/** p, exactly. */
export function exactKeep(a: Arithmetic, { hyper }: Configuration<DropoutSchema>): Enclosure {
  return hyper.keep !== undefined
    ? a.point(hyper.keep)
    : a.sub(a.point(1), a.point(required(hyper.rate, "dropout's keep or rate")));
}

/** Dropout's oracle outputs. */
export type DropoutOracleOutputs = {
  train: Float32Array;
  inference: Float32Array;
  uncertified: UncertifiedElement[];
};

/** Training and inference outputs for inputs x and mask m (0 or 1 each), and the elements left uncertified. */
export function dropoutOracle(config: Configuration, x: Float32Array, mask: Float32Array): DropoutOracleOutputs {
  checkEntry('dropout', ['dropout'], config);
  // Checked just above: a configuration of dropout.
  const dropout = config as Configuration<DropoutSchema>;
  if (mask.length !== x.length)
    throw new StepInputError('dropout', `the mask's length ${mask.length} is not the input's length ${x.length}`);
  const uncertified: UncertifiedElement[] = [];
  const inverted = dropout.flags.form === 'inverted';
  const train = new Float32Array(x.length);
  const inference = new Float32Array(x.length);
  x.forEach((xi, i) => {
    const m = required(mask[i], `mask element ${i}`);
    const r = certifyStaged('dropout', (a) => {
      const X = a.fromFloat32(xi);
      const M = a.point(m);
      const p = exactKeep(a, dropout);
      return { train: inverted ? a.div(a.mul(M, X), p) : a.mul(M, X), inference: inverted ? X : a.mul(p, X) };
    });
    train[i] = r.values.train;
    inference[i] = r.values.inference;
    uncertified.push(...uncertifiedAt(r, i));
  });
  return { train, inference, uncertified };
}
