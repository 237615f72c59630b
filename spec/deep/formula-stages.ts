/**
 * The oracle's formulas outside the update rules against their decimal ladder: the penalties, the
 * clippings, dropout, DropConnect, stochastic pooling and the two stages of Keras's wrapper certify
 * through certifyStaged, and on cases drawn as their agreement properties draw them, each output of
 * the staged oracle must equal the one the decimal ladder alone gives, bit for bit with the sign of
 * every zero, with the same uncertified marks. spec/oracle/regularizers/formula-stages.spec.ts and its
 * siblings run the comparison at the depth `npm test` affords, spec/deep/formula-stages.deep.ts at
 * $OPTIM_ORACLE_DEEP_FAST_CASES outputs per formula.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PRESET_NAMES,
  type Configuration,
  type PresetName,
  type UncertifiedElement,
} from '../../core/catalogue/index.js';
import { dropConnect, dropout } from '../../core/catalogue/regularizers/masks.js';
import { clipOracle } from '../../oracle/gradient-transforms/clipping.js';
import { decayOracle, emaOracle } from '../../oracle/keras-wrapper.js';
import { dropConnectOracle } from '../../oracle/regularizers/dropconnect.js';
import { dropoutOracle } from '../../oracle/regularizers/dropout.js';
import { penaltyOracle } from '../../oracle/regularizers/penalties.js';
import { stochasticPoolingOracle } from '../../oracle/regularizers/stochastic-pooling.js';
import { certifyStatistics, resetCertifyStatistics, withCertifyStages } from '../../oracle/staged.js';
import { trainingFloat32 } from '../../src/gate/arbitraries/float32.js';
import { configuration } from '../../src/gate/arbitraries/step-case.js';
import { clipCase } from '../../src/gate/gradient-transforms/agreement.js';
import { layer } from '../../src/gate/regularizers/dropconnect.js';
import { penaltyCase } from '../../src/gate/regularizers/penalty-property.js';
import { activations } from '../../src/gate/regularizers/stochastic-pooling.js';
import { gradientTransformRecords } from '../../src/registry/gradient-transforms.js';
import { penaltyRecords } from '../../src/registry/regularizers.js';
import type { CatalogueEntry } from '../../core/catalogue/index.js';
import { countFromEnv, FAST_CASES_ENV } from './fast-stage.js';

/** What every one of these oracles returns: float32 outputs by name, and the elements left uncertified. */
export interface OracleOutputs {
  readonly uncertified: readonly UncertifiedElement[];
}

/** One formula under one preset: its cases, how to run the oracle on one, and how to name it. */
export interface StageSubject<C = unknown> {
  /** `rule/preset`, as the tests are named. */
  readonly name: string;
  /** The label its certifications count under (oracle/staged.ts `certifyStatistics`). */
  readonly label: string;
  readonly cases: fc.Arbitrary<C>;
  /** The outputs a case certifies (its size in the count of outputs compared). */
  size(c: C): number;
  run(c: C): OracleOutputs;
  /** The case as text, for the report of a difference. */
  where(c: C): string;
}

/** A number as text that keeps −0. */
const num = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));
/** A float32 array as text that keeps −0, NaN and ±∞. */
const text = (xs: ArrayLike<number>): string => `[${Array.from(xs, num).join(', ')}]`;

/** Where two outputs of one oracle differ: every Float32Array among them bit for bit, and the uncertified marks. */
export function outputDifferences(staged: OracleOutputs, decimal: OracleOutputs): string[] {
  const found: string[] = [];
  const [a, b] = [staged as unknown as Record<string, unknown>, decimal as unknown as Record<string, unknown>];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'uncertified') continue;
    const [x, y] = [a[key], b[key]];
    if (!(x instanceof Float32Array) || !(y instanceof Float32Array)) {
      found.push(`${key}: ${String(x)} against ${String(y)}`);
      continue;
    }
    if (x.length !== y.length) found.push(`${key}: ${x.length} elements against ${y.length}`);
    x.forEach((v, i) => {
      if (!Object.is(v, y[i])) found.push(`${key}[${i}] ${num(v)} ≠ ${num(y[i] ?? NaN)}`);
    });
  }
  if (JSON.stringify(staged.uncertified) !== JSON.stringify(decimal.uncertified))
    found.push(`uncertified ${JSON.stringify(staged.uncertified)}, the ladder ${JSON.stringify(decimal.uncertified)}`);
  return found;
}

