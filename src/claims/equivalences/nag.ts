/**
 * NAG's two forms: the look-ahead form (v ← γ v + α ∇J(θ − γ v), θ ← θ − v) on a gradient function,
 * and the reformulated Nesterov step on φ = θ − γ v (Sutskever et al. 2013), exactly over trajectories
 * on a quadratic and on Rosenbrock's function, and in float32 one step from the same (θ, v).
 *
 * @module
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { exactText, roundToFloat32 } from '../../../oracle/binary32.js';
import { exactGradient } from '../../../oracle/objectives.js';
import { IntervalArithmetic } from '../../../oracle/interval.js';
import { elementwiseOracleOf } from '../../../oracle/rules/index.js';
import { encloseNag } from '../../../oracle/rules/nag.js';
import { configure, entryOf } from '../../../core/catalogue/index.js';
import { moderateFloat32 } from '../../gate/arbitraries/float32.js';
import { boundTrajectory, errorOf } from '../../gate/bound/trajectory-bound.js';
import { production } from '../../gate/implementation.js';
import { productionRuleOf } from '../../production/rules/index.js';
import { checkProperty } from '../property.js';
import type { Claim, ClaimOptions, ClaimResult } from '../types.js';
import { agree, D, F, rate } from './common.js';
import { namedProperty } from './pair.js';

const OBJECTIVES = {
  quadratic: { kind: 'quadratic' as const, curvature: Float32Array.of(0.5, 2) },
  rosenbrock: { kind: 'rosenbrock' as const, a: '1', b: '100' },
};

/** A point of two float32 coordinates, each nonzero and below 100 in magnitude. */
const pair = () =>
  fc.array(
    moderateFloat32().filter((x) => Math.abs(x) < 100),
    { minLength: 2, maxLength: 2 },
  );

/** The exact gradient of the objective at float32 points, nearest at 80 digits. */
function gradientAt(kind: keyof typeof OBJECTIVES, points: readonly (Decimal | string)[]): Decimal[] {
  const a = IntervalArithmetic.at(80);
  const objective = OBJECTIVES[kind];
  const ys = points.map((x) => a.point(x));
  return (
    kind === 'quadratic'
      ? ys.flatMap((p, i) => exactGradient(a, objective, i, [p]))
      : exactGradient(a, objective, 0, ys)
  ).map((x) => x.near);
}

/** NAG against the reformulated Nesterov step in float32, one step from the same (θ, v). */
function nagFloat32(o: ClaimOptions): ClaimResult {
  let worst = 0;
  let judged = 0;
  const arbitraries = [
    pair(),
    pair(),
    rate,
    rate,
    fc.integer({ min: 1, max: 100 }),
    fc.constantFrom('quadratic', 'rosenbrock'),
  ] as const;
  return checkProperty(
    {
      ...namedProperty(['θ', 'v', 'α', 'γ', 't', 'objective'], [...arbitraries], (theta, v, lr, mu, t, kind) => {
        const objective = OBJECTIVES[kind];
        const hyper = { lr: exactText(lr), momentum: exactText(mu) };
        const nag = configure(entryOf('nag'), 'paper', hyper);
        const nesterov = configure(entryOf('nesterov'), 'paper', hyper);
        const impl = production(o.backend);
        const state = { velocity: Float32Array.from(v) };
        const inputA = { params: Float32Array.from(theta), grads: new Float32Array(2), state, t, objective };
        const boundA = impl.bound(nag, inputA);
        const a = impl.step(nag, inputA);
        const exactA = encloseNag(nag, objective, theta.map(exactText), v.map(exactText), 80);
        const phi = theta.map((x, i) => F(x - F(mu * v[i]!)));
        const g = gradientAt(kind, phi.map(exactText)).map((x) => roundToFloat32(x));
        const b = impl.step(nesterov, {
          params: Float32Array.from(phi),
          grads: Float32Array.from(g),
          state: { buffer: Float32Array.from(v) },
          t,
        });
        const M = new D(exactText(mu));
        return [0, 1].every((i) => {
          const start = { param: phi[i]!, grads: [g[i]!], state: { buffer: v[i]! }, firstStep: t };
          const boundB = boundTrajectory(productionRuleOf('nesterov'), nesterov, start)[0]!;
          const ev = boundA['velocity']![i]!.bound + errorOf(boundB.slots['buffer']!);
          const ephi =
            boundA['params']![i]!.bound + M.toNumber() * boundA['velocity']![i]!.bound + errorOf(boundB.param);
          if (!Number.isFinite(ev + ephi)) return true;
          const xB = elementwiseOracleOf('nesterov').enclose(
            nesterov,
            { params: [exactText(phi[i]!)], grads: [exactText(g[i]!)], state: { buffer: [exactText(v[i]!)] }, t },
            80,
          );
          const exactV = exactA.velocity[i]!.near;
          const missV = new D(a.state['velocity']![i]!)
            .minus(b.state['buffer']![i]!)
            .minus(exactV.minus(xB['buffer']![0]!.near))
            .abs();
          const lookahead = (th: Decimal | number, vel: Decimal | number) => new D(th).minus(M.times(vel));
          const missPhi = lookahead(a.params[i]!, a.state['velocity']![i]!)
            .minus(b.params[i]!)
            .minus(lookahead(exactA.params[i]!.near, exactV).minus(xB['params']![0]!.near))
            .abs();
          judged++;
          worst = Math.max(worst, missV.div(ev).toNumber(), missPhi.div(ephi).toNumber());
          return missV.lte(ev) && missPhi.lte(ephi);
        });
      }),
      runs: 200,
      judged: () => judged,
      bound:
        "(X_A − X_B) ± (e_A + e_B), e_A from NAG's derived bound (its comparison bound), e_B from the running bound",
      measured: () => `largest |P_A − P_B − (X_A − X_B)|/(e_A + e_B) over ${judged} elements: ${worst.toFixed(3)}`,
    },
    o,
  );
}

