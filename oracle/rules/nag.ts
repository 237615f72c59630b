/**
 * NAG in the look-ahead form, exact: on each group of elements the objective couples,
 * y = θ − γ v (exact, not rounded), v' = γ v + α ∇J(y), θ' = θ − v'.
 *
 * @module
 */
import {
  checkStepInput,
  groupSize,
  StepInputError,
  type Configuration,
  type Objective,
  type StepInput,
  type UncertifiedElement,
} from '../../core/catalogue/index.js';
import type { Dec } from '../binary32.js';
import type { Arithmetic, Enclosure } from '../enclosure.js';
import { IntervalArithmetic, type Interval } from '../interval.js';
import { certifyStaged } from '../staged.js';
import { checkEntry, marked, uncertifiedElements } from '../marks.js';
import { exactGradient } from '../objectives.js';
import type { ExactOutput, OracleRule, StepOutput } from '../rule.js';

/** Checks the input and returns its objective. */
export function nagObjective(rule: string, { params, state, objective }: StepInput) {
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
  if (state['velocity']?.length !== params.length)
    throw new StepInputError(rule, `state slot 'velocity' must have the parameters' length ${params.length}`);
  return objective;
}

/** One group's step from exact θ and v (`param(j)`, `velocity(j)`). */
function groupStep(
  a: Arithmetic,
  config: Configuration,
  objective: Objective,
  start: number,
  param: (j: number) => Enclosure,
  velocityOf: (j: number) => Enclosure,
): Record<string, Enclosure> {
  const size = groupSize(objective);
  const gamma = a.point(config.hyper['momentum']!);
  const alpha = a.point(config.hyper['lr']!);
  const indices = Array.from({ length: size }, (_, k) => start + k);
  const velocity = indices.map(velocityOf);
  const lookahead = indices.map((j, k) => a.sub(param(j), a.mul(gamma, velocity[k]!)));
  const gradient = exactGradient(a, objective, start, lookahead);
  const out: Record<string, Enclosure> = {};
  indices.forEach((j, k) => {
    const v = a.add(a.mul(gamma, velocity[k]!), a.mul(alpha, gradient[k]!));
    out[`velocity${k}`] = v;
    out[`param${k}`] = a.sub(param(j), v);
  });
  return out;
}

function group(a: Arithmetic, config: Configuration, input: StepInput, start: number): Record<string, Enclosure> {
  const objective = nagObjective(config.entry.name, input);
  const at = (xs: Float32Array) => (j: number) => a.fromFloat32(xs[j]!);
  return groupStep(a, config, objective, start, at(input.params), at(input.state['velocity']!));
}

/**
 * Enclosures of one NAG step on exact decimal θ and v (for claims about real numbers): the new θ and v,
 * element by element.
 */
export function encloseNag(
  config: Configuration,
  objective: Objective,
  params: readonly (Dec | string)[],
  velocity: readonly (Dec | string)[],
  precision: number,
): { params: Interval[]; velocity: Interval[] } {
  const a = IntervalArithmetic.at(precision);
  const size = groupSize(objective);
  const out = { params: [] as Interval[], velocity: [] as Interval[] };
  for (let start = 0; start + size <= params.length; start += size) {
    const r = groupStep(
      a,
      config,
      objective,
      start,
      (j) => a.point(params[j]!),
      (j) => a.point(velocity[j]!),
    );
    for (let k = 0; k < size; k++) {
      out.params.push(r[`param${k}`] as Interval);
      out.velocity.push(r[`velocity${k}`] as Interval);
    }
  }
  return out;
}

function groups(config: Configuration, input: StepInput): number[] {
  checkEntry('nag', ['nag'], config);
  checkStepInput(config.entry.name, config.entry.state(config.flags), input);
  const size = groupSize(nagObjective(config.entry.name, input));
  return Array.from({ length: input.params.length / size }, (_, k) => k * size);
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
    const params = new Float32Array(input.params.length);
    const velocity = new Float32Array(input.params.length);
    const uncertified: UncertifiedElement[] = [];
    for (const start of groups(config, input)) {
      const certified = certifyStaged<string>('nag', (a) => group(a, config, input, start));
      const { values } = certified;
      for (let k = 0; `param${k}` in values; k++) {
        params[start + k] = values[`param${k}`]!;
        velocity[start + k] = values[`velocity${k}`]!;
      }
      uncertified.push(
        ...uncertifiedElements(certified, (key) => {
          const [, output, k] = /^(param|velocity)(\d+)$/.exec(key)!;
          return { output: output === 'param' ? 'params' : 'velocity', index: start + Number(k) };
        }),
      );
    }
    return marked({ params, state: { velocity } }, uncertified);
  },
  exact(config, input, precision = 60): ExactOutput {
    const a = IntervalArithmetic.at(precision);
    const params: Dec[] = [];
    const velocity: Dec[] = [];
    for (const start of groups(config, input)) {
      const r = group(a, config, input, start) as Record<string, Interval>;
      for (let k = 0; `param${k}` in r; k++) {
        params.push(r[`param${k}`]!.near);
        velocity.push(r[`velocity${k}`]!.near);
      }
    }
    return { params, velocity };
  },
};
