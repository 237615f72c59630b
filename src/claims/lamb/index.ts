/**
 * LAMB's trust ratio makes its step scale-invariant in θ (You et al. 2020, arXiv:1904.00962,
 * section 3.1 and Algorithm 2): with λ = 0 the direction r = u does not depend on θ, and the step
 * α (‖θ‖ / ‖r‖) r scales with ‖θ‖, so θ → cθ (c > 0) scales θ − θ' by c. Checked exactly on the
 * oracle's formula (oracle/rules/lamb.ts) over rationals (oracle/rational.ts; ε = 0, so that
 * u = m̂ / √v̂ and the norms are surds whose quotients stay exact), and bitwise on float32
 * production for c = 2^k with moderate values, where every scaling by c is exact: Σ |cθ| = c Σ |θ|,
 * cθ / (c s) = θ / s, so ‖cθ‖ = c ‖θ‖, and each rounding of a value scaled by 2^k is the rounding
 * scaled by 2^k away from overflow and the subnormal range.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { configure, type Configuration, type PresetName } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { required } from '../../../core/required.js';
import { hyperEnclosures } from '../../../oracle/elementwise-stages.js';
import { compareRationals, RationalArithmetic, type Rational } from '../../../oracle/rational.js';
import { lambUpdate } from '../../../oracle/rules/lamb.js';
import type { HyperEnclosures } from '../../../oracle/rule.js';
import type { LambSchema } from '../../../core/catalogue/rules/lamb.js';
import { moderateFloat32, nonnegative, trainingFloat32 } from '../../gate/arbitraries/float32.js';
import { production } from '../../gate/implementation.js';
import { checkProperty, f32, int, text } from '../property.js';
import type { Claim, NamedValue } from '../types.js';

const SOURCE = 'You et al. 2020, arXiv:1904.00962, section 3.1 and Algorithm 2 (the trust ratio ‖θ‖ / ‖r‖)';
const Q = RationalArithmetic.instance;
const PRESETS: readonly PresetName[] = ['paper', 'keras', 'optax'];

/** A LAMB step case: preset, tensors of one to four elements, t and the scale 2^k. */
interface LambCase {
  readonly preset: PresetName;
  readonly theta: readonly number[];
  readonly g: readonly number[];
  readonly m: readonly number[];
  readonly v: readonly number[];
  readonly t: number;
  readonly k: number;
}

function lambCases(value: () => fc.Arbitrary<number>, k: fc.Arbitrary<number>): fc.Arbitrary<LambCase> {
  return fc.integer({ min: 1, max: 4 }).chain((n) => {
    const tensor = (x: fc.Arbitrary<number>) => fc.array(x, { minLength: n, maxLength: n });
    return fc.record({
      preset: fc.constantFrom(...PRESETS),
      theta: tensor(value()),
      g: tensor(value()),
      m: tensor(value()),
      v: tensor(nonnegative(value())),
      t: fc.integer({ min: 1, max: 10 }),
      k,
    });
  });
}

const describeCase = ([c]: [LambCase]): NamedValue[] => [
  text('preset', c.preset),
  int('t', c.t),
  int('k (c = 2^k)', c.k),
  ...c.theta.map((x, i) => f32(`θ[${i}]`, x)),
  ...c.g.map((x, i) => f32(`g[${i}]`, x)),
  ...c.m.map((x, i) => f32(`m[${i}]`, x)),
  ...c.v.map((x, i) => f32(`v[${i}]`, x)),
];

const config = (c: LambCase, eps?: string): Configuration<LambSchema> =>
  configure(entries.lamb, c.preset, { weightDecay: '0', ...(eps === undefined ? {} : { eps }) });

/** θ − θ' of the oracle's formula on rationals with ε = 0, or undefined where it leaves the rationals. */
function exactStep(c: LambCase, scale: Rational): Rational[] | undefined {
  const cfg = config(c, '0');
  const of = (xs: readonly number[]) => xs.map((x) => Q.fromFloat32(x));
  const params = of(c.theta).map((x) => Q.mul(scale, x));
  try {
    const r = lambUpdate.step(
      Q,
      { params, grads: of(c.g), slots: { m: of(c.m), v: of(c.v) } },
      { h: hyperEnclosures(Q, cfg) as HyperEnclosures<LambSchema>, t: c.t, flags: cfg.flags },
    );
    const step = params.map((p, i) => Q.sub(p, required(r.params[i], "θ'") as Rational));
    return step.some((s) => s.den === 0n) ? undefined : step;
  } catch {
    return undefined;
  }
}

