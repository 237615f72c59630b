/**
 * Rprop's oracle against PyTorch 1.13's code (torch/optim/rprop.py, _single_tensor_rprop), its
 * masks transcribed here in 200-digit decimals, and against closed forms of iRprop− over many steps
 * with dyadic step sizes, where every value is a float32.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { exactFromFloat32, roundToFloat32 } from '../../../oracle/binary32.js';
import { rprop } from '../../../core/catalogue/rules/rprop.js';
import { rpropOracle } from '../../../oracle/rules/rprop.js';
import { configure, type Configuration } from '../../../core/catalogue/index.js';
import { moderateFloat32 } from '../../../src/gate/arbitraries/float32.js';

const D = Decimal.clone({ precision: 200 });
const exact = (x: number) => new D(exactFromFloat32(x));

function step(config: Configuration, p: number, g: number, prev: number, stepSize: number) {
  const out = rpropOracle.step(config, {
    params: Float32Array.of(p),
    grads: Float32Array.of(g),
    state: { prev: Float32Array.of(prev), stepSize: Float32Array.of(stepSize) },
    t: 1,
  });
  return { p: out.params[0], prev: out.state['prev']![0], stepSize: out.state['stepSize']![0] };
}

const hyper = fc.record({
  etaMinus: fc.constantFrom('0.5', '0.3', '0.999'),
  etaPlus: fc.constantFrom('1.2', '2', '1.0001'),
  stepSizeMin: fc.constantFrom('0.000001', '0.01', '0'),
  stepSizeMax: fc.constantFrom('50', '0.1', '0.005'),
});
const value = fc.oneof(moderateFloat32(), fc.constant(0));

describe('Rprop (iRprop−), exact', () => {
  test.prop([hyper, value, value, value, moderateFloat32().map(Math.abs)])(
    "one step equals PyTorch 1.13's masks in 200-digit decimals",
    (h, p, g, prev, size) => {
      const product = exact(g).times(exact(prev));
      // sign[sign > 0] = etaplus; sign[sign < 0] = etaminus; sign[sign == 0] = 1
      const eta = product.gt(0) ? new D(h.etaPlus) : product.lt(0) ? new D(h.etaMinus) : new D(1);
      const scaled = exact(size).times(eta);
      const clamped = Decimal.min(Decimal.max(scaled, h.stepSizeMin), h.stepSizeMax);
      // grad[sign == etaminus] = 0; param.addcmul_(grad.sign(), step_size, value=-1); prev = grad
      const grad = product.lt(0) ? 0 : g;
      const expected = {
        p: roundToFloat32(exact(p).minus(clamped.times(Math.sign(grad)))),
        prev: grad,
        stepSize: roundToFloat32(clamped),
      };
      expect(step(configure(rprop, 'pytorch', h), p, g, prev, size)).toEqual(expected);
    },
  );

  it('a constant gradient doubles Δ each step (η+ = 2) up to Δmax, and θ moves by Δ', () => {
    const config = configure(rprop, 'pytorch', { lr: '0.0009765625', etaPlus: '2', stepSizeMax: '1' });
    let state = rpropOracle.init(config, Float32Array.of(0));
    let params: Float32Array = Float32Array.of(3);
    let theta = 3;
    for (let t = 1; t <= 16; t++) {
      const out = rpropOracle.step(config, { params, grads: Float32Array.of(1), state, t });
      const size = Math.min(2 ** (t - 11), 1);
      theta -= size;
      expect(out.state['stepSize']![0]).toBe(size);
      expect(out.params[0]).toBe(theta);
      ({ params, state } = out);
    }
  });

  it('an alternating gradient halves Δ at each change of sign, where θ stays and prev becomes 0', () => {
    const config = configure(rprop, 'pytorch', { lr: '0.5' });
    let state = rpropOracle.init(config, Float32Array.of(0));
    let params: Float32Array = Float32Array.of(0);
    const seen: number[][] = [];
    for (let t = 1; t <= 6; t++) {
      const out = rpropOracle.step(config, { params, grads: Float32Array.of(t % 2 === 1 ? 1 : -1), state, t });
      seen.push([out.params[0]!, out.state['prev']![0]!, out.state['stepSize']![0]!]);
      ({ params, state } = out);
    }
    expect(seen).toEqual([
      [-0.5, 1, 0.5],
      [-0.5, 0, 0.25],
      [-0.75, 1, 0.25],
      [-0.75, 0, 0.125],
      [-0.875, 1, 0.125],
      [-0.875, 0, 0.0625],
    ]);
  });

  it('Δmin > Δmax clamps to Δmax, as torch.clamp does', () => {
    const config = configure(rprop, 'pytorch', { stepSizeMin: '2', stepSizeMax: '1' });
    expect(step(config, 0, 1, 1, 0.5)).toEqual({ p: -1, prev: 1, stepSize: 1 });
  });

  // PyTorch 1.13's outputs (torch.optim.Rprop, default hyperparameters, float64 tensors) for θ = 0 and
  // Δ = 0.5 unless given: torch.sign(NaN) = 0, so a NaN g · prev (NaN, or ∞ · 0) acts as s = 0 and a
  // NaN g' does not move θ; 0.6 is float32(0.5 · 1.2), PyTorch's float64 0.6 rounded.
  const six = Math.fround(0.6);
  it.each([
    { g: 1, prev: NaN, expected: { p: -0.5, prev: 1, stepSize: 0.5 } },
    { g: NaN, prev: 1, expected: { p: 0, prev: NaN, stepSize: 0.5 } },
    { g: Infinity, prev: 0, expected: { p: -0.5, prev: Infinity, stepSize: 0.5 } },
    { g: Infinity, prev: -0, expected: { p: -0.5, prev: Infinity, stepSize: 0.5 } },
    { g: 0, prev: -Infinity, expected: { p: 0, prev: 0, stepSize: 0.5 } },
    { g: -Infinity, prev: 2, expected: { p: 0, prev: 0, stepSize: 0.25 } },
    { g: -Infinity, prev: -Infinity, expected: { p: six, prev: -Infinity, stepSize: six } },
    { g: 1, prev: 1, size: NaN, expected: { p: NaN, prev: 1, stepSize: NaN } },
    { g: 1, prev: -1, size: NaN, expected: { p: NaN, prev: 0, stepSize: NaN } },
    { g: 1, prev: -1, size: Infinity, expected: { p: 0, prev: 0, stepSize: 50 } },
    { g: 1, prev: 1, theta: NaN, expected: { p: NaN, prev: 1, stepSize: six } },
  ])('g = $g, prev = $prev: as PyTorch 1.13, whose torch.sign(NaN) is 0', ({ g, prev, size, theta, expected }) => {
    expect(step(configure(rprop, 'pytorch'), theta ?? 0, g, prev, size ?? 0.5)).toEqual(expected);
  });
});
