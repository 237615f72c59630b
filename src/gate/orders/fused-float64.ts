/**
 * The fused order: the preset's own algorithm evaluated in float64 from the float32 inputs, with its
 * float64 coefficients as they are (not rounded to float32), each output rounded once to float32, as
 * an implementation that "computes in double and stores float" does (this project's proof-of-power
 * honest variants; PyTorch's float64 tensors cast back to float32).
 *
 * Its derived bound is the same running error analysis in binary64 (u = 2^−53) followed by one
 * binary32 rounding of each output:
 *
 *   |fl32(ŷ) − fl32(y)| ≤ e64 + u32 (|y| + e64) + η32 + (u32 |y| + η32)
 *
 * where the last term is the oracle's own rounding (./../bound/bounded.ts, `comparisonBound`). It is
 * close to one unit in the last place of the result wherever the float64 error e64 is negligible, and
 * wider than a float32 order's bound only where that order happens to be exact.
 *
 * @module
 */
import type { Configuration, StepInput, StepOutput } from '../../../core/catalogue/index.js';
import type { Float32Arith } from '../../../core/arith.js';
import { float64Coefficients } from '../../production/coefficients.js';
import type { Carrier } from '../../production/drive.js';
import { asStepOutput, stepElements } from '../../production/drive-elements.js';
import type { AnyProductionRule } from '../../production/rules/rule.js';
import { BINARY64, boundedArithIn, exactInput, roundToBinary32, type Bounded } from '../bound/bounded.js';
import { scalarToBoundedIn, type ScalarBound } from '../bound/scalar-bound.js';
import { elementBound, mapOutputs, type ElementBound, type StepBound } from '../bound/step-bound.js';
import { coefficientBoundArith } from '../schedules/rate-bound.js';

/** Float64 arithmetic on numbers: JavaScript's operations, each correctly rounded to binary64. */
export const float64Numbers: Float32Arith<number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  sqrt: (a) => Math.sqrt(a),
  square: (a) => a * a,
  max: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b)),
  abs: (a) => Math.abs(a),
  sign: (a) => (a > 0 ? 1 : a < 0 ? -1 : a === 0 ? 0 : NaN),
  wherePositive: (c, a, b) => (c > 0 ? a : b),
};

const numbers64: Carrier<number, number> = { A: float64Numbers, scalars: float64Coefficients, lift: (x) => x };

const bounded64: Carrier<Bounded, ScalarBound> = {
  A: boundedArithIn(BINARY64),
  scalars: coefficientBoundArith,
  lift: (x) => scalarToBoundedIn(BINARY64, x),
};

/** Whether the fused order applies: a rule stepped element by element (or on an objective's groups). */
export function fusesElementwise(rule: AnyProductionRule): boolean {
  return rule.kind === 'elementwise' || rule.kind === 'group';
}

/** The fused order's step: `rule` in float64 on `input`, each output rounded once to float32. */
export function stepFusedFloat64(rule: AnyProductionRule, config: Configuration, input: StepInput): StepOutput {
  return asStepOutput(stepElements(rule, config, input, numbers64, (x) => x));
}

/** The smallest normal double, and the magnitude below which a float64 coefficient cannot overflow a product of float32 values. */
const NORMAL64 = 2 ** -1022;
const LARGE64 = 2 ** 700;

/**
 * Where the fused order's analysis is claimed: finite inputs, and float64 coefficients that are 0 or
 * normal doubles below 2^700. Hyperparameters among float64's subnormals (β2 = 5e−324) or near its
 * overflow make float64 rounding errors of the order of the values themselves, and infinite inputs
 * leave class decisions (0 · ∞, ∞ − ∞) to an order's every operation; there the float32 orders decide.
 */
export function fusedDomain(rule: AnyProductionRule, config: Configuration, input: StepInput): boolean {
  const finite = (xs: ArrayLike<number>) => Array.prototype.every.call(xs, Number.isFinite);
  if (!finite(input.params) || !finite(input.grads) || !Object.values(input.state).every(finite)) return false;
  const layout = config.entry.state(config.flags);
  const tensorSlots = Object.fromEntries(layout.tensor.map((k) => [k, input.state[k]?.[0] ?? 0]));
  const coefficients: Readonly<Record<string, number | undefined>> =
    rule.kind === 'group'
      ? input.objective === undefined
        ? {}
        : rule.coefficients(float64Coefficients, config, input.t, input.objective)
      : rule.kind === 'elementwise'
        ? rule.coefficients(float64Coefficients, config, input.t, tensorSlots)
        : {};
  return Object.values(coefficients).every(
    (c) => c === undefined || c === 0 || (Math.abs(c) >= NORMAL64 && Math.abs(c) < LARGE64),
  );
}

/**
 * The fused order's derived bound on `input`: the binary64 analysis, then one rounding to binary32
 * per output; every element outside the analysis (`underflow`) where {@link fusedDomain} does not hold.
 */
export function boundFusedFloat64(rule: AnyProductionRule, config: Configuration, input: StepInput): StepBound {
  if (fusedDomain(rule, config, input))
    return mapOutputs(stepElements(rule, config, input, bounded64, exactInput), (b) =>
      elementBound(roundToBinary32(b)),
    );
  const outside: ElementBound = { bound: Infinity, scale: Infinity, out: 'underflow' };
  return mapOutputs(
    stepElements(rule, config, input, numbers64, (x) => x),
    () => outside,
  );
}
