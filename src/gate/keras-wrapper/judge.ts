/**
 * Judging one step of Keras 3's optimizer wrapper stage by stage, as trajectories are judged: each
 * stage's oracle runs on the float32 inputs production gave that stage, and production's output is
 * compared with it within the stage's derived bound (the stage's production code on error-bounded
 * numbers):
 *
 *   clip      clipOracle on the gradients                    bound: src/gate/bound/clip-bound.ts
 *   decay     θ − θ · wd · lr on production's θ, lr the schedule's exact value at `iterations` where
 *             the configuration has one                      bound: the decay stage on Bounded, the
 *             schedule's error included (../schedules/rate-bound.ts)
 *   rule      the rule's oracle on the clipped g, decayed θ  bound: the rule's own (unchanged)
 *   ema       m · avg + (1 − m) · θ' on production's θ'      bound: the EMA stage on Bounded
 *   overwrite θ ← avg where Keras overwrites, else the rule's θ'   bitwise
 *   copy      a stage the options leave out (no clip, no decay) passes its input on   bitwise
 *
 * Each output is named `stage:output` (`rule:params`, `rule:m`, ...) in the comparison, over every variable.
 *
 * @module
 */
import type { Configuration } from '../../../core/catalogue/index.js';
import { required } from '../../../core/required.js';
import { emaOracle, decayOracle } from '../../../oracle/keras-wrapper.js';
import { clipOracle } from '../../../oracle/gradient-transforms/clipping.js';
import {
  clippingOf,
  decay,
  decayCoefficients,
  emaCoefficients,
  learningRateOf,
  movingAverage,
  overwrites,
} from '../../production/keras-wrapper/stages.js';
import { kerasStepArrays, type KerasStepInput, type KerasStepStages } from '../../production/tfjs/keras-wrapper.js';
import { gradientTransformRecordOf } from '../../registry/gradient-transforms.js';
import { oracleRuleOf } from '../../registry/index.js';
import { boundClip } from '../bound/clip-bound.js';
import { boundedArith, exactInput } from '../bound/bounded.js';
import { scalarBoundArith, scalarToBounded } from '../bound/scalar-bound.js';
import { elementBound, type StepBound } from '../bound/step-bound.js';
import { coefficientBoundArith } from '../schedules/rate-bound.js';
import { compareOutputs, compareStep, emptyMeasure, mergeMeasure, type StepComparison } from '../compare.js';
import type { Implementation } from '../implementation.js';
import { checkedStages } from './stages-check.js';

/**
 * The comparisons of every stage, merged: outputs named `stage:output` over every variable
 * (`rule:params`), mismatches `stage[i]:output` with the variable's index i.
 */
function merged(parts: readonly (readonly [string, StepComparison])[]): StepComparison {
  const outputs: StepComparison['outputs'] = {};
  const mismatches: StepComparison['mismatches'] = [];
  for (const [stage, c] of parts) {
    const name = stage.replace(/\[\d+\]$/, '');
    for (const [k, m] of Object.entries(c.outputs)) mergeMeasure((outputs[`${name}:${k}`] ??= emptyMeasure()), m);
    mismatches.push(...c.mismatches.map((m) => ({ ...m, output: `${stage}:${m.output}` })));
  }
  return { outputs, mismatches };
}

const concat = (xs: readonly Float32Array[]): Float32Array => Float32Array.from(xs.flatMap((x) => Array.from(x)));

/** Bounds of an elementwise stage `f` on exact float32 inputs. */
function stageBound(
  output: string,
  inputs: readonly Float32Array[],
  f: (x: ReturnType<typeof exactInput>[]) => ReturnType<typeof exactInput>,
): StepBound {
  const n = required(inputs[0], 'an input').length;
  return {
    [output]: Array.from({ length: n }, (_, k) =>
      elementBound(f(inputs.map((x) => exactInput(required(x[k], 'element'))))),
    ),
  };
}

