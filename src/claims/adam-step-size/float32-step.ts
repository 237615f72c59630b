/**
 * Adam's float32 production step from zero state, with its running error bound against the exact
 * recursion on the same float32 inputs (src/gate/bound/trajectory-bound.ts).
 *
 * @module
 */
import { exactText } from '../../../oracle/binary32.js';
import { configure, type Configuration } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import type { AdamSchema } from '../../../core/catalogue/rules/adam.js';
import { boundTrajectory, errorOf } from '../../gate/bound/trajectory-bound.js';
import { production } from '../../gate/implementation.js';
import { productionRuleOf } from '../../registry/index.js';
import { lastBound, only } from '../one-step.js';

/** Adam's paper preset with ε = 0 and the given float32 β1, β2, α. */
export function adamConfig(b1: number, b2: number, alpha = 1): Configuration<AdamSchema> {
  return configure(entries.adam, 'paper', {
    lr: exactText(alpha),
    beta1: exactText(b1),
    beta2: exactText(b2),
    eps: '0',
  });
}

/** A float32 step of production from zero state, and its running error bound against the exact recursion. */
export interface Float32Step {
  /** Production's Δ_t = θ_{t−1} − θ_t with θ_{t−1} = 0 (so the subtraction is exact). */
  readonly delta: number;
  /** Bound on |Δ_t − exact Δ_t| for the same float32 inputs; Infinity outside the analysed domain. */
  readonly error: number;
  /** Why the bound is infinite, if it is. */
  readonly out?: string;
}

/** Production's last step Δ_t for the gradients, and its derived error bound. */
export function float32Step(backend: string, config: Configuration, gs: readonly number[]): Float32Step {
  const impl = production(backend);
  let state = impl.init(config, Float32Array.of(0));
  let theta = 0;
  for (const [i, g] of gs.entries()) {
    const out = impl.step(config, { params: Float32Array.of(0), grads: Float32Array.of(g), state, t: i + 1 });
    state = out.state;
    theta = only(out.params, "production's θ'");
  }
  const bounded = lastBound(
    boundTrajectory(productionRuleOf('adam'), config, { param: 0, grads: gs, state: { m: 0, v: 0 }, reset: true }),
  ).param;
  return { delta: -theta, error: errorOf(bounded), ...(bounded.out === undefined ? {} : { out: bounded.out }) };
}
