import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  configure,
  type CatalogueEntry,
  type Configuration,
  type PresetName,
  type StepInput,
  type StepOutput,
} from '../../core/catalogue/index.js';
import { stepCase, trajectoryCase } from '../../src/gate/arbitraries/step-case.js';
import { differences as markDifferences } from '../deep/fast-stage.js';
import { catalogue, entryOf, oracleRuleOf } from '../../src/registry/index.js';
import { MAX_FLOAT32, MIN_SUBNORMAL } from '../../oracle/binary32.js';
import { Float64Enclosures, type F64 } from '../../oracle/float64.js';
import {
  certifyStatistics,
  fallThroughShare,
  resetCertifyStatistics,
  withCertifyStages,
  withFastArithmetic,
} from '../../oracle/staged.js';

/**
 * Element-steps per rule and preset compared between the stages (OPTIM_ORACLE_FAST_CASES; the
 * default keeps this file near 10 s on one core: the decimal side costs 0.2–1 ms per element-step).
 */
const CASES = Number(process.env['OPTIM_ORACLE_FAST_CASES'] ?? 100);
if (!Number.isSafeInteger(CASES) || CASES < 1)
  throw new Error(`OPTIM_ORACLE_FAST_CASES must be an integer ≥ 1, got ${process.env['OPTIM_ORACLE_FAST_CASES']}`);
const SEED = 20171213;

const pairs: Array<[CatalogueEntry, PresetName]> = catalogue.flatMap((entry) =>
  (Object.keys(entry.presets) as PresetName[]).map((p): [CatalogueEntry, PresetName] => [entry, p]),
);

/** Where the staged step and the decimal-only step differ (bitwise, and in the uncertified marks); empty when they agree. */
function differences(config: Configuration, input: StepInput): string[] {
  const rule = oracleRuleOf(config.entry.name);
  const staged = rule.step(config, input);
  const decimal = withCertifyStages('decimal', () => rule.step(config, input));
  return compare(staged, decimal);
}

/**
 * The comparison of spec/deep/fast-stage.ts: bit for bit and the same uncertified marks, except where
 * the ladder alone left an output uncertified and the exact stages decided it, which must then be one
 * of the two the mark allows (Keras Nadam's μ product P β1 (1 − ½ 0.96^t), a midpoint plus a remainder
 * of known sign below 10^−17,729 of it, which no precision of the ladder separates).
 */
function compare(staged: StepOutput, decimal: StepOutput): string[] {
  return markDifferences(staged, decimal, { count: 0 });
}

/** The cases the properties draw: one step from any finite state, with NaN and ±∞, and trajectories (initial state included). */
function* propertyCases(
  entry: CatalogueEntry,
  preset: PresetName,
  elementSteps: number,
): Generator<{ config: Configuration; input: StepInput } | { config: Configuration; params: Float32Array }> {
  let n = 0;
  const per = Math.ceil(elementSteps / 3);
  for (const nonfinite of [false, true]) {
    // Cases have 0 to 8 elements (4 on average): draw in batches until enough element-steps.
    for (let batch = 0; n < per * (nonfinite ? 2 : 1); batch++) {
      for (const c of fc.sample(stepCase(entry, preset, { nonfinite }), {
        numRuns: Math.ceil(per / 4) + 1,
        seed: SEED + batch,
      })) {
        yield c;
        n += c.input.params.length;
        if (n >= per * (nonfinite ? 2 : 1)) break;
      }
    }
  }
  // Trajectories of up to 5 steps on 1 to 4 elements (7.5 element-steps on average).
  for (const c of fc.sample(trajectoryCase(entry, preset, { maxSteps: 5 }), {
    numRuns: Math.ceil(elementSteps / 7) + 1,
    seed: SEED,
  })) {
    const rule = oracleRuleOf(entry.name);
    yield { config: c.config, params: c.params };
    let state = withCertifyStages('decimal', () => rule.initialOutput(c.config, c.params)).state;
    let params = c.params;
    for (const [k, g] of c.grads.entries()) {
      const input: StepInput = {
        params,
        grads: g,
        state,
        t: k + 1,
        ...(c.objective ? { objective: c.objective } : {}),
      };
      yield { config: c.config, input };
      n += params.length;
      const next = withCertifyStages('decimal', () => rule.step(c.config, input));
      params = next.params;
      state = next.state;
    }
    if (n >= elementSteps) return;
  }
}

/** Every difference between the stages over the property cases of one rule and preset. */
function disagreementsOn(entry: CatalogueEntry, preset: PresetName, elementSteps: number): string[] {
  const found: string[] = [];
  for (const c of propertyCases(entry, preset, elementSteps)) {
    if ('input' in c) {
      for (const d of differences(c.config, c.input)) found.push(`${entry.name}/${preset} t=${c.input.t}: ${d}`);
    } else {
      const rule = oracleRuleOf(entry.name);
      const staged = rule.initialOutput(c.config, c.params);
      const decimal = withCertifyStages('decimal', () => rule.initialOutput(c.config, c.params));
      for (const d of compare(staged, decimal)) found.push(`${entry.name}/${preset} initial state: ${d}`);
    }
  }
  return found;
}

