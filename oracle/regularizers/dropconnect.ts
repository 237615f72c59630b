/**
 * DropConnect, exact (Wan et al. 2013), each output certified correctly rounded to float32: for W
 * (m × n, row-major), x (n) and mask M (m × n, 0s and 1s),
 *
 *   train y_i = Σ_j M_ij W_ij x_j,   mean μ_i = p Σ_j W_ij x_j,   variance σ²_i = p (1 − p) Σ_j W_ij² x_j².
 *
 * @module
 */
import { exactFromFloat32 } from '../binary32.js';
import { certify } from '../certify.js';
import { checkEntry, uncertifiedElements } from '../marks.js';
import type { Configuration, UncertifiedElement } from '../../core/catalogue/index.js';

/** The three outputs, certified, and the elements left uncertified. */
export function dropConnectOracle(
  config: Configuration,
  w: Float32Array,
  x: Float32Array,
  mask: Float32Array,
): { train: Float32Array; mean: Float32Array; variance: Float32Array; uncertified: UncertifiedElement[] } {
  checkEntry('dropconnect', ['dropconnect'], config);
  const n = x.length;
  const m = n === 0 ? 0 : w.length / n;
  const out = {
    train: new Float32Array(m),
    mean: new Float32Array(m),
    variance: new Float32Array(m),
    uncertified: [] as UncertifiedElement[],
  };
  for (let i = 0; i < m; i++) {
    const r = certify((a) => {
      const p = a.point(config.hyper['keep']!);
      let train = a.point(0);
      let linear = a.point(0);
      let squares = a.point(0);
      for (let j = 0; j < n; j++) {
        const term = a.mul(a.point(exactFromFloat32(w[i * n + j]!)), a.point(exactFromFloat32(x[j]!)));
        train = a.add(train, a.mul(a.point(mask[i * n + j]!), term));
        linear = a.add(linear, term);
        squares = a.add(squares, a.square(term));
      }
      return { train, mean: a.mul(p, linear), variance: a.mul(a.mul(p, a.sub(a.point(1), p)), squares) };
    });
    out.train[i] = r.values.train;
    out.mean[i] = r.values.mean;
    out.variance[i] = r.values.variance;
    out.uncertified.push(...uncertifiedElements(r, (output) => ({ output, index: i })));
  }
  return out;
}
