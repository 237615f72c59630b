/**
 * The oracle checked against something other than itself: PyTorch's own optimizers in float64
 * (Debian's python3-torch, PyTorch 1.13; `.ci/run` installs it). Inputs are float32 values, exact in
 * float64; hyperparameters are the decimals, which PyTorch reads as float64. PyTorch's float64 result
 * must lie within 2^-40 S of the oracle's exact result (S the size of the terms combined: a few
 * float64 roundings are about 2^-50 S; a wrong formula is off by far more), or within 8 · 2^-29 B,
 * where B is the derived float32 bound of the same operations: the running error analysis scaled from
 * u = 2^-24 to 2^-53, which covers cancellation (centered RMSProp's √(v − ḡ²)) where S does not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bitsOf } from '../../oracle/binary32.js';
import type { Configuration, StepInput } from '../../core/catalogue/index.js';
import { trainingFloat32 } from '../../src/gate/arbitraries/float32.js';
import { configuration } from '../../src/gate/arbitraries/step-case.js';
import { boundStep } from '../../src/gate/bound/step-bound.js';
import { seedFromEnv } from '../../src/gate/seed.js';
import { catalogue, entryOf, oracleRuleOf, productionRuleOf } from '../../src/registry/index.js';

const PYTHON = '/usr/bin/python3';
const torchVersion = existsSync(PYTHON)
  ? spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' })
  : undefined;
const hasTorch = torchVersion?.status === 0;
const TOLERANCE = 2 ** -40;

interface TorchResult {
  readonly params?: string[];
  readonly state?: Record<string, string[]>;
  readonly error?: string;
}

/** Runs PyTorch on the cases in one process. */
function torchSteps(cases: Array<{ config: Configuration; input: StepInput }>): TorchResult[] {
  const bits = (xs: Float32Array) => Array.from(xs, bitsOf);
  const payload = cases.map(({ config, input }) => ({
    rule: config.entry.name,
    hyper: config.hyper,
    t: input.t,
    params: bits(input.params),
    grads: bits(input.grads),
    state: Object.fromEntries(Object.entries(input.state).map(([k, v]) => [k, bits(v)])),
  }));
  const r = spawnSync(PYTHON, ['examples/pytorch/step.py'], {
    input: JSON.stringify(payload),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`PyTorch failed: ${r.stderr}`);
  return JSON.parse(r.stdout).results;
}

const fromHex = (h: string): number => {
  const m = /^(-?)0x([01])\.?([0-9a-f]*)p([+-]\d+)$/.exec(h);
  if (h === 'nan') return NaN;
  if (h === 'inf' || h === '-inf') return h === 'inf' ? Infinity : -Infinity;
  if (!m) throw new Error(`not a hex float: ${h}`);
  const mantissa = Number(m[2]) + (m[3] ? parseInt(m[3], 16) / 16 ** m[3].length : 0);
  return (m[1] ? -1 : 1) * mantissa * 2 ** Number(m[4]);
};

/** Typical cases: hyperparameters away from their limits (β ≤ 0.9999), training-like tensors and state. */
function cases(rule: string, count: number, seed: number) {
  const entry = entryOf(rule);
  const value = trainingFloat32();
  const tensor = (n: number) => fc.array(value, { minLength: n, maxLength: n }).map((xs) => Float32Array.from(xs));
  const arb = fc
    .tuple(configuration(entry, 'pytorch'), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 1000 }))
    .chain(([config, n, t]) => {
      const layout = config.entry.state(config.flags);
      const slots = Object.fromEntries([
        ...layout.element.map((k) => [k, tensor(n).map((x) => (layout.nonnegative.includes(k) ? x.map(Math.abs) : x))]),
        ...layout.tensor.map((k) => [
          k,
          fc.float({ min: Math.fround(0.01), max: 1, noNaN: true }).map((x) => Float32Array.of(x)),
        ]),
      ]);
      return fc
        .record({ params: tensor(n), grads: tensor(n), state: fc.record(slots) })
        .map((r) => ({ config, input: { ...r, t } }));
    });
  const typical = (c: { config: Configuration }) =>
    Object.entries(c.config.hyper).every(
      ([k, v]) =>
        (['beta1', 'beta2', 'rho', 'momentum'].includes(k) ? Number(v) <= 0.9999 : true) &&
        (Number(v) === 0 || Number(v) >= 1e-30) &&
        Number(v) <= 100,
    );
  return fc.sample(arb.filter(typical), { numRuns: count, seed });
}

