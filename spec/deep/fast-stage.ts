/**
 * The deep comparison of the oracle's stages (`npm run test:deep`, vitest.deep.config.ts): for one
 * update rule, $OPTIM_ORACLE_DEEP_FAST_CASES element-steps (10^5 by default) split evenly over its
 * presets, each stepped with every stage and with the decimal ladder alone. The two must give the same
 * bits and the same uncertified marks, or, where the ladder alone could not certify an element, the
 * staged step's decision must lie within the ladder's mark ({@link differences}).
 * spec/oracle/fast-stage.spec.ts makes the comparison at the depth `npm test` affords (100
 * element-steps per rule and preset); this one is for CI and for deep runs sharded over machines (one
 * file per rule: spec/deep/fast-stage/<rule>.deep.ts).
 *
 * The elements are drawn as the properties draw them (the one-step cases' arbitraries, finite and
 * with NaN and ±∞, and short trajectories from the initial state), the one-step tensors up to 64
 * elements long instead of 8, so that the decimal ladder's cost per step is shared by more elements.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Configuration, PresetName, StepInput, StepOutput } from '../../core/catalogue/index.js';
import { stepCase, trajectoryCase } from '../../src/gate/arbitraries/step-case.js';
import { parseCount, seedFromEnv, SEED_ENV } from '../../src/gate/seed.js';
import { entryOf, oracleRuleOf } from '../../src/registry/index.js';
import { certifyStatistics, resetCertifyStatistics, withCertifyStages } from '../../oracle/staged.js';
import {
  marksOf,
  OutputDigest,
  readRecord,
  writeRecord,
  WRITE_RECORDS_ENV,
  type PresetRecord,
  type RecordedMark,
} from './ladder-record.js';

/** The variable that sets the element-steps compared per rule. */
export const DEEP_CASES_ENV = 'OPTIM_ORACLE_DEEP_FAST_CASES';

/** The variable that sets the depth of the comparisons of the stages in `npm test`. */
export const FAST_CASES_ENV = 'OPTIM_ORACLE_FAST_CASES';

/** $`name` as a count (an integer ≥ 1), else `fallback` when it is unset or empty. */
export function countFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const text = env[name];
  return text === undefined || text === '' ? fallback : parseCount(text, name, 1);
}

/** Element-steps per rule: $OPTIM_ORACLE_DEEP_FAST_CASES, else 10^5. */
export function deepCases(env: NodeJS.ProcessEnv = process.env): number {
  return countFromEnv(DEEP_CASES_ENV, 100_000, env);
}

/** Longest one-step tensor drawn (the properties draw up to 8). */
const MAX_LENGTH = 64;

/** A number as text that keeps −0. */
const num = (x: number | undefined): string => (Object.is(x, -0) ? '-0' : String(x));

/** A float32 array as text that keeps −0, NaN and ±∞. */
const text = (xs: Float32Array): string => `[${Array.from(xs, num).join(', ')}]`;

/** Where an output element is: `params[0]`, `m[3]`. */
const place = (output: string, index: number): string => `${output}[${index}]`;

/**
 * How `staged` differs from `decimal`. Bit for bit, and uncertified where the ladder is, except where
 * the decimal ladder alone left an element uncertified and the staged step decided it: the exact
 * stages decide exact float32 midpoints and exact zeros that no interval separates (θ − θ = +0,
 * lr (1 − β1) g / ((1 − β1) |g|) = lr exactly), so there the staged value must be one of the two
 * the ladder's mark allows (either signed zero for a zero of unknown sign), as every judge accepts.
 * `beyond` counts those elements.
 */
