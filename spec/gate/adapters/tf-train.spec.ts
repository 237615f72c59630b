/**
 * TensorFlow.js's own tf.train optimizers through the in-process gate (issue 13.5): a short run on
 * each backend passes every rule, and each finding of docs/findings.md stays true as a named case
 * (tf.train's output is what the finding says, and the oracle's is not; and the tier that admits it,
 * if any), so that a change of tfjs shows here. The deep run (300 cases per property, both backends) is .ci/gate-tfjs.mjs.
 */
import { describe, expect, it } from 'vitest';
import { configure, type State } from '../../../core/catalogue/index.js';
import { fromBits } from '../../../oracle/binary32.js';
import { tfTrain, tfTrainStep } from '../../../src/gate/adapters/tf-train.js';
import { useBackend } from '../../../src/production/tfjs/backend.js';
import { entryOf, oracleRuleOf } from '../../../src/registry/index.js';
import { gate } from '../../../src/runs/gate.js';
import type { StepBound } from '../../../src/gate/bound/step-bound.js';
import { compareStep } from '../../../src/gate/compare.js';
import { productionBound } from '../../../src/gate/implementation.js';
import { conformingBound } from '../../../src/gate/orders/index.js';
import { backends } from '../../backends.js';

const f32 = (...hex: number[]) => Float32Array.from(hex, fromBits);

/** A finding's case: rule, hyperparameters, t, params, grads, state. */
function replay(
  rule: string,
  hyper: Record<string, string>,
  t: number,
  params: Float32Array,
  grads: Float32Array,
  state: State,
) {
  const config = configure(entryOf(rule), 'tfjs', hyper);
  const input = { params, grads, state, t };
  const tfjs = tfTrainStep(config, input);
  const oracle = oracleRuleOf(rule).step(config, input);
  const passes = (bound: StepBound) => (compareStep(tfjs, oracle, bound).mismatches.length === 0 ? 'passes' : 'fails');
  const verdict = { own: passes(productionBound(config, input)), conforming: passes(conformingBound(config, input)) };
  return { tfjs, oracle, verdict };
}

describe.each(backends)('tf.train on %s', (backend) => {
  it('passes every rule on 8 cases per property, finite inputs', async () => {
    const report = await gate(tfTrain(backend), { runs: 8, backend });
    expect(report.results.map((r) => r.rule)).toHaveLength(9);
    expect(report.failed, JSON.stringify(report.results.flatMap((r) => r.properties.filter((p) => !p.passed)))).toBe(0);
  });

  it('F-J1: Adam divides m̂ by √v̂ + ε before multiplying by α, and overflows where the exact step is finite', async () => {
    await useBackend(backend);
    const { tfjs, oracle, verdict } = replay(
      'adam',
      { lr: '2e-10', beta1: '0.95', beta2: '0', eps: '0.002' },
      1,
      f32(0x3f800000),
      f32(0),
      {
        m: f32(0x7b09f875),
        v: f32(0x3f800000),
        b1pow: f32(0),
        b2pow: f32(0),
      },
    );
    expect(tfjs.params[0]).toBe(-Infinity);
    expect(Number.isFinite(oracle.params[0])).toBe(true);
    expect(verdict).toEqual({ own: 'fails', conforming: 'passes' });
  });

  it('F-J2: with α = 0, the same overflow gives NaN where θ stays', async () => {
    await useBackend(backend);
    const { tfjs, oracle, verdict } = replay(
      'adam',
      { lr: '0', beta1: '0.9', beta2: '0.999', eps: '1e-7' },
      1,
      f32(0x3f800000),
      f32(0x3f800000),
      {
        m: f32(0xf2c5e392),
        v: f32(0),
        b1pow: f32(0x3f7ffff5),
        b2pow: f32(0),
      },
    );
    expect(tfjs.params[0]).toBeNaN();
    expect(oracle.params[0]).toBe(1);
    expect(verdict).toEqual({ own: 'fails', conforming: 'passes' });
  });

  it('F-J3: Adamax divides a subnormal α by 1 − β1^t first, losing the bits the bound assumes', async () => {
    await useBackend(backend);
    const { tfjs, oracle, verdict } = replay(
      'adamax',
      { lr: '4e-45', beta1: '0.9', beta2: '0.999', eps: '1', decay: '0' },
      1,
      f32(0),
      f32(0x3f800000),
      {
        m: f32(0x3f800000),
        u: f32(0x3f800000),
        b1pow: f32(0x3f7693a2),
      },
    );
    expect(tfjs.params[0]).toBe(fromBits(0x80000029)); // −0x1.48p-144
    expect(oracle.params[0]).toBe(fromBits(0x80000027)); // −0x1.38p-144
    expect(verdict).toEqual({ own: 'fails', conforming: 'passes' });
  });
});

describe('tf.train on wasm', () => {
  it("F-J4: Adamax's maximum forgets a NaN gradient on wasm (cpu keeps it)", async () => {
    await useBackend('wasm');
    const { tfjs, oracle, verdict } = replay('adamax', {}, 1, f32(0x3f800000), f32(0x7fc00000), {
      m: f32(0x3f800000),
      u: f32(0),
      b1pow: f32(0),
    });
    expect(tfjs.state['u']?.[0]).toBe(0);
    expect(oracle.state['u']?.[0]).toBeNaN();
    expect(verdict).toEqual({ own: 'fails', conforming: 'fails' });
  });
});
