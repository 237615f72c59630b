/**
 * The derived bound of DropConnect's outputs (src/production/tfjs/dropconnect.ts): each product by the running
 * error analysis, each row sum by {@link sumBound} (any order of additions).
 *
 * @module
 */
import type { Configuration } from '../../../core/catalogue/index.js';
import { required } from '../../../core/required.js';
import { dropConnectCoefficients, dropConnectConfiguration } from '../../production/regularizers/dropconnect.js';
import { boundedArith as A, exactInput, sumBound } from './bounded.js';
import { scalarBoundArith, scalarToBounded } from './scalar-bound.js';
import { elementBound, type ElementBound, type StepBound } from './step-bound.js';

/** Per output (`train`, `mean`, `variance`), the bound of each row for one mask. */
export function boundDropConnect(
  config: Configuration,
  w: Float32Array,
  x: Float32Array,
  mask: Float32Array,
): StepBound {
  const n = x.length;
  const m = w.length / n;
  const c = dropConnectCoefficients(scalarBoundArith, dropConnectConfiguration(config));
  const keep = scalarToBounded(c.keep);
  const keepVariance = scalarToBounded(c.keepVariance);
  const train: ElementBound[] = [];
  const mean: ElementBound[] = [];
  const variance: ElementBound[] = [];
  for (let i = 0; i < m; i++) {
    const weights = Array.from(x, (_, j) => exactInput(required(w[i * n + j], `W[${i * n + j}]`)));
    const kept = Array.from(x, (_, j) => exactInput(required(mask[i * n + j], `mask[${i * n + j}]`)));
    const products = Array.from(x, (xj, j) => A.mul(required(weights[j], 'a weight'), exactInput(xj)));
    const masked = Array.from(x, (xj, j) =>
      A.mul(A.mul(required(kept[j], 'a mask value'), required(weights[j], 'a weight')), exactInput(xj)),
    );
    train.push(elementBound(sumBound(masked)));
    mean.push(elementBound(A.mul(keep, sumBound(products))));
    variance.push(elementBound(A.mul(keepVariance, sumBound(products.map((p) => A.square(p))))));
  }
  return { train, mean, variance };
}