/** NAG (look-ahead) against the reformulated Nesterov step on φ = θ − γ v, on a quadratic or Rosenbrock pairs. */
function nagExact(o: ClaimOptions): ClaimResult {
  const arbitraries = [
    pair(),
    rate,
    rate,
    fc.integer({ min: 1, max: 15 }),
    fc.constantFrom('quadratic', 'rosenbrock'),
  ] as const;
  return checkProperty(
    {
      ...namedProperty(['θ0', 'α', 'γ', 't', 'objective'], [...arbitraries], (theta0, lr, mu, steps, kind) => {
        const objective = OBJECTIVES[kind];
        const hyper = { lr: exactText(lr), momentum: exactText(mu) };
        const nagConfig = configure(entryOf('nag'), 'paper', hyper);
        const nesterovConfig = configure(entryOf('nesterov'), 'paper', hyper);
        let theta: (Decimal | string)[] = theta0.map(exactText);
        let v: (Decimal | string)[] = ['0', '0'];
        let phi: (Decimal | string)[] = theta;
        let w: (Decimal | string)[] = ['0', '0'];
        for (let t = 1; t <= steps; t++) {
          const n = encloseNag(nagConfig, objective, theta, v, 80);
          theta = n.params.map((x) => x.near);
          v = n.velocity.map((x) => x.near);
          const g = gradientAt(kind, phi);
          const r = elementwiseOracleOf('nesterov').enclose(
            nesterovConfig,
            { params: phi, grads: g, state: { buffer: w }, t },
            80,
          );
          phi = r['params']!.map((x) => x.near);
          w = r['buffer']!.map((x) => x.near);
          // A diverging trajectory (Rosenbrock with a large α) leaves any fixed relative tolerance; stop there.
          if (theta.some((x) => new Decimal(x).abs().gt('1e20'))) return true;
          const lookahead = theta.map((x, i) => new D(x).minus(new D(exactText(mu)).times(v[i]!)));
          if (
            !agree(
              lookahead,
              phi.map((x) => new Decimal(x)),
            ) ||
            !agree(
              v.map((x) => new Decimal(x)),
              w.map((x) => new Decimal(x)),
            )
          )
            return false;
        }
        return true;
      }),
      runs: 100,
    },
    o,
  );
}

/** The equivalence of NAG's look-ahead and reformulated forms. */
export const nagClaims: readonly Claim[] = [
  {
    id: 'equivalence/nag-reformulated',
    statement:
      "NAG's look-ahead form (v ← γ v + α ∇J(θ − γ v), θ ← θ − v) and the reformulated form on φ = θ − γ v give φ_t = θ_t − γ v_t and the same v_t",
    source: 'Sutskever et al. 2013, section 2; Bengio et al. 2013',
    on: 'oracle',
    expected: 'holds',
    check: (o) => nagExact(o),
  },
  {
    id: 'equivalence/nag-reformulated/float32',
    statement:
      "float32 production, one step: NAG from (θ, v) against Nesterov on φ = float32(θ − γ v) with g = float32(∇J(φ)); for v and for φ' = θ' − γ v': " +
      '|P_A − P_B − (X_A − X_B)| ≤ e_A + e_B',
    source: 'Sutskever et al. 2013, section 2',
    on: 'float32',
    expected: 'holds with bound',
    check: (o) => nagFloat32(o),
  },
];