/** Largest |torch − exact| / tolerance over all outputs of the cases, and the cases beyond it. */
function compare(rule: string, samples: ReturnType<typeof cases>, results: TorchResult[]) {
  let worst = 0;
  const problems: string[] = [];
  samples.forEach(({ config, input }, i) => {
    const r = results[i]!;
    if (r.error !== undefined) {
      problems.push(`case ${i}: PyTorch raised ${r.error}`);
      return;
    }
    const exact = oracleRuleOf(rule).exact(config, input);
    const scale = boundStep(productionRuleOf(rule), config, input);
    const outputs: Array<[string, string[] | undefined]> = [['params', r.params], ...Object.entries(r.state ?? {})];
    for (const [name, values] of outputs) {
      values?.forEach((h, j) => {
        const torch = fromHex(h);
        const x = exact[name]![j]!.toNumber();
        if (!Number.isFinite(x) || !Number.isFinite(torch)) {
          if (String(x) !== String(torch)) problems.push(`case ${i} ${name}[${j}]: torch ${torch}, exact ${x}`);
          return;
        }
        const { scale: s, bound } = scale[name]![j]!;
        const allowed = Math.max(TOLERANCE * s, 8 * 2 ** -29 * bound);
        const relative = Math.abs(torch - x) / allowed;
        worst = Math.max(worst, relative);
        if (!(relative <= 1))
          problems.push(
            `case ${i} ${name}[${j}]: torch ${torch}, exact ${exact[name]![j]!.toSignificantDigits(20)}, ${relative.toExponential(2)} × tolerance`,
          );
      });
    }
  });
  return { worst, problems };
}

const rules = catalogue.filter((e) => e.presets.pytorch !== undefined && e.name !== 'nadam').map((e) => e.name);

const required = process.env['OPTIM_ORACLE_REQUIRE_TORCH'] === '1';
if (required && !hasTorch)
  throw new Error(`OPTIM_ORACLE_REQUIRE_TORCH=1 but ${PYTHON} cannot import torch (apt-get install python3-torch)`);

describe.skipIf(!hasTorch)(
  hasTorch
    ? `the oracle agrees with PyTorch ${torchVersion?.stdout.trim()} in float64`
    : `PyTorch reference (skipped: ${PYTHON} cannot import torch; apt-get install python3-torch)`,
  () => {
    // One Python process for every rule's cases: importing torch costs about a second a process.
    const samplesOf = new Map<string, ReturnType<typeof cases>>();
    const torchOf = new Map<string, TorchResult[]>();
    beforeAll(() => {
      const all = [...rules, 'nadam'].map((rule) => [rule, cases(rule, 60, seedFromEnv())] as const);
      const results = torchSteps(all.flatMap(([, samples]) => samples));
      expect(results).toHaveLength(all.reduce((n, [, samples]) => n + samples.length, 0));
      let k = 0;
      for (const [rule, samples] of all) {
        samplesOf.set(rule, samples);
        torchOf.set(rule, results.slice(k, (k += samples.length)));
      }
    });

    it.each(rules)('%s: 60 typical cases, every output within tolerance of the exact result', (rule) => {
      const samples = samplesOf.get(rule)!;
      const { worst, problems } = compare(rule, samples, torchOf.get(rule)!);
      expect(problems.slice(0, 5)).toEqual([]);
      expect(worst).toBeLessThanOrEqual(1);
    });

    it('nadam: PyTorch 1.13 follows P_t μ_t μ_{t+1}, not its documented Π_{i≤t+1} μ_i (the oracle is right, the torch 1.13 code is wrong)', () => {
      const samples = samplesOf.get('nadam')!;
      const torch = torchOf.get('nadam')!;
      const asCoded = samples.map(({ config, input }) => ({
        config: { ...config, flags: { ...config.flags, productNext: 'torch-1.13' } },
        input,
      }));
      expect(compare('nadam', asCoded, torch).problems.slice(0, 5)).toEqual([]);
      if (torchVersion?.stdout.startsWith('1.'))
        expect(compare('nadam', samples, torch).problems.length).toBeGreaterThan(0);
    });
  },
);
