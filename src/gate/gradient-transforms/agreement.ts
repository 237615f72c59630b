/**
 * Agreement of the production gradient clippings with the oracle: the clipped gradients of a random
 * list of one to three float32 variables, each element within its derived bound
 * (src/gate/bound/clip-bound.ts). The registry's record gives both sides. Thresholds are drawn over
 * their whole domain and, half the time, next to the case's own norm (or largest |g|), so that cases
 * on both sides of the threshold, and at it, come often.
 *
 * @module
 */
import fc from 'fast-check';
import { configure, type Configuration, type PresetName } from '../../../core/catalogue/index.js';
import { exactText } from '../../../oracle/binary32.js';
import { clipOracle } from '../../../oracle/gradient-transforms/clipping.js';
import { tfjsClipArrays } from '../../production/tfjs/clipping.js';
import type { GradientTransformRecord } from '../../registry/gradient-transforms.js';
import { trainingFloat32 } from '../arbitraries/float32.js';
import { configuration, withText } from '../arbitraries/step-case.js';
import { boundClip } from '../bound/clip-bound.js';
import { compareEveryOutput, type StepComparison } from '../compare.js';
import { DisagreementError, foldInto, type Tally } from '../properties.js';

/** A clipping case: a configuration and the list of gradients, one array per variable. */
export interface ClipCase {
  readonly config: Configuration;
  readonly grads: readonly Float32Array[];
}

/** One to three variables of one to eight elements each. */
export const clipGradients = (): fc.Arbitrary<Float32Array[]> =>
  fc.array(
    fc.array(trainingFloat32(), { minLength: 1, maxLength: 8 }).map((xs) => Float32Array.from(xs)),
    { minLength: 1, maxLength: 3 },
  );

/** √(Σ g²) of every variable together, in float64 (only to place a threshold near it). */
const roughNorm = (grads: readonly Float32Array[]): number =>
  Math.sqrt(grads.reduce((s, g) => g.reduce((t, x) => t + x * x, s), 0));

/** The float32 nearest to x · 2^k, as decimal text, or undefined when it is not a positive float32. */
function near(x: number, k: number): string | undefined {
  const y = Math.fround(x * 2 ** k);
  return y > 0 && Number.isFinite(y) ? exactText(y) : undefined;
}

/** A threshold next to the case's scale: its norm (or largest |g| for value clipping), times 2^k for k in −2 … 2. */
function nearThreshold(record: GradientTransformRecord, preset: PresetName, grads: readonly Float32Array[]) {
  const name = Object.keys(record.entry.hyperparameters)[0] ?? '';
  const scale =
    record.entry.name === 'clip-by-value'
      ? Math.max(...grads.map((g) => Math.max(...Array.from(g, Math.abs))))
      : record.entry.name === 'clip-by-norm'
        ? roughNorm(grads.slice(0, 1))
        : roughNorm(grads);
  return fc.integer({ min: -2, max: 2 }).map((k) => {
    const text = near(scale, k / 2);
    return text === undefined ? undefined : configure(record.entry, preset, { [name]: text });
  });
}

/** Cases of a clipping under a preset. */
export function clipCase(record: GradientTransformRecord, preset: PresetName): fc.Arbitrary<ClipCase> {
  return clipGradients().chain((grads) =>
    fc
      .oneof(configuration(record.entry, preset), nearThreshold(record, preset, grads))
      .map((config) => withText({ config: config ?? configure(record.entry, preset), grads }, { grads })),
  );
}

/** A clipping's implementation: the clipped list of gradients, one array per variable. */
export type TransformStep = (config: Configuration, grads: readonly Float32Array[]) => Float32Array[];

/** Production's clipping (`record.production` on TensorFlow.js), concatenated in variable order. */
const productionClip = (record: GradientTransformRecord) => (config: Configuration, grads: readonly Float32Array[]) =>
  tfjsClipArrays(record.production, config, grads);

/**
 * The clipped gradients `produced` (one array per variable, or their concatenation) against the oracle
 * on one case, within the bound of the preset's own order (production's algorithm on error-bounded
 * values); folded into `tally`.
 */
export function judgeClipped(
  record: GradientTransformRecord,
  { config, grads }: ClipCase,
  produced: Float32Array | readonly Float32Array[],
  tally?: Tally,
): StepComparison {
  if (!(produced instanceof Float32Array) && produced.map((g) => g.length).join() !== grads.map((g) => g.length).join())
    throw new TypeError(
      `the clipped gradients have lengths [${produced.map((g) => g.length).join(', ')}], [${grads.map((g) => g.length).join(', ')}] expected`,
    );
  const flat = produced instanceof Float32Array ? produced : Float32Array.from(produced.flatMap((g) => Array.from(g)));
  const comparison = compareEveryOutput(
    { grads: flat },
    clipOracle(record.oracle, config, grads),
    boundClip(record.production, config, grads),
  );
  foldInto(tally, comparison);
  return comparison;
}

/** Production (`record.production` on TensorFlow.js) against the oracle on one case. */
export function judgeClip(record: GradientTransformRecord, c: ClipCase, tally?: Tally): StepComparison {
  return judgeClipped(record, c, productionClip(record)(c.config, c.grads), tally);
}

/** Throws a {@link DisagreementError} when a clipping's comparison has mismatches. */
export function clipVerdict(implementation: string, c: ClipCase, comparison: StepComparison): void {
  if (comparison.mismatches.length === 0) return;
  const shown = c.grads.map((g) => `[${Array.from(g).join(', ')}]`).join(', ');
  throw new DisagreementError(implementation, c.config, `on grads = ${shown}`, comparison);
}

/**
 * The agreement property of one clipping under one preset, on `transform` (default: production's);
 * `implementation` names it in failures.
 */
export function gradientTransformProperty(
  record: GradientTransformRecord,
  preset: PresetName,
  tally: Tally | undefined,
  implementation: string,
  transform?: TransformStep,
): fc.IProperty<[ClipCase]> {
  return fc.property(clipCase(record, preset), (c) =>
    clipVerdict(
      implementation,
      c,
      judgeClipped(record, c, (transform ?? productionClip(record))(c.config, c.grads), tally),
    ),
  );
}