describe(`the fast stages agree with the decimal stage (${CASES} element-steps per rule and preset)`, () => {
  it.each(pairs.map(([e, p]) => [`${e.name}/${p}`, e, p] as const))(
    '%s: every output equal, bit for bit, with the same uncertified marks or decided within them',
    (_, entry, preset) => {
      resetCertifyStatistics();
      expect(disagreementsOn(entry, preset, CASES)).toEqual([]);
      const counts = certifyStatistics()[entry.name];
      // A comparison in which the fast stages decided nothing would check nothing.
      expect(counts !== undefined && counts.fast + counts.rational > 0).toBe(true);
    },
  );
});

describe('steps large enough for the tape agree with the decimal stage', () => {
  it.each(pairs.map(([e, p]) => [`${e.name}/${p}`, e, p] as const))(
    '%s: a step of 48 to 64 elements',
    (_, entry, preset) => {
      const cases = fc.sample(stepCase(entry, preset, { nonfinite: true, maxLength: 64 }), { numRuns: 12, seed: SEED });
      const large = cases.filter((c) => c.input.params.length >= 48).slice(0, 1);
      expect(large.length).toBeGreaterThan(0);
      for (const c of large) expect(differences(c.config, c.input), String(c)).toEqual([]);
    },
  );
});

describe('hard cases made on purpose', () => {
  const sgd = (lr: string) => configure(entryOf('sgd'), 'paper', { lr });
  const sgdStep = (lr: string, theta: number, g: number) => ({
    config: sgd(lr),
    input: { params: Float32Array.of(theta), grads: Float32Array.of(g), state: {}, t: 1 },
  });
  const decide = (lr: string, theta: number, g: number) => {
    const { config, input } = sgdStep(lr, theta, g);
    expect(differences(config, input), `θ = ${theta}, g = ${g}, α = ${lr}`).toEqual([]);
    return oracleRuleOf('sgd').step(config, input).params[0]!;
  };

  it('an exact float32 midpoint rounds to even, with a binary64 hyperparameter (0.5) and without one (0.1)', () => {
    expect(decide('0.5', 1, -(2 ** -23))).toBe(1);
    expect(decide('0.5', 1 + 2 ** -23, -(2 ** -23))).toBe(1 + 2 ** -22);
    // 0.1 is not a binary64: the midpoint 1 + 2^-24 = 1 − 0.1 · (−10 · 2^-24) is seen only by the exact stages.
    expect(decide('0.1', 1, -10 * 2 ** -24)).toBe(1);
  });

  it('near-ties within 2^-60 of a midpoint go to the side they lie on', () => {
    expect(decide('0.5000000000000000001', 1, -(2 ** -23))).toBe(1 + 2 ** -23);
    expect(decide('0.4999999999999999999', 1, -(2 ** -23))).toBe(1);
    expect(decide('0.10000000000000000001', 1, -10 * 2 ** -24)).toBe(1 + 2 ** -23);
  });

  it('overflow and underflow edges, subnormals and signed zeros', () => {
    expect(decide('1', MAX_FLOAT32, -MAX_FLOAT32)).toBe(Infinity);
    expect(decide('0.5', MAX_FLOAT32, -(2 ** 103))).toBe(MAX_FLOAT32); // MAX + 2^102: below the overflow threshold
    expect(decide('1', MAX_FLOAT32, -(2 ** 103))).toBe(Infinity); // MAX + 2^103: the threshold, ties to 2^128
    expect(decide('0.5', 0, -MIN_SUBNORMAL)).toBe(0); // 2^-150: the tie between 0 and 2^-149 goes to the even 0
    expect(decide('0.75', 0, -MIN_SUBNORMAL)).toBe(MIN_SUBNORMAL);
    expect(Object.is(decide('0.5', -0, MIN_SUBNORMAL), -0)).toBe(true);
    expect(Object.is(decide('1', -0, 0), -0)).toBe(true); // −0 − 1 · 0 = −0
    expect(Object.is(decide('1', 3, 3), 0)).toBe(true); // x − x = +0
    expect(decide('0.5', 3 * MIN_SUBNORMAL, 2 * MIN_SUBNORMAL)).toBe(2 * MIN_SUBNORMAL); // 2^-148 exactly, subnormal
  });

  it('a product that underflows binary64 keeps its sign through the exact rational stage, not the decimal one', () => {
    // From the properties' cases (sgd/paper, seed 20171213): α = 8.4e-323 is a subnormal double, so
    // α · g (about 1.3e-327) underflows binary64 and its enclosure holds 0 with no sign told.
    resetCertifyStatistics();
    expect(Object.is(decide('8.4e-323', 0, -(0x15e9f26 * 2 ** -39)), 0)).toBe(true); // 0 − α g > 0 rounds to +0
    expect(Object.is(decide('8.4e-323', 0, 0x15e9f26 * 2 ** -39), -0)).toBe(true);
    expect(Object.is(decide('8.4e-323', -0, 2 ** -149), -0)).toBe(true);
    const counts = certifyStatistics()['sgd']!;
    expect(counts.rational).toBeGreaterThanOrEqual(3);
    expect(fallThroughShare(counts)).toBe(0);
  });

  it('hyperparameters within 10^-15 of 1 are decided by the float64 stage on a decimal preparation, and agree', () => {
    resetCertifyStatistics();
    for (const preset of ['paper', 'pytorch', 'keras'] as const) {
      const config = configure(entryOf('adam'), preset, { beta1: '0.9999999999999982', beta2: '0.9999999999999996' });
      const values = [0.1, -1, 3e4, 1e-30, -7.5];
      for (const t of [1, 2, 1000]) {
        const input = {
          params: Float32Array.from(values),
          grads: Float32Array.from(values, (v) => v / 3),
          state: { m: Float32Array.from(values, (v) => -v), v: Float32Array.from(values, (v) => v * v) },
          t,
        };
        expect(differences(config, input), `${preset} t=${t}`).toEqual([]);
      }
    }
    const counts = certifyStatistics()['adam']!;
    // Binary64 alone sees 1 − β with a relative width near 0.1: every element would fall through.
    expect(counts.refined).toBeGreaterThanOrEqual(40);
    expect(fallThroughShare(counts)).toBe(0);
  });

  it('every preset of Adam and Nadam agrees at t = 10^7 and at large and subnormal moments', () => {
    for (const name of ['adam', 'amsgrad', 'adamw', 'nadam', 'adamax']) {
      const entry = entryOf(name);
      for (const preset of Object.keys(entry.presets) as PresetName[]) {
        const config = configure(entry, preset, {});
        const layout = entry.state(config.flags);
        const values = [MIN_SUBNORMAL, -3 * MIN_SUBNORMAL, 1e-30, 0.1, -1, 3e4, 1e19, MAX_FLOAT32];
        const n = values.length;
        const state: Record<string, Float32Array> = {};
        for (const k of layout.element)
          state[k] = Float32Array.from(values, (v) => (layout.nonnegative.includes(k) ? Math.abs(v) : v));
        const init = oracleRuleOf(name).init(config, new Float32Array(n));
        for (const k of layout.tensor) state[k] = init[k]!;
        for (const t of [1, 10_000_000]) {
          const input = {
            params: Float32Array.from(values).reverse(),
            grads: Float32Array.from(values, (v) => -v),
            state,
            t,
          };
          expect(differences(config, input), `${name}/${preset} t=${t}`).toEqual([]);
        }
      }
    }
  });
});

