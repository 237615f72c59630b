/**
 * NAG in the look-ahead form, exact: on each group of elements the objective couples,
 * y = θ − γ v (exact, not rounded), v' = γ v + α_t ∇J(y), θ' = θ − v', where α_t is the constant α or,
 * under a schedule, the schedule's exact value at t − 1 for update t (docs/schedules.md, "The step").
 *
 * @module
 */
import {
  checkStepInput,
  groupSize,
  StepInputError,
  type Configuration,
  type HyperValues,
  type Objective,
  type StepInput,
  type UncertifiedElement,
} from '../../core/catalogue/index.js';
import type { NagSchema } from '../../core/catalogue/rules/nag.js';
import { required } from '../../core/required.js';
import type { Dec } from '../binary32.js';
import type { Arithmetic, Enclosure } from '../enclosure.js';
import { IntervalArithmetic, type Interval } from '../interval.js';
import { scheduledRate } from '../schedules/rule-rate.js';
import { asSchedule } from '../../core/schedules/index.js';
import { certifyStaged } from '../staged.js';
import { checkEntry, decimalAt, marked, uncertifiedElements } from '../marks.js';
import { exactGradient } from '../objectives.js';
import type { ExactOutput, OracleRule, StepOutput } from '../rule.js';

/** Checks the objective against the parameters (their state is {@link checkStepInput}'s to check) and returns it. */
export function nagObjective(rule: string, { params, objective }: StepInput) {
  if (objective === undefined)
    throw new StepInputError(
      rule,
      'the step needs an objective: it evaluates the gradient at the look-ahead point θ − γ v',
    );
  if (objective.kind === 'rosenbrock' && params.length % 2 !== 0)
    throw new StepInputError(rule, `Rosenbrock pairs need an even number of parameters, got ${params.length}`);
  if (objective.kind === 'quadratic' && objective.curvature.length !== params.length) {
    throw new StepInputError(
      rule,
      `the quadratic's curvature has ${objective.curvature.length} values but params has ${params.length}`,
    );
  }
  return objective;
}

/** NAG's hyperparameters, once {@link checkEntry} has checked that `config` is NAG's. */
function nagHyper(config: Configuration): HyperValues<NagSchema> {
  checkEntry('nag', ['nag'], config);
  return (config as Configuration<NagSchema>).hyper;
}

/** α of update `t` (from 1) at `a`: `lr`, or the schedule's exact value at t − 1 ({@link scheduledRate}). */
function rate(a: Arithmetic, config: Configuration, hyper: HyperValues<NagSchema>, t: number): Enclosure {
  return config.schedule === undefined ? a.point(hyper.lr) : scheduledRate(a, asSchedule(config.schedule), t);
}

/** One group's step from exact θ and v (`param(j)`, `velocity(j)`), as `param${k}` and `velocity${k}`. */
function groupStep(
  a: Arithmetic,
  hyper: HyperValues<NagSchema>,
  alpha: Enclosure,
  objective: Objective,
  start: number,
  param: (j: number) => Enclosure,
  velocityOf: (j: number) => Enclosure,
): Record<string, Enclosure> {
  const size = groupSize(objective);
  const gamma = a.point(hyper.momentum);
  const members = Array.from({ length: size }, (_, k) => ({ j: start + k, velocity: velocityOf(start + k) }));
  const lookahead = members.map(({ j, velocity }) => a.sub(param(j), a.mul(gamma, velocity)));
  const gradient = exactGradient(a, objective, start, lookahead);
  const out: Record<string, Enclosure> = {};
  for (const [k, { j, velocity }] of members.entries()) {
    const v = a.add(a.mul(gamma, velocity), a.mul(alpha, required(gradient[k], 'gradient')));
    out[`velocity${k}`] = v;
    out[`param${k}`] = a.sub(param(j), v);
  }
  return out;
}

/**
 * Enclosures of one NAG step on exact decimal θ and v (for claims about real numbers): the new θ and v,
 * element by element, with the constant α (a schedule, having no step here, is not read).
 */
