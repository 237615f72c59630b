/**
 * NAG's exact outputs and its scheduled rate, against the look-ahead step y = θ − γ v,
 * v′ = γ v + α ∇J(y), θ′ = θ − v′ evaluated here in plain 200-digit decimals on Rosenbrock pairs
 * (∂x = 2 (x − a) − 4 b x (y − x²), ∂y = 2 b (y − x²)), two pairs at once so that a group the loop
 * drops or repeats shows; and the certified step's outputs, which carry no uncertified marks (every
 * value is rational, so every one is decided).
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect } from 'vitest';
import { exactFromFloat32, roundToFloat32 } from '../../../oracle/binary32.js';
import { encloseNag, nagOracle } from '../../../oracle/rules/nag.js';
import { configure, withSchedule, type Objective } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { configureSchedule, multiStep } from '../../../core/schedules/index.js';

const D = Decimal.clone({ precision: 200 });
const rosenbrock: Objective = { kind: 'rosenbrock', a: '1', b: '100' };
const config = configure(entries.nag, 'paper', { lr: '0.01', momentum: '0.9' });
const unit = fc.float({ min: -2, max: 2, noNaN: true });
const fourOf = <T>(arb: fc.Arbitrary<T>) => fc.tuple(arb, arb, arb, arb);

/** One NAG step on Rosenbrock pairs (a = 1, b = 100), γ = 0.9, in plain decimals. */
function reference(theta: Decimal[], v: Decimal[], alpha: Decimal.Value): { params: Decimal[]; velocity: Decimal[] } {
  const y = theta.map((x, i) => x.minus(v[i]!.times('0.9')));
  const gradient = y.flatMap((_, i) => {
    if (i % 2 === 1) return [];
    const [px, py] = [y[i]!, y[i + 1]!];
    const r = py.minus(px.pow(2));
    return [px.minus(1).times(2).minus(px.times(400).times(r)), r.times(200)];
  });
  const velocity = v.map((vi, i) => vi.times('0.9').plus(gradient[i]!.times(alpha)));
  return { params: theta.map((x, i) => x.minus(velocity[i]!)), velocity };
}

describe("NAG's exact outputs against the step in plain decimals", () => {
  test.prop([fourOf(unit), fourOf(unit)])(
    'encloseNag on two Rosenbrock pairs: four enclosures each of θ′ and v′, each holding the exact value, at most 10^−70 wide',
    (theta, v) => {
      const text = (xs: number[]) => xs.map((x) => exactFromFloat32(x));
      const out = encloseNag(config, rosenbrock, text(theta), text(v), 80);
      const expected = reference(
        theta.map((x) => new D(exactFromFloat32(x))),
        v.map((x) => new D(exactFromFloat32(x))),
        '0.01',
      );
      for (const [name, got, want] of [
        ['θ′', out.params, expected.params],
        ['v′', out.velocity, expected.velocity],
      ] as const) {
        expect(got, name).toHaveLength(4);
        got.forEach((e, i) => {
          expect(new D(e.lo).lte(want[i]!) && want[i]!.lte(e.hi), `${name}[${i}] encloses`).toBe(true);
          expect(
            new D(e.hi).minus(e.lo).lte(new D(10).pow(-70).times(want[i]!.abs().plus(1))),
            `${name}[${i}] width`,
          ).toBe(true);
        });
      }
    },
  );

  test.prop([fourOf(unit), fourOf(unit)])(
    'nagOracle.exact on two Rosenbrock pairs: the exact θ′ and v′ within 10^−50 relative, element by element',
    (theta, v) => {
      const input = {
        params: Float32Array.from(theta),
        grads: new Float32Array(4),
        state: { velocity: Float32Array.from(v) },
        t: 1,
        objective: rosenbrock,
      };
      const out = nagOracle.exact(config, input);
      const expected = reference(
        theta.map((x) => new D(exactFromFloat32(Math.fround(x)))),
        v.map((x) => new D(exactFromFloat32(Math.fround(x)))),
        '0.01',
      );
      for (const [name, got, want] of [
        ['θ′', out['params']!, expected.params],
        ['v′', out['velocity']!, expected.velocity],
      ] as const) {
        expect(got, name).toHaveLength(4);
        got.forEach((x, i) => {
          const error = new D(x).minus(want[i]!).abs();
          expect(error.lte(want[i]!.abs().times('1e-50')), `${name}[${i}]: ${String(x)}`).toBe(true);
        });
      }
    },
  );
});

describe("NAG's certified step", () => {
  const input = (t: number) => ({
    params: Float32Array.of(0.5, -1.25),
    grads: new Float32Array(2),
    state: { velocity: Float32Array.of(0.25, 0.125) },
    t,
    objective: rosenbrock,
  });

  test.prop([fc.integer({ min: 1, max: 6 })])(
    'under MultiStepLR (α₀ = 0.01, milestone 3, γ = 1/2), update t steps at α₀ for t ≤ 3 and α₀/2 after, not at the constant α',
    (t) => {
      const schedule = configureSchedule(multiStep, 'pytorch', {
        hyper: { lr: '0.01', decayRate: '0.5' },
        lists: { milestones: [3] },
      });
      const out = nagOracle.step(withSchedule(config, schedule), input(t));
      const theta = [0.5, -1.25].map((x) => new D(x));
      const v = [0.25, 0.125].map((x) => new D(x));
      const expected = reference(theta, v, t <= 3 ? '0.01' : '0.005');
      expect(Array.from(out.params)).toEqual(expected.params.map(roundToFloat32));
      expect(Array.from(out.state['velocity']!)).toEqual(expected.velocity.map(roundToFloat32));
    },
  );

  test.prop([fourOf(unit), fourOf(unit)])(
    'carries no uncertified marks: every exact value is rational, so decided',
    (theta, v) => {
      const out = nagOracle.step(config, {
        params: Float32Array.from(theta),
        grads: new Float32Array(4),
        state: { velocity: Float32Array.from(v) },
        t: 1,
        objective: rosenbrock,
      });
      expect(Object.keys(out).sort()).toEqual(['params', 'state']);
    },
  );
});
