/**
 * Judging one step of an implementation against the oracle, output by output and element by
 * element: within the derived bound where the analysis applies; the same IEEE class (NaN, +∞, −∞,
 * finite) where an input was NaN or ±∞ or a divisor was an exact zero; counted but not judged where
 * float32 overflow or underflow takes production away from the exact result. Where the derived bound
 * is 0 (production exact) the comparison is bitwise, so −0 for +0 fails. Where the oracle left an
 * element uncertified (its exact value lies on the rounding boundary between two float32 neighbours,
 * to the precision it tried), either neighbour passes a bitwise comparison, and the error is measured
 * from the neighbours' midpoint, within about 10^−2550 (relative) of the exact value.
 *
 * The error is reported in units of u · S + η (u = 2^−24, S the size of the terms the output combined,
 * η = 2^−150), as error analysis measures it, because an error in ULPs of a result that cancelled says
 * little.
 *
 * @module
 */
import type { StepOutput, UncertifiedElement } from '../../core/catalogue/index.js';
import { required } from '../../core/required.js';
import { ETA, U, type OutOfDomain } from './bound/bounded.js';
import type { StepBound } from './bound/step-bound.js';
import { describeFloat32 } from './describe.js';
import { binOf, emptyHistogram } from './histogram.js';

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
  /** Compared elements the oracle left uncertified, judged against either neighbour of the boundary. */
  uncertified: number;
  /**
   * Largest |production − oracle| / (u · S + η) over the compared elements (for an uncertified
   * element, |production − midpoint of the neighbours|).
   */
  maxError: number;
  /** Largest bound / (u · S + η) over the compared elements. */
  maxBound: number;
  /**
   * Largest |production − oracle| / bound over the compared elements (at most 1 when all pass; ∞ for
   * a bitwise comparison that failed).
   */
  maxRatio: number;
}

/** The comparison of one step. */
export interface StepComparison {
  readonly outputs: Record<string, OutputMeasure>;
  readonly mismatches: Mismatch[];
  /** Per output, the compared elements' err/bound counted in the bins of ./histogram.ts. */
  readonly histograms?: Record<string, number[]>;
}

/** A fresh, empty measure. */
export function emptyMeasure(): OutputMeasure {
  return { compared: 0, classified: 0, excluded: 0, uncertified: 0, maxError: 0, maxBound: 0, maxRatio: 0 };
}

/**
 * In units of u · S + η: u = 2^−24 relative to the size S of the terms combined, plus η = 2^−150
 * for the oracle's own rounding of a subnormal result.
 */
export function inTermUnits(x: number, scale: number): number {
  return x === 0 ? 0 : x / (U * scale + ETA);
}

const CLASSIFIED: ReadonlySet<OutOfDomain> = new Set(['nonfinite', 'zero-divisor']);

/**
 * An oracle's named outputs, and under `uncertified` the elements among them it could not certify
 * (as {@link StepOutput.uncertified}).
 */
export interface OracleOutputs {
  readonly [output: string]: ArrayLike<number> | readonly UncertifiedElement[] | undefined;
  readonly uncertified?: readonly UncertifiedElement[];
}

/** Compares an implementation's step outputs with the oracle's under the derived bound. */
export function compareStep(production: StepOutput, oracle: StepOutput, bound: StepBound): StepComparison {
  const marks = oracle.uncertified === undefined ? {} : { uncertified: oracle.uncertified };
  return compareOutputs(
    { ...production.state, params: production.params },
    { ...oracle.state, params: oracle.params, ...marks },
    bound,
  );
}

function valuesOf(oracle: OracleOutputs, output: string): ArrayLike<number> | undefined {
  return output === 'uncertified' ? undefined : (oracle[output] as ArrayLike<number> | undefined);
}

/** Whether `production` passes bitwise: the oracle's value, or for an uncertified element either neighbour. */
function bitwiseEqual(production: number, oracle: number, mark: UncertifiedElement | undefined): boolean {
  return mark === undefined
    ? Object.is(production, oracle)
    : Object.is(production, mark.below) || Object.is(production, mark.above);
}

/**
 * Compares named outputs (any computation's) with the oracle's under the derived bound, element by
 * element. Every output the bound names must be present on both sides with the bound's length.
 */