/**
 * Runs `subject`'s oracle staged and on the decimal ladder alone on cases drawn from `seed` (64 at a
 * time) until `outputs` outputs have been compared; returns what differed, each with its case, and
 * the count.
 */
export function stageDisagreements<C>(
  subject: StageSubject<C>,
  outputs: number,
  seed: number,
): { found: string[]; compared: number } {
  const found: string[] = [];
  let compared = 0;
  for (let batch = 0; compared < outputs; batch++)
    for (const c of fc.sample(subject.cases, { numRuns: 64, seed: seed + 7919 * batch })) {
      const staged = subject.run(c);
      const decimal = withCertifyStages('decimal', () => subject.run(c));
      for (const d of outputDifferences(staged, decimal)) found.push(`${d} (${subject.name} ${subject.where(c)})`);
      compared += subject.size(c);
      if (compared >= outputs) break;
    }
  return { found, compared };
}

/** The presets `entry` has. */
const presetsOf = (entry: CatalogueEntry): PresetName[] => PRESET_NAMES.filter((p) => entry.presets[p] !== undefined);
const hyperText = (config: Configuration): string => JSON.stringify(config.hyper);
/** A mask of 0s and 1s as long as `n`. */
const mask = (n: number) =>
  fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }).map((m) => Float32Array.from(m));

/** The penalties under each preset: penalty, gradient and proximal step of up to 16 weights. */
export const penaltySubjects: StageSubject[] = penaltyRecords.flatMap((record) =>
  presetsOf(record.entry).map((preset): StageSubject<{ config: Configuration; w: Float32Array }> => ({
    name: `${record.entry.name}/${preset}`,
    label: record.entry.name,
    cases: penaltyCase(record.entry, preset),
    size: ({ w }) => 2 * w.length + 1,
    run: ({ config, w }) => penaltyOracle(record.oracle, config, w),
    where: ({ config, w }) => `${hyperText(config)} w = ${text(w)}`,
  })),
);

/** The clippings under each preset: one to three variables of one to eight gradients, thresholds near their norms. */
export const clipSubjects: StageSubject[] = gradientTransformRecords.flatMap((record) =>
  presetsOf(record.entry).map((preset): StageSubject<{ config: Configuration; grads: readonly Float32Array[] }> => ({
    name: `${record.entry.name}/${preset}`,
    label: record.entry.name,
    cases: clipCase(record, preset),
    size: ({ grads }) => grads.reduce((n, g) => n + g.length, 0),
    run: ({ config, grads }) => clipOracle(record.oracle, config, grads),
    where: ({ config, grads }) => `${hyperText(config)} grads ${grads.map(text).join(' ')}`,
  })),
);

/** Dropout, DropConnect (each preset) and stochastic pooling, given their masks. */
export const maskSubjects: StageSubject[] = [
  ...presetsOf(dropout).map((preset): StageSubject<{ config: Configuration; x: Float32Array; m: Float32Array }> => ({
    name: `dropout/${preset}`,
    label: 'dropout',
    cases: fc
      .tuple(configuration(dropout, preset), fc.array(trainingFloat32(), { maxLength: 16 }))
      .chain(([config, x]) => mask(x.length).map((m) => ({ config, x: Float32Array.from(x), m }))),
    size: ({ x }) => 2 * x.length,
    run: ({ config, x, m }) => dropoutOracle(config, x, m),
    where: ({ config, x, m }) => `${hyperText(config)} x = ${text(x)} mask ${text(m)}`,
  })),
  ...presetsOf(dropConnect).map(
    (preset): StageSubject<{ config: Configuration; w: Float32Array; x: Float32Array; m: Float32Array }> => ({
      name: `dropconnect/${preset}`,
      label: 'dropconnect',
      cases: fc
        .tuple(configuration(dropConnect, preset), layer())
        .chain(([config, { w, x }]) => mask(w.length).map((m) => ({ config, w, x, m }))),
      size: ({ w, x }) => 3 * (w.length / x.length),
      run: ({ config, w, x, m }) => dropConnectOracle(config, w, x, m),
      where: ({ config, w, x, m }) => `${hyperText(config)} W = ${text(w)} x = ${text(x)} mask ${text(m)}`,
    }),
  ),
  {
    name: 'stochastic-pooling',
    label: 'stochastic-pooling',
    cases: activations(),
    size: ({ a, k }: { a: Float32Array; k: number }) => a.length + a.length / k,
    run: ({ a, k }: { a: Float32Array; k: number }) => stochasticPoolingOracle(a, k),
    where: ({ a, k }: { a: Float32Array; k: number }) => `regions of ${k}: ${text(a)}`,
  } satisfies StageSubject<{ a: Float32Array; k: number }>,
];

