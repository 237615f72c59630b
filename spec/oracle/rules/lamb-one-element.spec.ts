/**
 * LAMB's oracle on one-element tensors (oracle/rules/lamb.ts): there ρ r = (|θ*| / |r|) r = s θ* with
 * s = sign(θ*) sign(r), and the step θ* − α ρ r cancels to an exact zero when α s = 1. IEEE's x − x
 * gives that zero the sign +, and every stage must now decide it, where the quotient form left it
 * uncertified (an interval around 0 at every precision). Elsewhere the one-element step must be the
 * general one: against the sources' formula in 1000-digit decimals, and through NaN and ±∞, where the
 * identity does not hold.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { configure, type PresetName } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { exactFromFloat32, roundToFloat32 } from '../../../oracle/binary32.js';
import { lambOracle } from '../../../oracle/rules/lamb.js';
import { certifyStatistics, resetCertifyStatistics } from '../../../oracle/staged.js';
import { moderateFloat32 } from '../../../src/gate/arbitraries/float32.js';

const D = Decimal.clone({ precision: 1000 });
type Hyper = { lr: string; beta1: string; beta2: string; eps: string; weightDecay: string };
const PRESETS: readonly PresetName[] = ['paper', 'keras', 'optax'];

/** One step on a one-element tensor [θ], gradient [g], moments [m], [v]. */
function step(preset: PresetName, h: Partial<Hyper>, t: number, [p, g, m, v]: readonly number[]) {
  return lambOracle.step(configure(entries.lamb, preset, h), {
    params: Float32Array.of(p!),
    grads: Float32Array.of(g!),
    state: { m: Float32Array.of(m!), v: Float32Array.of(v!) },
    t,
  });
}

/**
 * θ′ of the preset's source for one finite element with θ ≠ 0, in 1000-digit decimals, before
 * rounding: `general`, θ* − α (|θ*| / |r|) r with ‖x‖ = |x| for one element and the zero-norm ratios
 * of the three sources (Keras decays θ first; the paper and optax add λ θ to r), within 10^−990 |θ|
 * of the exact value (a few dozen operations, each within 10^−999); and `exact`, the same value from
 * the identity ρ r = s θ* (θ* where r = 0), computed without rounding (every term is a short decimal
 * product), for the cases the general form leaves within its error of a rounding boundary.
 */
function reference(preset: PresetName, h: Hyper, t: number, [p, g, m0, v0]: readonly number[]) {
  const [b1, b2, lr, eps, wd] = [h.beta1, h.beta2, h.lr, h.eps, h.weightDecay].map((x) => new D(x)) as Decimal[];
  const [theta0, grad, mPrev, vPrev] = [p, g, m0, v0].map((x) => new D(exactFromFloat32(x!))) as Decimal[];
  const one = new D(1);
  const m = b1!.times(mPrev!).plus(one.minus(b1!).times(grad!));
  const v = b2!.times(vPrev!).plus(one.minus(b2!).times(grad!.pow(2)));
  const u = m.div(one.minus(b1!.pow(t))).div(
    v
      .div(one.minus(b2!.pow(t)))
      .sqrt()
      .plus(eps!),
  );
  const theta = preset === 'keras' ? theta0!.minus(theta0!.times(wd!).times(lr!)) : theta0!;
  const r = preset === 'keras' ? u : u.plus(wd!.times(theta0!));
  const ratio = theta.isZero() || r.isZero() ? new D(preset === 'paper' ? 0 : 1) : theta.abs().div(r.abs());
  const s = theta.isNeg() === r.isNeg() ? 1 : -1;
  return {
    general: theta.minus(lr!.times(ratio).times(r)),
    exact: r.isZero() ? theta : theta.times(one.minus(lr!.times(s))),
    error: theta0!.abs().times('1e-990'),
  };
}

/** The step's fall-throughs to the decimal ladder, by reason, while `f` runs. */
function fallThroughs(f: () => void): number {
  resetCertifyStatistics();
  f();
  const counts = certifyStatistics()['lamb'];
  return counts === undefined ? NaN : Object.values(counts.fallThrough).reduce((s, n) => s + n, 0);
}