export function compareOutputs(
  production: Readonly<Record<string, ArrayLike<number>>>,
  oracle: OracleOutputs,
  bound: StepBound,
): StepComparison {
  const outputs: Record<string, OutputMeasure> = {};
  const mismatches: Mismatch[] = [];
  const histograms: Record<string, number[]> = {};
  for (const [output, bounds] of Object.entries(bound)) {
    const p = production[output];
    const o = valuesOf(oracle, output);
    const m = emptyMeasure();
    outputs[output] = m;
    const histogram = emptyHistogram();
    histograms[output] = histogram;
    if (p === undefined || o === undefined || p.length !== o.length || bounds.length !== o.length) {
      const why = `output missing or of the wrong length: production ${p?.length ?? 'missing'}, oracle ${o?.length ?? 'missing'}, bound ${bounds.length} elements`;
      mismatches.push({ output, index: -1, production: NaN, oracle: NaN, bound: NaN, scale: NaN, why });
      continue;
    }
    const marks = new Map((oracle.uncertified ?? []).filter((u) => u.output === output).map((u) => [u.index, u]));
    bounds.forEach((b, i) => {
      const pv = required(p[i], 'a production value');
      const ov = required(o[i], 'an oracle value');
      if (b.out !== undefined && !CLASSIFIED.has(b.out)) {
        m.excluded += 1;
        return;
      }
      if (b.out !== undefined || classOf(ov) !== 'finite' || classOf(pv) !== 'finite') {
        m.classified += 1;
        if (classOf(pv) !== classOf(ov)) {
          mismatches.push({
            output,
            index: i,
            production: pv,
            oracle: ov,
            bound: b.bound,
            scale: b.scale,
            why: `class ${classOf(pv)} but the oracle's is ${classOf(ov)}`,
          });
        }
        return;
      }
      m.compared += 1;
      const mark = marks.get(i);
      if (mark !== undefined) m.uncertified += 1;
      const reference = mark === undefined ? ov : (mark.below + mark.above) / 2;
      const error = Math.abs(pv - reference);
      const bitwise = b.bound === 0;
      const pass = bitwise ? bitwiseEqual(pv, ov, mark) : error <= b.bound;
      m.maxError = Math.max(m.maxError, inTermUnits(error, b.scale));
      m.maxBound = Math.max(m.maxBound, inTermUnits(b.bound, b.scale));
      const ratio = bitwise ? (pass ? 0 : Infinity) : error === 0 ? 0 : error / b.bound;
      m.maxRatio = Math.max(m.maxRatio, ratio);
      const bin = binOf(ratio);
      histogram[bin] = (histogram[bin] ?? 0) + 1;
      if (!pass) {
        const what = bitwise ? 'not bitwise equal where the derived bound is 0' : 'error above the derived bound';
        const where =
          mark === undefined
            ? ''
            : ` (the oracle left it uncertified between ${describeFloat32(mark.below)} and ${describeFloat32(mark.above)}; error measured from their midpoint)`;
        mismatches.push({
          output,
          index: i,
          production: pv,
          oracle: ov,
          bound: b.bound,
          scale: b.scale,
          why: what + where,
        });
      }
    });
  }
  return { outputs, mismatches, histograms };
}

/**
 * {@link compareOutputs} for a computation whose every output is judged (a penalty, a clipping, a
 * regularizer's outputs): an output production and the oracle both give that the bound does not name
 * is a mismatch too, so that a derivation which lost an output fails instead of passing as a check
 * of the rest. (A rule's trajectory names only θ in its bound, on purpose: it uses compareOutputs.)
 */
export function compareEveryOutput(
  production: Readonly<Record<string, ArrayLike<number>>>,
  oracle: OracleOutputs,
  bound: StepBound,
): StepComparison {
  const comparison = compareOutputs(production, oracle, bound);
  for (const output of Object.keys(production)) {
    if (output in bound || valuesOf(oracle, output) === undefined) continue;
    const why = 'no derived bound for this output, which production and the oracle both give';
    comparison.mismatches.push({ output, index: -1, production: NaN, oracle: NaN, bound: NaN, scale: NaN, why });
  }
  return comparison;
}

/** Folds one step's measure into a running one. */
export function mergeMeasure(into: OutputMeasure, m: OutputMeasure): void {
  into.compared += m.compared;
  into.classified += m.classified;
  into.excluded += m.excluded;
  into.uncertified += m.uncertified;
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