const weights = fc.array(trainingFloat32(), { minLength: 1, maxLength: 16 }).map((xs) => Float32Array.from(xs));

/** Keras's wrapper stages: the decay θ − θ wd lr with a constant rate, and the EMA of the weights. */
export const kerasWrapperSubjects: StageSubject[] = [
  {
    name: 'keras-wrapper/decay',
    label: 'keras-wrapper',
    cases: fc.record({
      theta: weights,
      wd: fc.constantFrom('0.004', '0.01', '0.5', '1e-30'),
      lr: fc.constantFrom('0.001', '0.1', '1', '3e-4'),
    }),
    size: ({ theta }: { theta: Float32Array }) => theta.length,
    run: ({ theta, wd, lr }: { theta: Float32Array; wd: string; lr: string }) => decayOracle(theta, wd, lr, 'params'),
    where: ({ theta, wd, lr }: { theta: Float32Array; wd: string; lr: string }) =>
      `wd ${wd} lr ${lr} θ = ${text(theta)}`,
  } satisfies StageSubject<{ theta: Float32Array; wd: string; lr: string }>,
  {
    name: 'keras-wrapper/ema',
    label: 'keras-wrapper',
    cases: weights.chain((theta) =>
      fc.record({
        theta: fc.constant(theta),
        average: fc
          .array(trainingFloat32(), { minLength: theta.length, maxLength: theta.length })
          .map((xs) => Float32Array.from(xs)),
        momentum: fc.constantFrom('0.99', '0.5', '0.999'),
        iterations: fc.integer({ min: 0, max: 3 }),
      }),
    ),
    size: ({ theta }: { theta: Float32Array }) => theta.length,
    run: (c: { theta: Float32Array; average: Float32Array; momentum: string; iterations: number }) =>
      emaOracle(c.average, c.theta, c.momentum, c.iterations, 'average'),
    where: (c: { theta: Float32Array; average: Float32Array; momentum: string; iterations: number }) =>
      `momentum ${c.momentum} iterations ${c.iterations} average ${text(c.average)} θ = ${text(c.theta)}`,
  } satisfies StageSubject<{ theta: Float32Array; average: Float32Array; momentum: string; iterations: number }>,
];

/**
 * Registers one test per subject: at least `outputs` outputs compared, none different, and some
 * decided by the binary64 stage (a comparison in which it decided nothing would check nothing).
 * `replay` is the command that reruns a test, given its name.
 */
export function stageAgreement(
  subjects: readonly StageSubject[],
  outputs: number,
  seed: number,
  replay: (name: string) => string,
): void {
  it.each(subjects.map((s) => [s.name, s] as const))(
    `%s: every output equal to the decimal ladder's, bit for bit, with the same marks (${outputs} outputs)`,
    (name, subject) => {
      resetCertifyStatistics();
      const { found, compared } = stageDisagreements(subject, outputs, seed);
      expect(found.slice(0, 5), `${found.length} outputs differ; replay: ${replay(name)}`).toEqual([]);
      expect(compared).toBeGreaterThanOrEqual(outputs);
      expect(certifyStatistics()[subject.label]?.fast ?? 0, 'the binary64 stage decided nothing').toBeGreaterThan(0);
    },
  );
}

/**
 * Outputs per formula and preset in `npm test`: $OPTIM_ORACLE_FAST_CASES, else 500 (the ladder takes
 * 12 to 33 µs an input element).
 */
export function fastCases(env: NodeJS.ProcessEnv = process.env): number {
  return countFromEnv(FAST_CASES_ENV, 500, env);
}

/** The fixed seed of the `npm test` comparisons. */
export const STAGES_SEED = 20171213;

/** The `npm test` comparison of `subjects`, in the spec file `file`. */
export function stageAgreementSpec(file: string, title: string, subjects: readonly StageSubject[]): void {
  const outputs = fastCases();
  describe(title, () => {
    stageAgreement(
      subjects,
      outputs,
      STAGES_SEED,
      (name) => `${FAST_CASES_ENV}=${outputs} npx vitest run ${file} -t '${name}'`,
    );
  });
}
