/**
 * Judging one step of an implementation against the oracle, output by output and element by
 * element: within the derived bound where the analysis applies; the same IEEE class (NaN, +∞, −∞,
 * finite) where an input was NaN or ±∞ or a divisor was an exact zero; counted but not judged where
 * float32 overflow or underflow takes production away from the exact result.
 *
 * The error is reported in units of u · S + η (u = 2^−24, S the size of the terms the output combined,
 * η = 2^−150), as error analysis measures it, because an error in ULPs of a result that cancelled says
 * little.
 *
 * @module
 */
import type { StepOutput } from '../catalogue/index.js';
import { ETA, U, type OutOfDomain } from './bound/bounded.js';
import type { StepBound } from './bound/step-bound.js';
import { describeFloat32 } from './describe.js';

/** The IEEE class of a value. */
export type ValueClass = 'NaN' | '+Inf' | '-Inf' | 'finite';

/** The IEEE class of `x`. */
export function classOf(x: number): ValueClass {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  return 'finite';
}

/** One element that failed. */
export interface Mismatch {
  readonly output: string;
  readonly index: number;
  readonly production: number;
  readonly oracle: number;
  readonly bound: number;
  readonly scale: number;
  readonly why: string;
}

/** What one step's comparison measured for one output. */
export interface OutputMeasure {
  /** Elements compared against the bound. */
  compared: number;
  /** Elements compared by IEEE class only. */
  classified: number;
  /** Elements outside the analysed domain (float32 overflow or underflow), by reason. */
  excluded: number;
  /** Largest |production − oracle| / (u · S + η) over the compared elements. */
  maxError: number;
  /** Largest bound / (u · S + η) over the compared elements. */
  maxBound: number;
  /** Largest |production − oracle| / bound over the compared elements (at most 1 when all pass). */
  maxRatio: number;
}

/** The comparison of one step. */
export interface StepComparison {
  readonly outputs: Record<string, OutputMeasure>;
  readonly mismatches: Mismatch[];
}

/** A fresh, empty measure. */
export function emptyMeasure(): OutputMeasure {
  return { compared: 0, classified: 0, excluded: 0, maxError: 0, maxBound: 0, maxRatio: 0 };
}

/**
 * In units of u · S + η: u = 2^−24 relative to the size S of the terms combined, plus η = 2^−150
 * for the oracle's own rounding of a subnormal result.
 */
export function inTermUnits(x: number, scale: number): number {
  return x === 0 ? 0 : x / (U * scale + ETA);
}

const CLASSIFIED: ReadonlySet<OutOfDomain> = new Set(['nonfinite', 'zero-divisor']);

/** Compares an implementation's step outputs with the oracle's under the derived bound. */
export function compareStep(production: StepOutput, oracle: StepOutput, bound: StepBound): StepComparison {
  return compareOutputs({ ...production.state, params: production.params }, { ...oracle.state, params: oracle.params }, bound);
}

/** Compares named outputs (any computation's) with the oracle's under the derived bound, element by element. */
export function compareOutputs(production: Readonly<Record<string, ArrayLike<number>>>, oracle: Readonly<Record<string, ArrayLike<number>>>, bound: StepBound): StepComparison {
  const outputs: Record<string, OutputMeasure> = {};
  const mismatches: Mismatch[] = [];
  for (const [output, bounds] of Object.entries(bound)) {
    const p = production[output];
    const o = oracle[output];
    const m = emptyMeasure();
    outputs[output] = m;
    if (p === undefined || o === undefined || p.length !== o.length) {
      mismatches.push({ output, index: -1, production: NaN, oracle: NaN, bound: NaN, scale: NaN, why: `output missing or of length ${p?.length} instead of ${o?.length}` });
      continue;
    }
    bounds.forEach((b, i) => {
      const pv = p[i]!;
      const ov = o[i]!;
      if (b.out !== undefined && !CLASSIFIED.has(b.out)) {
        m.excluded += 1;
        return;
      }
      if (b.out !== undefined || classOf(ov) !== 'finite' || classOf(pv) !== 'finite') {
        m.classified += 1;
        if (classOf(pv) !== classOf(ov)) {
          mismatches.push({ output, index: i, production: pv, oracle: ov, bound: b.bound, scale: b.scale, why: `class ${classOf(pv)} but the oracle's is ${classOf(ov)}` });
        }
        return;
      }
      m.compared += 1;
      const error = Math.abs(pv - ov);
      m.maxError = Math.max(m.maxError, inTermUnits(error, b.scale));
      m.maxBound = Math.max(m.maxBound, inTermUnits(b.bound, b.scale));
      m.maxRatio = Math.max(m.maxRatio, error === 0 ? 0 : error / b.bound);
      if (!(error <= b.bound)) {
        mismatches.push({ output, index: i, production: pv, oracle: ov, bound: b.bound, scale: b.scale, why: 'error above the derived bound' });
      }
    });
  }
  return { outputs, mismatches };
}

/** Folds one step's measure into a running one. */
export function mergeMeasure(into: OutputMeasure, m: OutputMeasure): void {
  into.compared += m.compared;
  into.classified += m.classified;
  into.excluded += m.excluded;
  into.maxError = Math.max(into.maxError, m.maxError);
  into.maxBound = Math.max(into.maxBound, m.maxBound);
  into.maxRatio = Math.max(into.maxRatio, m.maxRatio);
}

/** A mismatch in words, with both values in decimal and hexadecimal. */
export function describeMismatch(x: Mismatch): string {
  const error = Math.abs(x.production - x.oracle);
  return (
    `${x.output}[${x.index}]: ${x.why}: production ${describeFloat32(x.production)}, oracle ${describeFloat32(x.oracle)}, ` +
    `|error| ${error.toPrecision(6)} = ${inTermUnits(error, x.scale).toPrecision(4)} (u·S + η), bound ${x.bound.toPrecision(6)} (S = ${x.scale.toPrecision(6)})`
  );
}
