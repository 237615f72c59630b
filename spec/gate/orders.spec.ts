/**
 * The conforming tier's operation orders (src/gate/orders/) are correct algorithms for their formula:
 * each, run in float32 on TensorFlow.js, agrees with the oracle within its own derived bound, under
 * every preset whose flags it computes; and the conforming bound is never narrower than the bound of
 * the preset's own order.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRESET_NAMES, type PresetName } from '../../core/catalogue/index.js';
import { stepCase } from '../../src/gate/arbitraries/step-case.js';
import { boundStep } from '../../src/gate/bound/step-bound.js';
import { production, productionBound, type Implementation } from '../../src/gate/implementation.js';
import { conformingBound, ORDERS, type OperationOrder } from '../../src/gate/orders/index.js';
import { newTally, oneStepProperty, trajectoryProperty } from '../../src/gate/properties.js';
import { RUNS_ENV } from '../../src/gate/seed.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { stepArrays, tfjsOptimizer } from '../../src/production/tfjs/optimizer.js';
import { entryOf } from '../../src/registry/index.js';
import { backends } from '../backends.js';
import { expectSomeCompared } from '../agreement/agreement.js';

/** Cases: a smoke run in `npm test`; CI ($OPTIM_ORACLE_RUNS set) runs 20 times as many. */
const deep = (process.env[RUNS_ENV] ?? '') !== '';
const runs = (n: number) => (deep ? 20 * n : n);

let ours: Implementation;
beforeAll(async () => {
  ours = production(await useBackend(backends[0]));
});

/** The order as an implementation: its algorithm on TensorFlow.js, judged within its own bound. */
const asImplementation = (order: OperationOrder): Implementation => ({
  ...ours,
  name: `order ${order.name}`,
  step: (config, input) => stepArrays(tfjsOptimizer(order.rule, config), input),
  bound: (config, input) => boundStep(order.rule, config, input),
});

const cases = ORDERS.flatMap((order) =>
  order.entries.flatMap((name) =>
    PRESET_NAMES.filter((p) => {
      const preset = entryOf(name).presets[p];
      return (
        preset !== undefined &&
        order.applies({ entry: entryOf(name), preset: p, hyper: {}, flags: preset.flags } as never)
      );
    }).map((preset) => ({ order, name, preset })),
  ),
);

describe('operation orders of the conforming tier', () => {
  it('cover Adam, AdamW, AMSGrad, Adagrad and AdaMax under some preset each', () => {
    expect(new Set(cases.map((c) => c.name))).toEqual(new Set(['adam', 'adamw', 'amsgrad', 'adagrad', 'adamax']));
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

  it('the conforming bound is at least the bound of the preset own order, element by element', () => {
    for (const { name, preset } of cases) {
      fc.assert(
        fc.property(stepCase(entryOf(name), preset), ({ config, input }) => {
          const own = productionBound(config, input);
          const wide = conformingBound(config, input);
          for (const [k, bounds] of Object.entries(own))
            bounds.forEach((b, i) => {
              const w = wide[k]?.[i];
              expect(w).toBeDefined();
              if (b.out !== undefined) expect(w?.out).toBeDefined();
              else if (w?.out === undefined) expect(w?.bound).toBeGreaterThanOrEqual(b.bound);
            });
        }),
        { numRuns: runs(6) },
      );
    }
  });
});
