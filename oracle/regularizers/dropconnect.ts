/**
 * DropConnect, exact (Wan et al. 2013), each output certified correctly rounded to float32 through
 * the oracle's stages ({@link certifyStaged}): for W
 * (m × n, row-major), x (n) and mask M (m × n, 0s and 1s),
 *
 *   train y_i = Σ_j M_ij W_ij x_j,   mean μ_i = p Σ_j W_ij x_j,   variance σ²_i = p (1 − p) Σ_j W_ij² x_j².
 *
 * @module
 */
import { certifyStaged } from '../staged.js';
import { checkEntry, uncertifiedAt } from '../marks.js';
import { StepInputError, type Configuration, type UncertifiedElement } from '../../core/catalogue/index.js';
import type { DropConnectSchema } from '../../core/catalogue/regularizers/masks.js';
import { required } from '../../core/required.js';

/** DropConnect's oracle outputs, one per row of W. */
export type DropConnectOracleOutputs = {
  train: Float32Array;
  mean: Float32Array;
  variance: Float32Array;
  uncertified: UncertifiedElement[];
};

/** The three outputs, certified, and the elements left uncertified. */
export function dropConnectOracle(
  config: Configuration,
  w: Float32Array,
  x: Float32Array,
  mask: Float32Array,
): DropConnectOracleOutputs {
  checkEntry('dropconnect', ['dropconnect'], config);
  // Checked just above: a configuration of DropConnect.
  const { hyper } = config as Configuration<DropConnectSchema>;
  const n = x.length;
  if (n === 0 ? w.length !== 0 : w.length % n !== 0)
    throw new StepInputError('dropconnect', `W's length ${w.length} is not a multiple of x's length ${n}`);
  if (mask.length !== w.length)
    throw new StepInputError('dropconnect', `the mask's length ${mask.length} is not W's length ${w.length}`);
  const m = n === 0 ? 0 : w.length / n;
  const out: DropConnectOracleOutputs = {
    train: new Float32Array(m),
    mean: new Float32Array(m),
    variance: new Float32Array(m),
    uncertified: [],
  };
  const at = (values: Float32Array, k: number): number => required(values[k], 'an element the shapes above hold');
  for (let i = 0; i < m; i++) {
    const r = certifyStaged('dropconnect', (a) => {
      const p = a.point(hyper.keep);
      let train = a.point(0);
      let linear = a.point(0);
      let squares = a.point(0);
      for (let j = 0; j < n; j++) {
        const term = a.mul(a.fromFloat32(at(w, i * n + j)), a.fromFloat32(at(x, j)));
        train = a.add(train, a.mul(a.point(at(mask, i * n + j)), term));
        linear = a.add(linear, term);
        squares = a.add(squares, a.square(term));
      }
      return { train, mean: a.mul(p, linear), variance: a.mul(a.mul(p, a.sub(a.point(1), p)), squares) };
    });
    out.train[i] = r.values.train;
    out.mean[i] = r.values.mean;
    out.variance[i] = r.values.variance;
    out.uncertified.push(...uncertifiedAt(r, i));
  }
  return out;
}
