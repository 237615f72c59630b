/**
 * NAG's look-ahead form in float32 (Nesterov 1983; Ruder 2016, section 4.2), on a group of elements
 * the objective couples:
 *
 *   y = θ − γ ⊗ v,   v' = γ ⊗ v + α ⊗ ∇J(y),   θ' = θ − v'
 *
 * γ and α are rounded to float32 once; ∇J is production's float32 gradient (./objectives.ts). With a
 * schedule, α at update t is the schedule's production value at t − 1 (./common.ts `learningRate`).
 *
 * @module
 */
import type { NagSchema } from '../../../core/catalogue/rules/nag.js';
import { required } from '../../../core/required.js';
import { learningRate } from './common.js';
import { objectiveCoefficients, objectiveGradient, type RosenbrockCoefficients } from './objectives.js';
import type { Coefficients, GroupRule } from './rule.js';

type Always = 'lr' | 'momentum';
type Sometimes = keyof RosenbrockCoefficients<never>;

/** NAG's production step on groups: single elements of the quadratic, (x, y) pairs of Rosenbrock's function. */
export const nag: GroupRule<NagSchema, Always, Sometimes> = {
  kind: 'group',
  groupSize: (objective) => (objective.kind === 'rosenbrock' ? 2 : 1),
  coefficients: (
    s,
    { hyper, schedule },
    t,
    objective,
  ): Coefficients<Always, Sometimes, ReturnType<typeof s.integer>> => ({
    lr: learningRate(s, hyper.lr, schedule, t),
    momentum: s.hyper(hyper.momentum),
    ...objectiveCoefficients(s, objective),
  }),
  step(A, objective, { params, slots, curvature }, c) {
    const velocity = slots.velocity;
    const at = (k: number) => required(velocity[k], 'velocity');
    const lookahead = params.map((p, k) => A.sub(p, A.mul(c.momentum, at(k))));
    const gradient = objectiveGradient(A, objective, lookahead, c, curvature);
    const next = velocity.map((v, k) => A.add(A.mul(c.momentum, v), A.mul(c.lr, required(gradient[k], 'gradient'))));
    return { params: params.map((p, k) => A.sub(p, required(next[k], 'velocity'))), slots: { velocity: next } };
  },
};