/** Production's θ' for θ scaled by `scale` (exact in float32 for the cases drawn). */
function productionStep(backend: string, c: LambCase, scale: number): Float32Array {
  const out = production(backend).step(config(c) as Configuration, {
    params: Float32Array.from(c.theta, (x) => x * scale),
    grads: Float32Array.from(c.g),
    state: { m: Float32Array.from(c.m), v: Float32Array.from(c.v) },
    t: c.t,
  });
  return out.params;
}

/** A rational or a surd sgn · √(n/d) as a decimal, 20 significant digits. */
function decimal(r: Rational): string {
  const q = new Decimal(r.num.toString()).abs().div(r.den.toString());
  const v = r.root ? q.sqrt() : q;
  return (r.num < 0n ? v.neg() : v).toSignificantDigits(20).toString();
}

/**
 * x = y for rationals or surds sgn · √(n/d): the same sign and the same square (squares of surds are
 * rationals), which decides equality exactly without leaving the rationals.
 */
function same(x: Rational, y: Rational): boolean {
  const sign = (r: Rational) => (r.num > 0n ? 1 : r.num < 0n ? -1 : 0);
  return sign(x) === sign(y) && compareRationals(Q.square(x), Q.square(y)) === 0;
}

/**
 * The exact claim on cases that `keep`: θ − θ' for 2^k θ is 2^k times θ − θ' for θ. At θ = 0 the
 * ratio is the zero-norm rule's (Keras's and optax's 1, a step α r that c does not scale; the paper's
 * literal 0, no step), so the claim with θ = 0 included is refuted by the frameworks' fallback.
 */
function exactClaim(
  id: string,
  statement: string,
  expected: 'holds' | 'refuted',
  keep: (c: LambCase) => boolean,
): Claim {
  return {
    id,
    statement,
    source: SOURCE,
    on: 'oracle',
    expected,
    check: (o) => {
      let judged = 0;
      return checkProperty(
        {
          property: fc.property(lambCases(trainingFloat32, fc.integer({ min: -30, max: 30 })).filter(keep), (c) => {
            const scale = Q.point(2 ** c.k);
            const base = exactStep(c, Q.point(1));
            const scaled = exactStep(c, scale);
            if (base === undefined || scaled === undefined) return true;
            judged++;
            return scaled.every((s, i) => same(s, Q.mul(scale, required(base[i], 'step'))));
          }),
          runs: 200,
          describe: describeCase,
          judged: () => judged,
          reason: ([c]) => {
            const show = (xs: readonly Rational[] | undefined) => (xs ?? []).map(decimal).join(', ');
            return `θ − θ' = [${show(exactStep(c, Q.point(1)))}] for θ and [${show(exactStep(c, Q.point(2 ** c.k)))}] for 2^${c.k} θ: at ‖θ‖ = 0 the ${c.preset} ratio is ${c.preset === 'paper' ? '0' : '1'}, so the step α r does not scale with θ`;
          },
          measured: () => `${judged} cases judged on exact rationals (ε = 0), the others leave the rationals`,
        },
        o,
      );
    },
  };
}

/** LAMB's claims, in the order `optim-oracle claims` prints them. */
export const lambClaims: readonly Claim[] = [
  exactClaim(
    'lamb/theta-scale-invariance',
    "with λ = 0 and θ ≠ 0, scaling θ by c = 2^k scales LAMB's exact step θ − θ' by c (every preset)",
    'holds',
    (c) => c.theta.some((x) => x !== 0),
  ),
  exactClaim(
    'lamb/theta-scale-invariance/zero-theta',
    "with λ = 0, θ = 0 included, scaling θ by c = 2^k scales LAMB's exact step θ − θ' by c (every preset's zero-norm rule)",
    'refuted',
    () => true,
  ),
  {
    id: 'lamb/theta-scale-invariance/float32',
    statement:
      "float32 production with λ = 0: θ → 2^k θ (|k| ≤ 8, moderate values) gives θ' → 2^k θ' bit for bit, every preset",
    source: SOURCE,
    on: 'float32',
    expected: 'holds',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(lambCases(moderateFloat32, fc.integer({ min: -8, max: 8 })), (c) => {
            const base = productionStep(o.backend, c, 1);
            const scaled = productionStep(o.backend, c, 2 ** c.k);
            return scaled.every((x, i) => Object.is(x, required(base[i], "θ'") * 2 ** c.k));
          }),
          runs: 100,
          describe: describeCase,
          reason: ([c]) => {
            const base = productionStep(o.backend, c, 1);
            const scaled = productionStep(o.backend, c, 2 ** c.k);
            return `θ' = [${Array.from(base).join(', ')}], for 2^${c.k} θ: [${Array.from(scaled).join(', ')}]`;
          },
        },
        o,
      ),
  },
];
