/**
 * The derived error bound of one production step of a rule on whole vectors and matrices (Adafactor;
 * src/production/rules/matrix-rule.ts): the driver (src/production/drive-matrix.ts) on the
 * parameter's error-bounded elements ({@link boundedMatrixArith}), where each mean over a row, a
 * column or the whole tensor is bounded for any order of its float32 additions. Every element's bound
 * thus includes the error of the statistics it shares with its row, its column and the tensor.
 *
 * @module
 */
import { matrixDims, type Configuration, type StepInput } from '../../../core/catalogue/index.js';
import { required } from '../../../core/required.js';
import { prepareMatrixStep } from '../../production/drive-matrix.js';
import type { Carrier } from '../../production/drive.js';
import type { MatrixRule } from '../../production/rules/matrix-rule.js';
import { exactInput } from './bounded.js';
import { boundedMatrixArith, type BoundedMatrix } from './bounded-matrix.js';
import { coefficientBoundArith } from '../schedules/rate-bound.js';
import { scalarToBounded, type ScalarBound } from './scalar-bound.js';
import { elementBound, type StepBound } from './step-bound.js';

/** The gate's arithmetic for matrices: bounded elements, float64 coefficients lifted to 1 × 1. */
const matrices: Carrier<BoundedMatrix, ScalarBound> = {
  A: boundedMatrixArith,
  scalars: coefficientBoundArith,
  lift: (x) => ({ rows: 1, cols: 1, data: [scalarToBounded(x)] }),
};

/** The derived bound of `rule`'s production step on `input` under `config`, element by element. */
export function boundMatrixStep(rule: MatrixRule, config: Configuration, input: StepInput): StepBound {
  const { params, grads, state, t, shape } = input;
  const layout = config.entry.state(config.flags);
  const dims = matrixDims(shape) ?? { rows: 1, cols: params.length };
  const of = (xs: ArrayLike<number>, rows: number, cols: number): BoundedMatrix => ({
    rows,
    cols,
    data: Array.from(xs, (x) => exactInput(x)),
  });
  const slotValues = (k: string) => required(state[k], `state slot '${k}'`);
  const matrix = matrixDims(shape) !== undefined;
  const slots: Record<string, BoundedMatrix[]> = {};
  for (const k of layout.element) slots[k] = [of(slotValues(k), dims.rows, dims.cols)];
  for (const k of layout.row) slots[k] = [of(slotValues(k), matrix ? dims.rows : 1, 1)];
  for (const k of layout.column) slots[k] = [of(slotValues(k), 1, matrix ? dims.cols : 1)];
  const prepared = prepareMatrixStep(rule, config, matrices, { t, tensorSlots: {}, ...(shape ? { shape } : {}) });
  const r = prepared.step({
    params: [of(params, dims.rows, dims.cols)],
    grads: [of(grads, dims.rows, dims.cols)],
    slots,
  });
  const bounds = (values: readonly BoundedMatrix[] | undefined, what: string) =>
    required(required(values, what)[0], what).data.map(elementBound);
  const result: StepBound = { params: bounds(r.params, 'params') };
  for (const k of [...layout.element, ...layout.row, ...layout.column]) result[k] = bounds(r.slots[k], k);
  return result;
}