export function differences(staged: StepOutput, decimal: StepOutput, beyond: { count: number }): string[] {
  const found: string[] = [];
  const marks = new Map((decimal.uncertified ?? []).map((u) => [place(u.output, u.index), u]));
  const stagedMarks = new Map((staged.uncertified ?? []).map((u) => [place(u.output, u.index), u]));
  const outputs: Array<[string, Float32Array, Float32Array | undefined]> = [
    ['params', staged.params, decimal.params],
    ...Object.entries(staged.state).map(([k, v]): [string, Float32Array, Float32Array | undefined] => [
      k,
      v,
      decimal.state[k],
    ]),
  ];
  if (Object.keys(decimal.state).length !== Object.keys(staged.state).length) found.push('other state slots');
  for (const [name, x, y] of outputs) {
    if (y === undefined || x.length !== y.length) {
      found.push(`${name}: ${text(x)} against ${y === undefined ? 'no such slot' : text(y)}`);
      continue;
    }
    x.forEach((v, i) => {
      const key = place(name, i);
      const mark = marks.get(key);
      const own = stagedMarks.get(key);
      if (own !== undefined) {
        if (JSON.stringify(own) !== JSON.stringify(mark))
          found.push(`${key} uncertified ${JSON.stringify(own)}, the ladder ${JSON.stringify(mark)}`);
        else if (!Object.is(v, y[i])) found.push(`${key} ${num(v)} ≠ ${num(y[i])}`);
      } else if (mark === undefined) {
        if (!Object.is(v, y[i])) found.push(`${key} ${num(v)} ≠ ${num(y[i])}`);
      } else if (
        Object.is(v, mark.below) ||
        Object.is(v, mark.above) ||
        (v === 0 && mark.below === 0 && mark.above === 0)
      ) {
        beyond.count++;
      } else found.push(`${key} decided as ${num(v)}, outside the ladder's ${num(mark.below)} and ${num(mark.above)}`);
    });
  }
  return found;
}

/** A step's inputs described for a failure message. */
function described(config: Configuration, input: StepInput): string {
  const state = Object.entries(input.state).map(([k, v]) => `${k} ${text(v)}`);
  return `hyper ${JSON.stringify(config.hyper)}, t ${input.t}, params ${text(input.params)}, grads ${text(input.grads)}, ${state.join(', ')}`;
}

/**
 * What a walk over the deep draws does at each step ({@link walkDeepSteps}): `step` is given a step's
 * configuration and inputs, `initial` a trajectory's parameters; each returns the output the
 * trajectory goes on from (the decimal ladder's, in every use).
 */
export interface DeepVisitor {
  step(config: Configuration, input: StepInput): StepOutput;
  initial(config: Configuration, params: Float32Array): StepOutput;
}

/**
 * Walks `elementSteps` element-steps of `rule` under `preset` from `seed`, in a fixed order: a third
 * one-step cases from finite states, a third with NaN and ±∞ among the inputs, a third trajectories of
 * up to 5 steps from the initial state, each step from the output `visit` returns for the one
 * before. Returns how many element-steps were visited.
 */
export function walkDeepSteps(
  rule: string,
  preset: PresetName,
  elementSteps: number,
  seed: number,
  visit: DeepVisitor,
): number {
  const entry = entryOf(rule);
  let compared = 0;
  const third = Math.ceil(elementSteps / 3);
  for (const nonfinite of [false, true]) {
    const until = compared + third;
    for (let batch = 0; compared < until; batch++)
      for (const c of fc.sample(stepCase(entry, preset, { nonfinite, maxLength: MAX_LENGTH }), {
        numRuns: 64,
        seed: seed + 7919 * batch + (nonfinite ? 1 : 0),
      })) {
        visit.step(c.config, c.input);
        compared += c.input.params.length;
        if (compared >= until) break;
      }
  }
  for (let batch = 0; compared < elementSteps; batch++)
    for (const c of fc.sample(trajectoryCase(entry, preset, { maxSteps: 5 }), {
      numRuns: 64,
      seed: seed + 104729 * batch,
    })) {
      let { params, state } = visit.initial(c.config, c.params);
      for (const [k, grads] of c.grads.entries()) {
        const input: StepInput = { params, grads, state, t: k + 1, ...(c.objective ? { objective: c.objective } : {}) };
        ({ params, state } = visit.step(c.config, input));
        compared += params.length;
      }
      if (compared >= elementSteps) break;
    }
  return compared;
}

/**
 * Steps `elementSteps` element-steps of `rule` under `preset` from `seed` ({@link walkDeepSteps}) with
 * every stage and with the decimal ladder alone, trajectories going on from the ladder's outputs.
 * Returns what differed (described with the step's inputs) and how many element-steps were compared;
 * `ladder`, when given, is handed each of the ladder's outputs in the order of the walk (for
 * ./ladder-record.ts).
 */
