/**
 * Production's float64 coefficient arithmetic: JavaScript's float64 operations
 * ({@link float64Scalars}), and a schedule's learning rate as the framework computes it (a Python
 * float for PyTorch's schedulers, a float32 for Keras's and optax's; src/production/schedules/),
 * each trajectory's values computed once ({@link cachedRate}).
 *
 * @module
 */
import { float64Scalars } from '../../core/arith.js';
import type { CoefficientArith } from './rules/rule.js';
import { floatOps } from './schedules/ops.js';
import { cachedRate } from './schedules/rates.js';

/** float64 coefficients, with the framework's scheduled learning rates. */
export const float64Coefficients: CoefficientArith<number> = {
  ...float64Scalars,
  scheduledRate: (schedule, t) => cachedRate(floatOps, schedule, t),
};
