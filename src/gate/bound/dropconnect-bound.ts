/**
 * The derived bound of DropConnect's outputs (src/production/tfjs/dropconnect.ts): each product by the running
 * error analysis, each row sum by {@link sumBound} (any order of additions).
 *
 * @module
 */
import type { Configuration } from '../../../core/catalogue/index.js';
import { dropConnectCoefficients } from '../../production/regularizers/dropconnect.js';
import { boundedArith as A, exactInput } from './bounded.js';
import { sumBound } from './penalty-bound.js';
import { scalarBoundArith, scalarToBounded } from './scalar-bound.js';
import { elementBound, type StepBound } from './step-bound.js';

/** Per output (`train`, `mean`, `variance`), the bound of each row for one mask. */
export function boundDropConnect(
  config: Configuration,
  w: Float32Array,
  x: Float32Array,
  mask: Float32Array,
): StepBound {
  const n = x.length;
  const m = w.length / n;
  const c = dropConnectCoefficients(scalarBoundArith, config);
  const keep = scalarToBounded(c.keep);
  const keepVariance = scalarToBounded(c.keepVariance);
  const out: StepBound = { train: [], mean: [], variance: [] };
  for (let i = 0; i < m; i++) {
    const products = Array.from(x, (xj, j) => A.mul(exactInput(w[i * n + j]!), exactInput(xj)));
    const masked = Array.from(x, (xj, j) =>
      A.mul(A.mul(exactInput(mask[i * n + j]!), exactInput(w[i * n + j]!)), exactInput(xj)),
    );
    out['train']!.push(elementBound(sumBound(masked)));
    out['mean']!.push(elementBound(A.mul(keep, sumBound(products))));
    out['variance']!.push(elementBound(A.mul(keepVariance, sumBound(products.map((p) => A.square(p))))));
  }
  return out;
}