/** The stage comparisons of one production step `stages` on `input`. */
export function judgeStages(
  impl: Pick<Implementation, 'bound'>,
  config: Configuration,
  input: KerasStepInput,
  stages: KerasStepStages,
): StepComparison {
  const wrapper = config.keras ?? {};
  const parts: [string, StepComparison][] = [];
  if (wrapper.clip === undefined) parts.push(['copy', bitwise('grads', concat(stages.clipped), concat(input.grads))]);
  else {
    const { config: clipConfig, algorithm } = clippingOf(wrapper.clip);
    const oracle = clipOracle(gradientTransformRecordOf(clipConfig.entry.name).oracle, clipConfig, input.grads);
    parts.push([
      'clip',
      compareOutputs({ grads: concat(stages.clipped) }, oracle, boundClip(algorithm, clipConfig, input.grads)),
    ]);
  }
  const dc = decayCoefficients(coefficientBoundArith, wrapper, config, input.iterations + 1);
  const { schedule } = config;
  const rate = schedule === undefined ? learningRateOf(config) : { schedule, iterations: input.iterations };
  if (dc === undefined) parts.push(['copy', bitwise('params', concat(stages.decayed), concat(input.params))]);
  input.params.forEach((theta, i) => {
    if (dc !== undefined && wrapper.weightDecay !== undefined) {
      const oracle = decayOracle(theta, wrapper.weightDecay, rate);
      const c = { wd: scalarToBounded(dc.wd), lr: scalarToBounded(dc.lr) };
      const bound = stageBound('decayed', [theta], ([x]) => decay(boundedArith, required(x, 'θ'), c));
      parts.push([
        `decay[${i}]`,
        compareOutputs(
          { decayed: required(stages.decayed[i], 'θ*') },
          { decayed: oracle.values, uncertified: oracle.uncertified },
          bound,
        ),
      ]);
    }
    const ruleInput = {
      params: required(stages.decayed[i], 'θ*'),
      grads: required(stages.clipped[i], 'g'),
      state: required(input.state[i], 'state'),
      t: input.iterations + 1,
    };
    const oracle = oracleRuleOf(config.entry.name).step(config, ruleInput);
    parts.push([`rule[${i}]`, compareStep(required(stages.stepped[i], 'step'), oracle, impl.bound(config, ruleInput))]);
  });
  const ec = emaCoefficients(scalarBoundArith, wrapper, input.iterations);
  if (ec !== undefined && wrapper.ema !== undefined) {
    const c = { m: scalarToBounded(ec.m), one: scalarToBounded(ec.one) };
    stages.stepped.forEach((s, i) => {
      const avg = required(input.average?.[i], 'the average');
      const oracle = emaOracle(avg, s.params, required(wrapper.ema, 'ema').momentum, input.iterations);
      const bound = stageBound('average', [avg, s.params], ([a, x]) =>
        movingAverage(boundedArith, required(a, 'avg'), required(x, 'θ'), c),
      );
      const produced = required(stages.average?.[i], "production's average");
      parts.push([
        `ema[${i}]`,
        compareOutputs({ average: produced }, { average: oracle.values, uncertified: oracle.uncertified }, bound),
      ]);
    });
  }
  parts.push(['overwrite', overwriteComparison(config, input, stages)]);
  return merged(parts);
}

/** `produced` against `expected` bitwise, as output `output`. */
function bitwise(output: string, produced: Float32Array, expected: Float32Array): StepComparison {
  const zero = Array.from(produced, () => ({ bound: 0, scale: 0 }));
  return compareOutputs({ [output]: produced }, { [output]: expected }, { [output]: zero });
}

/** θ after the step is the average where Keras overwrites, else the rule's θ', bitwise. */
function overwriteComparison(config: Configuration, input: KerasStepInput, stages: KerasStepStages): StepComparison {
  const over = overwrites(config.keras ?? {}, input.iterations);
  const expected = concat(over ? required(stages.average, 'the averages') : stages.stepped.map((s) => s.params));
  return bitwise('params', concat(stages.params), expected);
}

/**
 * One wrapper step of `impl`: its own `kerasStep` where it has one, else this project's wrapper
 * around its `step` (production's stages, the rule's by `impl`).
 */
export function kerasStepOf(impl: Implementation, config: Configuration, input: KerasStepInput): KerasStepStages {
  return impl.kerasStep === undefined
    ? kerasStepArrays(config, input, (c, i) => impl.step(c, i))
    : checkedStages(config, input, impl.kerasStep(config, input));
}

/** One step of `impl` ({@link kerasStepOf}) and its stage comparisons. */
export function judgeKerasStep(
  impl: Implementation,
  config: Configuration,
  input: KerasStepInput,
): { readonly stages: KerasStepStages; readonly comparison: StepComparison } {
  const stages = kerasStepOf(impl, config, input);
  return { stages, comparison: judgeStages(impl, config, input, stages) };
}