export function encloseNag(
  config: Configuration,
  objective: Objective,
  params: readonly (Dec | string)[],
  velocity: readonly (Dec | string)[],
  precision: number,
): { params: Interval[]; velocity: Interval[] } {
  const hyper = nagHyper(config);
  const a = IntervalArithmetic.at(precision);
  const size = groupSize(objective);
  const out = { params: [] as Interval[], velocity: [] as Interval[] };
  for (let start = 0; start + size <= params.length; start += size) {
    const r = groupStep(
      a,
      hyper,
      a.point(hyper.lr),
      objective,
      start,
      (j) => a.point(decimalAt('nag', 'params', params, j)),
      (j) => a.point(decimalAt('nag', 'velocity', velocity, j)),
    );
    for (let k = 0; k < size; k++) {
      out.params.push(r[`param${k}`] as Interval);
      out.velocity.push(r[`velocity${k}`] as Interval);
    }
  }
  return out;
}

/** A checked step: its configuration, t, NAG's hyperparameters, the objective and each group's first element. */
interface CheckedStep {
  readonly config: Configuration;
  readonly t: number;
  readonly hyper: HyperValues<NagSchema>;
  readonly objective: Objective;
  readonly starts: number[];
  readonly velocity: Float32Array;
}

function checked(config: Configuration, input: StepInput): CheckedStep {
  const hyper = nagHyper(config);
  checkStepInput(config.entry.name, config.entry.state(config.flags), input);
  const objective = nagObjective(config.entry.name, input);
  const size = groupSize(objective);
  return {
    config,
    t: input.t,
    hyper,
    objective,
    starts: Array.from({ length: input.params.length / size }, (_, k) => k * size),
    velocity: required(input.state['velocity'], 'velocity'),
  };
}

/** One group's outputs at `a`, from the float32 inputs. */
function group(a: Arithmetic, step: CheckedStep, input: StepInput, start: number): Record<string, Enclosure> {
  const at = (xs: Float32Array, what: string) => (j: number) => a.fromFloat32(required(xs[j], what));
  const alpha = rate(a, step.config, step.hyper, step.t);
  return groupStep(
    a,
    step.hyper,
    alpha,
    step.objective,
    start,
    at(input.params, 'param'),
    at(step.velocity, 'velocity'),
  );
}

/** Where an output of {@link groupStep} goes: `param${k}` and `velocity${k}` of the group at `start`. */
function placeOf(key: string, start: number): { output: string; index: number } {
  return key.startsWith('param')
    ? { output: 'params', index: start + Number(key.slice('param'.length)) }
    : { output: 'velocity', index: start + Number(key.slice('velocity'.length)) };
}

function initialOutput(config: Configuration, params: Float32Array): StepOutput {
  checkEntry('nag', ['nag'], config);
  return { params, state: { velocity: new Float32Array(params.length) } };
}

/** NAG's look-ahead form as an oracle rule; each group's outputs certified together. */
export const nagOracle: OracleRule = {
  name: 'nag',
  entries: ['nag'],
  init: (config, params) => initialOutput(config, params).state,
  initialOutput,
  step(config, input): StepOutput {
    const step = checked(config, input);
    const params = new Float32Array(input.params.length);
    const velocity = new Float32Array(input.params.length);
    const uncertified: UncertifiedElement[] = [];
    for (const start of step.starts) {
      const certified = certifyStaged<string>('nag', (a) => group(a, step, input, start));
      const { values } = certified;
      for (let k = 0; ; k++) {
        const p = values[`param${k}`];
        if (p === undefined) break;
        params[start + k] = p;
        velocity[start + k] = required(values[`velocity${k}`], 'velocity');
      }
      uncertified.push(...uncertifiedElements(certified, (key) => placeOf(key, start)));
    }
    return marked({ params, state: { velocity } }, uncertified);
  },
  exact(config, input, precision = 60): ExactOutput {
    const step = checked(config, input);
    const a = IntervalArithmetic.at(precision);
    const params: Dec[] = [];
    const velocity: Dec[] = [];
    for (const start of step.starts) {
      const r = group(a, step, input, start);
      for (let k = 0; ; k++) {
        const p = r[`param${k}`];
        if (p === undefined) break;
        params.push((p as Interval).near);
        velocity.push((required(r[`velocity${k}`], 'velocity') as Interval).near);
      }
    }
    return { params, velocity };
  },
};
