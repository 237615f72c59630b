/**
 * The conforming tier's operation orders (src/gate/orders/) are correct algorithms for their formula:
 * each, run in float32 on TensorFlow.js, agrees with the oracle within its own derived bound, under
 * every preset whose flags it computes; and the conforming bound is never narrower than the bound of
 * the preset's own order.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { configure, PRESET_NAMES, type PresetName } from '../../core/catalogue/index.js';
import { stepCase } from '../../src/gate/arbitraries/step-case.js';
import type { StepBound } from '../../src/gate/bound/step-bound.js';
import { production, productionBound, type Implementation } from '../../src/gate/implementation.js';
import { boundOrder, conformingBound, ORDERS, type OperationOrder } from '../../src/gate/orders/index.js';
import { stepFusedFloat64 } from '../../src/gate/orders/fused-float64.js';
import { newTally, oneStepProperty, trajectoryProperty } from '../../src/gate/properties.js';
import { RUNS_ENV } from '../../src/gate/seed.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { stepArrays, tfjsOptimizer } from '../../src/production/tfjs/optimizer.js';
import { catalogue, entryOf, productionRuleOf } from '../../src/registry/index.js';
import { backends } from '../backends.js';
import { expectSomeCompared } from '../agreement/agreement.js';

/** Cases: a smoke run in `npm test`; CI ($OPTIM_ORACLE_RUNS set) runs 20 times as many. */
const deep = (process.env[RUNS_ENV] ?? '') !== '';
const runs = (n: number) => (deep ? 20 * n : n);

/**
 * The fused order is checked on every rule it applies to in CI; `npm test` takes one rule of each
 * kind of formula (moments, accumulators, decays, branches, an objective).
 */
const FUSED_SAMPLE = new Set([
  'adam/pytorch',
  'adagrad/tfjs',
  'rmsprop/keras',
  'rprop/pytorch',
  'nag/paper',
  'lion/optax',
]);

let ours: Implementation;
beforeAll(async () => {
  ours = production(await useBackend(backends[0]));
});

/**
 * The order as an implementation judged within its own bound: a float32 order on TensorFlow.js, the
 * fused order in float64 numbers rounded once.
 */
const asImplementation = (order: OperationOrder): Implementation => {
  const { algorithm } = order;
  return {
    ...ours,
    name: `order ${order.name}`,
    step: (config, input) =>
      algorithm.kind === 'float32'
        ? stepArrays(tfjsOptimizer(algorithm.rule, config), input)
        : stepFusedFloat64(productionRuleOf(config.entry.name), config, input),
    bound: (config, input) => boundOrder(order, config, input),
  };
};

/** Every rule and preset an order applies to, under the preset's own hyperparameters and flags. */
const cases = ORDERS.flatMap((order) =>
  catalogue.flatMap((entry) =>
    PRESET_NAMES.filter((p) => entry.presets[p] !== undefined && order.applies(configure(entry, p)))
      .filter((p) => order.algorithm.kind === 'float32' || FUSED_SAMPLE.has(`${entry.name}/${p}`) || deep)
      .map((preset) => ({ order, name: entry.name, preset })),
  ),
);