describe('LAMB on one element, α s = 1', () => {
  // The property cases that fell through to the decimal ladder and came back uncertified (seed 20171213).
  const cases: Array<[string, Partial<Hyper>, number, number[]]> = [
    [
      'θ > 0, r > 0, t = 10^6',
      { lr: '1', eps: '4', weightDecay: '0.01' },
      1e6,
      [0.06249998137354851, -1.593225161308352e-27, 565.1219482421875, 256.0002746582031],
    ],
    [
      'θ < 0, r < 0, t = 1',
      { lr: '1', eps: '5e-17', weightDecay: '5.427853628068903e-101' },
      1,
      [-131072.34375, 0.00002676831354619935, -77.38133239746094, 4096.00439453125],
    ],
    [
      'θ > 0, β1 tiny, t = 8',
      { lr: '1', beta1: '9.45192281623865e-72', eps: '0.1', weightDecay: '0.01' },
      8,
      [16384.009765625, 1, 11368.0341796875, 1.1210387714598537e-44],
    ],
    [
      'θ > 0, r > 0, λ = 4',
      { lr: '1', eps: '0.001', weightDecay: '4' },
      4,
      [1.4917982816696167, -131072.0625, 0.000006302786005107919, 0.12500031292438507],
    ],
  ];

  it.each(PRESETS.flatMap((preset) => cases.map((c) => [preset, ...c] as const)))(
    '%s, %s: θ′ is +0, certified, with no fall-through to the decimal ladder',
    (preset, _, h, t, inputs) => {
      let out: ReturnType<typeof step> | undefined;
      expect(fallThroughs(() => (out = step(preset, h, t, inputs)))).toBe(0);
      expect(Object.is(out!.params[0], 0)).toBe(true);
      expect(out!.uncertified ?? []).toEqual([]);
    },
  );

  it('θ = −(32 + 15 · 2^−18), α = 2, r = 1/(√10 + ε) > 0: 3θ is the float32 midpoint −(96 + 22.5 · 2^−17), and goes to the even side', () => {
    // The property below met such a tie at 2,000 runs (seed 20171213), where its general form could not
    // decide it; there √v̂ was exact and the rational stage had decided it already. Here v̂ = 10.
    const theta = -(32 + 15 * 2 ** -18);
    const out = step('paper', { lr: '2', beta1: '0', beta2: '0.9', weightDecay: '0' }, 1, [theta, 1, 1, 1]);
    expect(out.params[0]).toBe(-(96 + 22 * 2 ** -17));
    expect(out.uncertified ?? []).toEqual([]);
  });

  it('α = 2 and s = −1 (θ > 0, r < 0) do not cancel: θ′ = θ (1 + α) = 3θ', () => {
    const out = step('optax', { lr: '2', weightDecay: '0' }, 1, [0.5, -1, 0, 0]);
    expect(Array.from(out.params)).toEqual([1.5]);
  });
});

describe('LAMB on one element where the identity does not hold', () => {
  it.each(PRESETS)('%s: θ = +∞ with r > 0 steps by ∞ · r / |r| = ∞, and ∞ − α ∞ is NaN', (preset) => {
    expect(step(preset, { lr: '0.5', weightDecay: '0' }, 1, [Infinity, 1, 0, 0]).params[0]).toBeNaN();
  });

  it.each(PRESETS)('%s: m = +∞ makes r = ∞ and ρ = |θ| / ∞ = 0, and 0 · ∞ is NaN', (preset) => {
    expect(step(preset, { lr: '0.5', weightDecay: '0' }, 1, [2, 1, Infinity, 1]).params[0]).toBeNaN();
  });
});

const finiteElement = fc.tuple(
  moderateFloat32().filter((x) => x !== 0),
  moderateFloat32(),
  moderateFloat32(),
  moderateFloat32().map(Math.abs),
);
const hyper = fc.record({
  lr: fc.constantFrom('1', '0.5', '2', '0.001', '0.75'),
  beta1: fc.constantFrom('0', '0.5', '0.9'),
  beta2: fc.constantFrom('0', '0.9', '0.999'),
  eps: fc.constantFrom('0.000001', '0.5', '4'),
  weightDecay: fc.constantFrom('0', '0.01', '1.5'),
});

/** The float32 both ends of [x − e, x + e] round to, or undefined (a boundary or zero within). */
function decided(x: Decimal, e: Decimal): number | undefined {
  const [lo, hi] = [roundToFloat32(x.minus(e)), roundToFloat32(x.plus(e))];
  return lo === hi && lo !== 0 ? lo : undefined;
}

describe('LAMB on one element, against the sources in 1000-digit decimals', () => {
  test.prop([fc.constantFrom(...PRESETS), hyper, fc.integer({ min: 1, max: 30 }), finiteElement])(
    "θ′ is the general form's rounding, or, within its error of a boundary, the exact value's (+0 for zero)",
    (preset, h, t, inputs) => {
      const out = step(preset, h, t, inputs);
      const { general, exact, error } = reference(preset, h, t, inputs);
      expect(general.minus(exact).abs().lte(error)).toBe(true);
      expect(out.uncertified ?? []).toEqual([]);
      const expected = decided(general, error) ?? (exact.isZero() ? 0 : roundToFloat32(exact));
      expect(Object.is(out.params[0], expected), `${out.params[0]} against ${expected}`).toBe(true);
    },
  );
});