export function disagreements(
  rule: string,
  preset: PresetName,
  elementSteps: number,
  seed: number,
  ladder?: (output: StepOutput) => void,
): { found: string[]; compared: number; beyond: number } {
  const oracle = oracleRuleOf(rule);
  const found: string[] = [];
  const beyond = { count: 0 };
  const compared = walkDeepSteps(rule, preset, elementSteps, seed, {
    step(config, input) {
      const decimal = withCertifyStages('decimal', () => oracle.step(config, input));
      const differ = differences(oracle.step(config, input), decimal, beyond);
      if (differ.length > 0) {
        const where = described(config, input);
        found.push(...differ.map((d) => `${d} (${where})`));
      }
      ladder?.(decimal);
      return decimal;
    },
    initial(config, params) {
      const decimal = withCertifyStages('decimal', () => oracle.initialOutput(config, params));
      found.push(
        ...differences(oracle.initialOutput(config, params), decimal, beyond).map((d) => `initial state: ${d}`),
      );
      ladder?.(decimal);
      return decimal;
    },
  });
  return { found, compared, beyond: beyond.count };
}

/** Builds a preset's record ({@link PresetRecord}) from the ladder's outputs, fed in the walk's order. */
export class RecordMaker {
  private readonly digest = new OutputDigest();
  private readonly marks: RecordedMark[] = [];
  private steps = 0;
  readonly add = (output: StepOutput): void => {
    this.digest.add(output);
    this.marks.push(...marksOf(this.steps++, output));
  };
  record(elementSteps: number): PresetRecord {
    return { elementSteps, digest: this.digest.hex(), marks: this.marks };
  }
}

/**
 * Checks preset `preset`'s record of `rule` against the ladder's outputs just computed, or, with
 * $OPTIM_ORACLE_WRITE_LADDER_RECORDS set, writes it (./ladder-record.ts). A walk at another seed or
 * depth than the record's has nothing to check it against: that is reported, and the comparison of
 * the stages itself still runs.
 */
function checkRecord(rule: string, preset: PresetName, seed: number, perPreset: number, made: PresetRecord): void {
  const record = readRecord(rule);
  const same = record !== undefined && record.seed === seed && record.elementStepsPerPreset === perPreset;
  if (process.env[WRITE_RECORDS_ENV] !== undefined) {
    writeRecord({
      rule,
      seed,
      elementStepsPerPreset: perPreset,
      presets: { ...(same ? record.presets : {}), [preset]: made },
    });
    return;
  }
  if (record === undefined || !same) {
    console.log(
      `${rule}/${preset}: the ladder's record (spec/deep/ladder-records/${rule}.json) is for ${record === undefined ? 'no walk' : `seed ${record.seed}, ${record.elementStepsPerPreset} element-steps per preset`}; not checked`,
    );
    return;
  }
  expect(
    made,
    `the recorded ladder outputs of ${rule}/${preset} are not the ladder's: rewrite them with ${WRITE_RECORDS_ENV}=1 npm run test:deep (after a change that moves an output, or fast-check's draws)`,
  ).toEqual(record.presets[preset]);
}

/** Registers the deep comparison of `rule`: one test per preset. */
export function deepAgreement(rule: string): void {
  const entry = entryOf(rule);
  const presets = Object.keys(entry.presets) as PresetName[];
  const cases = deepCases();
  const seed = seedFromEnv();
  const perPreset = Math.ceil(cases / presets.length);
  describe(`${rule}: the fast stages agree with the decimal ladder on ${cases} element-steps`, () => {
    it.each(presets)(
      `%s: ${perPreset} element-steps, every output equal bit for bit, the same uncertified marks`,
      (preset) => {
        resetCertifyStatistics();
        const maker = new RecordMaker();
        const { found, compared, beyond } = disagreements(rule, preset, perPreset, seed, maker.add);
        if (beyond > 0)
          console.log(
            `${rule}/${preset}: ${beyond} outputs decided by the exact stages where the decimal ladder alone could not`,
          );
        const replay = `replay: ${SEED_ENV}=${seed} ${DEEP_CASES_ENV}=${cases} npx vitest run --config vitest.deep.config.ts spec/deep/fast-stage/${rule}.deep.ts -t '${preset}'`;
        expect(found.slice(0, 5), `${found.length} outputs differ; ${replay}`).toEqual([]);
        expect(compared).toBeGreaterThanOrEqual(perPreset);
        // A comparison in which the fast stages decided nothing would check nothing.
        const counts = certifyStatistics()[entry.name];
        expect(counts !== undefined && counts.fast + counts.rational > 0, 'the fast stages decided nothing').toBe(true);
        checkRecord(rule, preset, seed, perPreset, maker.record(compared));
      },
    );
  });
}
