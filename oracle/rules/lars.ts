/**
 * LARS as optax writes it, exact (optax/_src/alias.py `lars`; core/catalogue/rules/lars.ts), on a
 * whole tensor:
 *
 *   u = g + λ θ,   ρ = η ‖θ‖ / (‖u‖ + ε)  (1 when ‖θ‖ = 0 or ‖u‖ = 0),   s = −α ρ u
 *   b' = s + μ b,   θ' = θ + b'   (Nesterov: θ' = θ + s + μ b')
 *
 * λ = 0 skips the decay, as optax's add_decayed_weights skips a zero constant.
 *
 * @module
 */
import type { LarsSchema } from '../../core/catalogue/rules/lars.js';
import { required } from '../../core/required.js';
import type { Enclosure } from '../enclosure.js';
import { tensorRule, type TensorUpdate } from '../tensor-rule.js';
import { norm, trustRatio } from './trust-ratio.js';

/** Element i of a tensor's enclosures. */
const at = (xs: readonly Enclosure[], i: number): Enclosure => required(xs[i], `element ${i}`);

/** LARS's exact step on a whole tensor. */
export const larsUpdate: TensorUpdate<LarsSchema> = {
  name: 'lars',
  entries: ['lars'],
  step(a, { params, grads, slots }, { h, flags }) {
    const u = a.isZero(h.weightDecay) ? grads : grads.map((g, i) => a.add(g, a.mul(h.weightDecay, at(params, i))));
    const paramNorm = norm(a, params);
    const updateNorm = norm(a, u);
    const ratio = trustRatio(a, 'zero-norm-one', paramNorm, updateNorm, () =>
      a.div(a.mul(h.trustCoefficient, paramNorm), a.add(updateNorm, h.eps)),
    );
    const scale = a.neg(a.mul(h.lr, ratio));
    const s = u.map((ui) => a.mul(scale, ui));
    const trace = s.map((si, i) => a.add(si, a.mul(h.momentum, at(slots.trace, i))));
    const direction = flags.nesterov ? s.map((si, i) => a.add(si, a.mul(h.momentum, at(trace, i)))) : trace;
    return { params: params.map((p, i) => a.add(p, at(direction, i))), slots: { trace } };
  },
};

/** LARS as an oracle rule. */
export const larsOracle = tensorRule(larsUpdate);
