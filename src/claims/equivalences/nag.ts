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
import { encloseNag } from '../../../oracle/rules/nag.js';
import { configure } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { moderateFloat32 } from '../../gate/arbitraries/float32.js';
import { boundTrajectory, errorOf } from '../../gate/bound/trajectory-bound.js';
import { production } from '../../gate/implementation.js';
import { elementwiseOracleOf, productionRuleOf } from '../../registry/index.js';
import { at, firstBound, only, pick } from '../one-step.js';
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
        const nag = configure(entries.nag, 'paper', hyper);
        const nesterov = configure(entries.nesterov, 'paper', hyper);
        const impl = production(o.backend);
        const state = { velocity: Float32Array.from(v) };
        const inputA = { params: Float32Array.from(theta), grads: new Float32Array(2), state, t, objective };
        const boundA = impl.bound(nag, inputA);
        const a = impl.step(nag, inputA);
        const exactA = encloseNag(nag, objective, theta.map(exactText), v.map(exactText), 80);
        const phi = theta.map((x, i) => F(x - F(mu * at(v, i, 'v'))));
        const g = gradientAt(kind, phi.map(exactText)).map((x) => roundToFloat32(x));
        const b = impl.step(nesterov, {
          params: Float32Array.from(phi),
          grads: Float32Array.from(g),
          state: { buffer: Float32Array.from(v) },
          t,
        });
        const M = new D(exactText(mu));
        const [velocityA, bufferB] = [pick(a.state, 'velocity'), pick(b.state, 'buffer')];
        const [paramBoundA, velocityBoundA] = [pick(boundA, 'params'), pick(boundA, 'velocity')];
        return [0, 1].every((i) => {
          const [phiI, gI, vI] = [at(phi, i, 'φ'), at(g, i, 'g'), at(v, i, 'v')];
          const start = { param: phiI, grads: [gI], state: { buffer: vI }, firstStep: t };
          const boundB = firstBound(boundTrajectory(productionRuleOf('nesterov'), nesterov, start));
          const eVelocityA = at(velocityBoundA, i, "NAG's bound on v'").bound;
          const ev = eVelocityA + errorOf(pick(boundB.slots, 'buffer'));
          const ephi =
            at(paramBoundA, i, "NAG's bound on θ'").bound + M.toNumber() * eVelocityA + errorOf(boundB.param);
          if (!Number.isFinite(ev + ephi)) return true;
          const xB = elementwiseOracleOf('nesterov').enclose(
            nesterov,
            { params: [exactText(phiI)], grads: [exactText(gI)], state: { buffer: [exactText(vI)] }, t },
            80,
          );
          const exactV = at(exactA.velocity, i, "NAG's exact v'").near;
          const missV = new D(at(velocityA, i, "NAG's v'"))
            .minus(at(bufferB, i, "Nesterov's buffer"))
            .minus(exactV.minus(only(xB['buffer'], "Nesterov's exact buffer").near))
            .abs();
          const lookahead = (th: Decimal | number, vel: Decimal | number) => new D(th).minus(M.times(vel));
          const missPhi = lookahead(at(a.params, i, "NAG's θ'"), at(velocityA, i, "NAG's v'"))
            .minus(at(b.params, i, "Nesterov's φ'"))
            .minus(
              lookahead(at(exactA.params, i, "NAG's exact θ'").near, exactV).minus(
                only(xB['params'], "Nesterov's exact φ'").near,
              ),
            )
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
        const nagConfig = configure(entries.nag, 'paper', hyper);
        const nesterovConfig = configure(entries.nesterov, 'paper', hyper);
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
          phi = pick(r, 'params').map((x) => x.near);
          w = pick(r, 'buffer').map((x) => x.near);
          // A diverging trajectory (Rosenbrock with a large α) leaves any fixed relative tolerance; stop there.
          if (theta.some((x) => new Decimal(x).abs().gt('1e20'))) return true;
          const lookahead = theta.map((x, i) => new D(x).minus(new D(exactText(mu)).times(at(v, i, 'v'))));
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