describe('operation orders of the conforming tier', () => {
  it('cover Adam, AdamW, AMSGrad, Adagrad and AdaMax in float32 orders, Keras 3 Adam among them', () => {
    const float32 = cases.filter((c) => c.order.algorithm.kind === 'float32');
    expect(new Set(float32.map((c) => c.name))).toEqual(new Set(['adam', 'adamw', 'amsgrad', 'adagrad', 'adamax']));
    expect(
      float32
        .filter((c) => c.order.name === 'keras')
        .map((c) => `${c.name}/${c.preset}`)
        .sort(),
    ).toEqual(['adam/keras', 'adamw/keras', 'amsgrad/keras']);
  });

  it('admit the fused float64 order for every rule stepped element by element, and no tensor or matrix rule', () => {
    const fused = ORDERS.find((o) => o.algorithm.kind === 'fused-float64')!;
    for (const entry of catalogue)
      for (const p of PRESET_NAMES.filter((q) => entry.presets[q] !== undefined)) {
        const kind = productionRuleOf(entry.name).kind;
        expect(fused.applies(configure(entry, p)), `${entry.name}/${p} (${kind})`).toBe(
          kind === 'elementwise' || kind === 'group',
        );
      }
  });

  it.each(cases.map((c) => [c.order.name, c.name, c.preset, c] as const))(
    '%s computes %s under %s within its own derived bound',
    (_order, name, preset, { order }) => {
      const impl = asImplementation(order);
      const tally = newTally();
      fc.assert(oneStepProperty(impl, entryOf(name), preset as PresetName, tally), { numRuns: runs(12) });
      fc.assert(trajectoryProperty(impl, entryOf(name), preset as PresetName, tally), { numRuns: runs(2) });
      expectSomeCompared(tally);
    },
  );

  /** `wide` admits everything `narrow` admits, element by element; outside `narrow`'s domain only if it excuses. */
  const expectAtLeast = (wide: StepBound, narrow: StepBound, excuses: boolean) => {
    for (const [k, bounds] of Object.entries(narrow))
      bounds.forEach((b, i) => {
        const w = wide[k]?.[i];
        expect(w).toBeDefined();
        if (b.out !== undefined) {
          if (excuses) expect(w?.out).toBeDefined();
        } else if (w?.out === undefined) expect(w?.bound).toBeGreaterThanOrEqual(b.bound);
      });
  };

  it('the conforming bound is at least the bound of the preset own order and of every order that applies', () => {
    for (const { name, preset, order } of cases) {
      fc.assert(
        fc.property(stepCase(entryOf(name), preset), ({ config, input }) => {
          const wide = conformingBound(config, input);
          expectAtLeast(wide, productionBound(config, input), true);
          expectAtLeast(wide, boundOrder(order, config, input), order.excuses);
        }),
        { numRuns: runs(6) },
      );
    }
  });

  it('the fused analysis sees float64 underflow: g = 0 + λθ with λ = 3.7e−216, whose square is 0 in float64 (named case)', () => {
    // CI, seed 20171213, 1,000 cases: Adagrad under pytorch with ε = 0 divides λθ by √((λθ)²), 1 exactly
    // and ∞ in float64; the analysis must not claim a finite bound there (η of binary64 is not 0).
    const fused = ORDERS.find((o) => o.algorithm.kind === 'fused-float64')!;
    const config = configure(entryOf('adagrad'), 'pytorch', {
      lr: '1000',
      eps: '0',
      weightDecay: '3.704065675719778e-216',
    });
    const input = {
      params: Float32Array.of(1),
      grads: Float32Array.of(0),
      state: { accumulator: Float32Array.of(0) },
      t: 1,
    };
    expect(stepFusedFloat64(productionRuleOf('adagrad'), config, input).params[0]).toBe(-Infinity);
    expect(boundOrder(fused, config, input)['params']![0]!.out).toBe('underflow');
  });

  it('an element one order underflows on is not judged, even where the own order judges it by class (named case)', () => {
    // tf.train.adam (tfjs's bias-corrected moments) at β1 = 0.9999999990686774, whose float32 running
    // product is 1: m̂ = m / 0 = ∞ in float32, times α = 1.09e−85, which is 0 in float32: NaN. Our order
    // computes α / (1 − β1^t) = ∞ in float64, exactly as the oracle: −∞, judged by class.
    const config = configure(entryOf('adam'), 'tfjs', {
      lr: '1.0876329035182327e-85',
      beta1: '0.9999999990686774',
      beta2: '0.0192',
      eps: '9e-37',
    });
    const input = {
      params: Float32Array.of(1),
      grads: Float32Array.of(1),
      state: {
        m: Float32Array.of(0),
        v: Float32Array.of(0),
        b1pow: Float32Array.of(1),
        b2pow: Float32Array.of(0.0192),
      },
      t: 1,
    };
    expect(productionBound(config, input)['params']![0]!.out).toBe('nonfinite');
    const moments = ORDERS.find((o) => o.name === 'bias-corrected moments')!;
    expect(boundOrder(moments, config, input)['params']![0]!.out).toBe('underflow');
    expect(conformingBound(config, input)['params']![0]!.out).toBe('underflow');
  });

  it('the fused order never excuses an element: outside its analysis the float32 orders decide', () => {
    const fused = ORDERS.find((o) => o.algorithm.kind === 'fused-float64')!;
    expect(fused.excuses).toBe(false);
    // β2 = 5e−324, a float64 subnormal: outside the fused analysis, so the conforming bound is Adam's own.
    const config = configure(entryOf('adam'), 'pytorch', { beta2: '5e-324' });
    const input = {
      params: Float32Array.of(1, -2),
      grads: Float32Array.of(0.5, 3),
      state: { m: Float32Array.of(0.25, 0), v: Float32Array.of(1, 4) },
      t: 3,
    };
    const outside = boundOrder(fused, config, input);
    expect(outside['params']!.every((b) => b.out === 'underflow')).toBe(true);
    const float32Orders = ORDERS.filter((o) => o.algorithm.kind === 'float32' && o.applies(config));
    const inside = [productionBound(config, input), ...float32Orders.map((o) => boundOrder(o, config, input))];
    expect(inside.every((b) => b['params']!.every((x) => x.out === undefined))).toBe(true);
    expect(conformingBound(config, input)['params']!.every((x) => x.out === undefined && x.bound < Infinity)).toBe(
      true,
    );
  });
});