/** Float64Enclosures with one operation's result shrunk to the point nearest its exact value: no longer an enclosure. */
class TooNarrow extends Float64Enclosures {
  override mul(a: F64, b: F64): F64 {
    const r = super.mul(a, b);
    const mid = r.lo / 2 + r.hi / 2;
    return { lo: mid, hi: mid };
  }
}

describe('the agreement test fails when the fast stage is wrong', () => {
  it('finds disagreements when a too-narrow multiplication is injected into the fast stage', () => {
    const found = withFastArithmetic(new TooNarrow(), () => disagreementsOn(entryOf('adam'), 'pytorch', 400));
    expect(found.length).toBeGreaterThan(0);
  });
});

describe('the share of element-steps left to the decimal stage on the properties’ cases', () => {
  it('is reported per rule, and every rule decides most of its element-steps in the fast stages', () => {
    resetCertifyStatistics();
    for (const [entry, preset] of pairs)
      for (const c of propertyCases(entry, preset, 50)) {
        if ('input' in c) oracleRuleOf(entry.name).step(c.config, c.input);
        else oracleRuleOf(entry.name).initialOutput(c.config, c.params);
      }
    const stats = certifyStatistics();
    const rows = Object.entries(stats).map(
      ([name, c]) =>
        `${name.padEnd(17)} fast ${String(c.fast).padStart(6)}  refined ${String(c.refined).padStart(5)}  rational ${String(c.rational).padStart(5)}  big-float ${String(c.bigFloat).padStart(5)}  decimal ${JSON.stringify(c.fallThrough)}  share ${fallThroughShare(c).toExponential(2)}`,
    );
    console.log(rows.join('\n'));
    for (const [entry] of pairs) expect(fallThroughShare(stats[entry.name]!), entry.name).toBeLessThan(0.25);
  });
});
