/**
 * LAMB's trust ratio makes its step scale-invariant in θ (You et al. 2020, arXiv:1904.00962,
 * Algorithm 2): with λ = 0 the update is θ' = θ − α φ(‖θ‖)/‖u‖ · u, φ the identity, u Adam's step
 * direction, which does not depend on θ; so θ'(c θ) = c θ'(θ) for every c > 0 (the step is α‖θ‖ long
 * whatever θ's scale). Checked exactly on the oracle with c = 2^k, k in −4 … 4, where scaling a
 * float32 is exact: the certified float32 outputs must be exactly 2^k times each other (rounding to
 * float32 commutes with a power of two while both values are normal). Under the paper's preset
 * (λ = 0.01 inside the ratio, θ' = θ − α ‖θ‖/‖u + λθ‖ (u + λθ)) the invariance is lost, and the same
 * check refutes it.
 *
 * @module
 */
import fc from 'fast-check';
import { configure, type PresetName } from '../../../core/catalogue/index.js';
import { lamb } from '../../../core/catalogue/entries.js';
import { required } from '../../../core/required.js';
import { oracleRuleOf } from '../../registry/index.js';
import { checkProperty } from '../property.js';
import type { Claim, NamedValue } from '../types.js';

const SOURCE = 'You et al. 2020, "Large Batch Optimization for Deep Learning", Algorithm 2 (LAMB)';

/** One case: θ, g, m, v (one to four elements), the scale exponent k, and the step t. */
interface LambCase {
  readonly theta: Float32Array;
  readonly g: Float32Array;
  readonly m: Float32Array;
  readonly v: Float32Array;
  readonly k: number;
  readonly t: number;
}

/** A float32 ±s · 2^e, s in [1, 2) with 8 significant bits, e in [−20, 20]: normal after any 2^±4. */
const moderate = fc
  .tuple(fc.integer({ min: 128, max: 255 }), fc.integer({ min: -27, max: 13 }), fc.boolean())
  .map(([s, e, negative]) => Math.fround((negative ? -1 : 1) * s * 2 ** e));

const values = (n: number, x: fc.Arbitrary<number>) =>
  fc.array(x, { minLength: n, maxLength: n }).map((xs) => Float32Array.from(xs));

/** Cases with θ ≠ 0 (the zero-norm fallbacks are not homogeneous) and v ≥ 0. */
const cases: fc.Arbitrary<LambCase> = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.record({
    theta: values(n, moderate).filter((xs) => xs.some((x) => x !== 0)),
    g: values(n, fc.oneof(moderate, fc.constant(0))),
    m: values(n, fc.oneof(moderate, fc.constant(0))),
    v: values(n, fc.oneof(moderate.map(Math.abs), fc.constant(0))),
    k: fc.integer({ min: -4, max: 4 }).filter((k) => k !== 0),
    t: fc.integer({ min: 1, max: 100 }),
  }),
);

/** Below this magnitude a float32 output times 2^±4 may leave the normal range: not compared. */
const SMALLEST_COMPARED = 2 ** -100;

/** The oracle's certified θ' of one step from θ under `preset` (its defaults). */
function nextTheta(preset: PresetName, c: LambCase, theta: Float32Array): Float32Array | undefined {
  const out = oracleRuleOf('lamb').step(configure(lamb, preset), {
    params: theta,
    grads: c.g,
    state: { m: c.m, v: c.v },
    t: c.t,
  });
  return (out.uncertified ?? []).some((u) => u.output === 'params') ? undefined : out.params;
}

/** Whether θ'(2^k θ) = 2^k θ'(θ) element by element, where both are certified and normal. */
function scaleInvariant(preset: PresetName, c: LambCase): boolean {
  const scale = 2 ** c.k;
  const a = nextTheta(preset, c, c.theta);
  const b = nextTheta(
    preset,
    c,
    Float32Array.from(c.theta, (x) => x * scale),
  );
  if (a === undefined || b === undefined) return true;
  return Array.from(a).every((x, i) => Math.abs(x) < SMALLEST_COMPARED || required(b[i], 'θ′') === x * scale);
}

const describeCase = ([c]: [LambCase]): NamedValue[] => [
  ...Array.from(c.theta, (value, i) => ({ name: `θ[${i}]`, value, kind: 'float32' as const })),
  ...Array.from(c.g, (value, i) => ({ name: `g[${i}]`, value, kind: 'float32' as const })),
  ...Array.from(c.m, (value, i) => ({ name: `m[${i}]`, value, kind: 'float32' as const })),
  ...Array.from(c.v, (value, i) => ({ name: `v[${i}]`, value, kind: 'float32' as const })),
  { name: 'k', value: c.k, kind: 'integer' },
  { name: 't', value: c.t, kind: 'integer' },
];

/** The claim that one step under `preset` is scale-invariant in θ, with its expected verdict. */
function scaleClaim(id: string, preset: PresetName, statement: string, expected: 'holds' | 'refuted'): Claim {
  return {
    id,
    statement,
    source: SOURCE,
    on: 'oracle',
    expected,
    check: (o) =>
      checkProperty(
        {
          property: fc.property(cases, (c) => scaleInvariant(preset, c)),
          runs: 100,
          describe: describeCase,
          reason: ([c]) => {
            const a = nextTheta(preset, c, c.theta);
            const b = nextTheta(
              preset,
              c,
              Float32Array.from(c.theta, (x) => x * 2 ** c.k),
            );
            return `θ'(θ) = [${Array.from(a ?? []).join(', ')}], θ'(2^${c.k} θ) = [${Array.from(b ?? []).join(', ')}], not 2^${c.k} times it`;
          },
        },
        o,
      ),
  };
}

/** LAMB's claims, in the order `optim-oracle claims` prints them. */
export const lambClaims: readonly Claim[] = [
  scaleClaim(
    'lamb/scale-invariant-in-theta',
    'optax',
    "with λ = 0 (optax's and Keras's defaults) the trust ratio ‖θ‖/‖u‖ makes the exact step scale-invariant in θ: θ'(c θ) = c θ'(θ), c > 0",
    'holds',
  ),
  scaleClaim(
    'lamb/scale-invariant-in-theta/keras',
    'keras',
    "the same under Keras's preset (λ = 0; the ratio of positive norms, 1 where either is 0): θ'(c θ) = c θ'(θ) for θ ≠ 0",
    'holds',
  ),
  scaleClaim(
    'lamb/scale-invariant-in-theta/paper-decay',
    'paper',
    "with the paper's decay inside the ratio (λ = 0.01: ‖θ‖/‖u + λθ‖ · (u + λθ)) the step is not scale-invariant in θ",
    'refuted',
  ),
];
