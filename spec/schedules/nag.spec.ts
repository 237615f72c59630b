/**
 * NAG's look-ahead form with a learning-rate schedule: update k takes the schedule's value at
 * t = k − 1 as its α, and nothing else changes. Two closed forms, on the cases the agreement
 * properties draw (quadratic and Rosenbrock objectives, any finite state):
 *
 * - a constant schedule (MultiStepLR and StepLR with γ = 1: α₀ · 1^n = α₀ exactly, and PyTorch's
 *   double α₀ · 1.0 is the double of α₀) gives the unscheduled step bit for bit, in the oracle and in
 *   production;
 * - a step schedule (MultiStepLR with one milestone m: α₀ before m, α₀ γ from m) gives, at each
 *   update, the oracle's unscheduled step with lr the rate it is at, bit for bit: the product of two
 *   decimals is a decimal, so both configurations hold the same exact α. Production too where γ is a
 *   power of two (PyTorch's double α₀ · γ is then the double of α₀ γ).
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import * as entries from '../../core/catalogue/entries.js';
import { configure, withSchedule, type Configuration, type StepInput } from '../../core/catalogue/index.js';
import { configureSchedule, exponentialDecay, multiStep } from '../../core/schedules/index.js';
import { stepCase } from '../../src/gate/arbitraries/step-case.js';
import { decimal } from '../../src/gate/schedules/arbitraries.js';
import { production } from '../../src/gate/implementation.js';
import { runsFromEnv, seedFromEnv } from '../../src/gate/seed.js';
import { oracleRuleOf } from '../../src/registry/index.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { backends } from '../backends.js';

const backend = backends[0] ?? 'cpu';
const impl = production(backend);
beforeAll(async () => {
  await useBackend(backend);
});

const runs = runsFromEnv(100);
const seed = seedFromEnv();
const oracle = oracleRuleOf('nag');
const D = Decimal.clone({ precision: 100 });

/** Each output's float32 bits, so that −0, +0 and NaN payloads count. */
function bits(out: { params: Float32Array; state: Readonly<Record<string, Float32Array>> }): number[][] {
  const of = (x: Float32Array) => Array.from(new Uint32Array(Float32Array.from(x).buffer));
  return [of(out.params), ...Object.keys(out.state).map((k) => of(out.state[k]!))];
}

/** Update k (from 1) of `input`. */
const at = (input: StepInput, k: number): StepInput => ({ ...input, t: k });

/** Update k, often near the milestone at t = 3 (update 4), where an off-by-one in t shows. */
const update = fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 200 }));

describe('NAG with a constant schedule is NAG, bit for bit', () => {
  const constant = (lr: string) => [
    configureSchedule(multiStep, 'pytorch', { hyper: { lr, decayRate: '1' }, lists: { milestones: [1, 3] } }),
    configureSchedule(exponentialDecay, 'pytorch', { hyper: { lr, decayRate: '1', decaySteps: '2' } }),
  ];

  it('in the oracle and in production, at any update', () => {
    fc.assert(
      fc.property(stepCase(entries.nag, 'paper'), update, ({ config, input }, k) => {
        for (const schedule of constant(config.hyper['lr']!)) {
          const scheduled = withSchedule(config, schedule);
          expect(bits(oracle.step(scheduled, at(input, k)))).toEqual(bits(oracle.step(config, at(input, k))));
          expect(bits(impl.step(scheduled, at(input, k)))).toEqual(bits(impl.step(config, at(input, k))));
        }
      }),
      { seed, numRuns: runs },
    );
  });
});

describe('NAG with a step schedule is NAG at the rate of the step', () => {
  const milestone = 3;
  /** MultiStepLR(α₀, milestones [3], γ): α₀ for updates 1 to 3 (t = 0 to 2), α₀ γ from update 4. */
  const halving = (lr: string, gamma: string) =>
    configureSchedule(multiStep, 'pytorch', { hyper: { lr, decayRate: gamma }, lists: { milestones: [milestone] } });
  const withLr = (config: Configuration, lr: string) =>
    configure(entries.nag, 'paper', { lr, momentum: config.hyper['momentum']! });
  const rateAt = (lr: string, gamma: string, k: number) => (k - 1 < milestone ? lr : new D(lr).times(gamma).toString());

  it('update 3 runs at α₀ and update 4 at α₀ γ (SGD-like check on J = θ²/2 from v = 0: θ′ = θ (1 − α))', () => {
    const config = configure(entries.nag, 'paper', { lr: '0.25', momentum: '0.9' });
    const scheduled = withSchedule(config, halving('0.25', '0.5'));
    const input: StepInput = {
      params: Float32Array.of(1),
      grads: Float32Array.of(0),
      state: { velocity: Float32Array.of(0) },
      t: 1,
      objective: { kind: 'quadratic', curvature: Float32Array.of(1) },
    };
    expect(oracle.step(scheduled, at(input, 3)).params[0]).toBe(0.75);
    expect(oracle.step(scheduled, at(input, 4)).params[0]).toBe(0.875);
    expect(impl.step(scheduled, at(input, 4)).params[0]).toBe(0.875);
  });

  it('in the oracle, exactly, for any α₀ and γ', () => {
    const gamma = decimal(1e-3, 1).filter((g) => Number(g) > 0);
    fc.assert(
      fc.property(stepCase(entries.nag, 'paper'), gamma, update, ({ config, input }, g, k) => {
        const lr = config.hyper['lr']!;
        const scheduled = withSchedule(config, halving(lr, g));
        const plain = withLr(config, rateAt(lr, g, k));
        expect(bits(oracle.step(scheduled, at(input, k)))).toEqual(bits(oracle.step(plain, at(input, k))));
      }),
      { seed, numRuns: runs },
    );
  });

  it('in production, for γ a power of two', () => {
    const gamma = fc.integer({ min: 1, max: 8 }).map((j) => new D(2).pow(-j).toString());
    fc.assert(
      fc.property(stepCase(entries.nag, 'paper'), gamma, update, ({ config, input }, g, k) => {
        const lr = config.hyper['lr']!;
        // PyTorch's α₀ γ is double(α₀) · 2^−j, the double of α₀ 2^−j unless it is subnormal.
        fc.pre(Number(lr) === 0 || Math.abs(Number(lr) * Number(g)) >= 2 ** -1022);
        const scheduled = withSchedule(config, halving(lr, g));
        const plain = withLr(config, rateAt(lr, g, k));
        expect(bits(impl.step(scheduled, at(input, k)))).toEqual(bits(impl.step(plain, at(input, k))));
      }),
      { seed, numRuns: runs },
    );
  });
});
