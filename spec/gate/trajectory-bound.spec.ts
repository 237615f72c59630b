/**
 * boundTrajectory: one step agrees with boundStep's analysis; over many steps, production stays
 * within the bound of the exact recursion (the oracle at 80 digits, chained without rounding).
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { exactText } from '../../oracle/binary32.js';
import { configure } from '../../core/catalogue/index.js';
import { moderateFloat32, nonnegative } from '../../src/gate/arbitraries/float32.js';
import { comparisonBound } from '../../src/gate/bound/bounded.js';
import { boundStep } from '../../src/gate/bound/step-bound.js';
import { boundTrajectory, errorOf } from '../../src/gate/bound/trajectory-bound.js';
import { production } from '../../src/gate/implementation.js';
import { elementwiseOracleOf, entryOf, productionRuleOf } from '../../src/registry/index.js';
import { useBackend } from '../../src/production/tfjs/backend.js';

const rate = fc.integer({ min: 1, max: 2 ** 24 - 1 }).map((n) => n / 2 ** 24);

describe('boundTrajectory', () => {
  let backend = '';
  beforeAll(async () => {
    backend = await useBackend();
  });

  it('one step reproduces boundStep (same model, same inputs)', () => {
    fc.assert(
      fc.property(
        moderateFloat32(),
        moderateFloat32(),
        moderateFloat32(),
        nonnegative(moderateFloat32()),
        fc.integer({ min: 1, max: 1000 }),
        (theta, g, m, v, t) => {
          const config = configure(entryOf('adam'), 'pytorch');
          const one = boundTrajectory(productionRuleOf('adam'), config, {
            param: theta,
            grads: [g],
            state: { m, v },
            firstStep: t,
          })[0]!;
          const step = boundStep(productionRuleOf('adam'), config, {
            params: Float32Array.of(theta),
            grads: Float32Array.of(g),
            state: { m: Float32Array.of(m), v: Float32Array.of(v) },
            t,
          });
          expect(comparisonBound(one.param)).toBe(step['params']![0]!.bound);
          expect(comparisonBound(one.slots['v']!)).toBe(step['v']![0]!.bound);
        },
      ),
    );
  });

  it('holds over 30-step Adam and momentum trajectories against the exact recursion on the same float32 gradients', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('adam', 'momentum'),
        moderateFloat32(),
        fc.array(moderateFloat32(), { minLength: 1, maxLength: 30 }),
        rate,
        (rule, theta, gs, beta) => {
          const config =
            rule === 'adam'
              ? configure(entryOf('adam'), 'paper', { beta1: exactText(beta) })
              : configure(entryOf('momentum'), 'pytorch', { momentum: exactText(beta) });
          const slots: Record<string, number> = rule === 'adam' ? { m: 0, v: 0 } : { buffer: 0 };
          const bounds = boundTrajectory(productionRuleOf(rule), config, { param: theta, grads: gs, state: slots });
          const impl = production(backend);
          const oracle = elementwiseOracleOf(rule);
          let params: Float32Array = Float32Array.of(theta);
          let state = impl.init(config, params);
          let exact: Record<string, Decimal | string> = {
            params: exactText(theta),
            ...Object.fromEntries(Object.keys(slots).map((k) => [k, '0'])),
          };
          gs.forEach((g, i) => {
            const out = impl.step(config, { params, grads: Float32Array.of(g), state, t: i + 1 });
            params = out.params;
            state = out.state;
            const x = oracle.enclose(
              config,
              {
                params: [exact['params']!],
                grads: [exactText(g)],
                state: Object.fromEntries(Object.keys(slots).map((k) => [k, [exact[k]!]])),
                t: i + 1,
              },
              80,
            );
            exact = Object.fromEntries(Object.entries(x).map(([k, v]) => [k, v[0]!.near]));
            const e = errorOf(bounds[i]!.param);
            if (Number.isFinite(e)) expect(new Decimal(params[0]!).minus(exact['params']!).abs().lte(e)).toBe(true);
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses rules with tensor slots (their running products are not chained)', () => {
    const config = configure(entryOf('adam'), 'tfjs');
    expect(() => boundTrajectory(productionRuleOf('adam'), config, { param: 0, grads: [1], state: {} })).toThrow(
      /tensor slots/,
    );
  });
});
