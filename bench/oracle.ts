/**
 * The oracle's speed, side by side in one run (tinybench): element-steps per second of the certified
 * oracle with its float64 first stage, of the same oracle on the decimal ladder alone, and, for Adam,
 * of plain decimal.js at 40 digits without certification and of mpmath at 256 bits through
 * /usr/bin/python3 (what a user would otherwise write). Two shapes of work: one step on 4,000-element
 * arrays drawn as the properties draw their elements (t = 10), and one element at a time at t = 10^6.
 * Then the share of outputs the fast stage leaves to the decimal stage, per rule and preset, on the
 * random cases the `one-step` property draws.
 *
 * The float64 stage runs on the tape (oracle/float64-tape.ts) where the formula can be traced; the
 * "per element" column is the same stage one element at a time, for the tape's gain.
 *
 * Run: npm run bench:oracle [-- --rule adam] [--size 4000] [--cases 2000] [--time 1000]
 */
import { spawnSync } from 'node:child_process';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { Bench } from 'tinybench';
import {
  configure,
  PRESET_NAMES,
  type CatalogueEntry,
  type Configuration,
  type PresetName,
  type StepInput,
} from '../core/catalogue/index.js';
import { objective, stepCase } from '../src/gate/arbitraries/step-case.js';
import { float32Value, nonnegative } from '../src/gate/arbitraries/float32.js';
import { withoutTape } from '../oracle/float64-tape.js';
import { certifyStatistics, fallThroughShare, resetCertifyStatistics, withCertifyStages } from '../oracle/staged.js';
import { entryOf, oracleRuleOf, updateRecords } from '../src/registry/index.js';
import { renderTable } from '../src/runs/table.js';
import { DEFAULT_SEED } from '../src/gate/seed.js';
import { benchOptions } from './options.js';

const values = benchOptions(
  'npm run bench:oracle --',
  'Element-steps per second of the certified oracle against its decimal ladder alone (and, for Adam, plain\ndecimal.js and mpmath), then the share of outputs each rule and preset leaves to the decimal stage.',
  {
    rule: { kind: 'text', help: 'only this update rule (default: every rule; optim-oracle list)' },
    size: { kind: 'count', min: 1, default: 4000, help: 'elements of the one-step arrays' },
    cases: {
      kind: 'count',
      min: 1,
      default: 2000,
      help: 'one-step property cases per rule and preset for the fall-through share',
    },
    time: { kind: 'count', min: 1, default: 1000, help: 'milliseconds each task is timed' },
    seed: { kind: 'seed', default: DEFAULT_SEED, help: 'fast-check seed of the drawn arrays and cases' },
  },
);
const { size, cases, time, seed } = values;

/** Every rule and preset the oracle implements (or the one rule asked for). */
const pairs: { entry: CatalogueEntry; preset: PresetName }[] = updateRecords
  .map((r) => r.entry)
  .filter((e) => values.rule === undefined || e.name === values.rule)
  .flatMap((entry) => PRESET_NAMES.filter((p) => entry.presets[p] !== undefined).map((preset) => ({ entry, preset })));
if (pairs.length === 0) {
  process.stderr.write(
    `npm run bench:oracle: no update rule is named '${values.rule}'; known: ${updateRecords.map((r) => r.entry.name).join(', ')}\n`,
  );
  process.exit(2);
}

/** `xs[i]`, or an error naming `what`: the arrays indexed here are built to the sizes indexed. */
function at<T>(xs: ArrayLike<T>, i: number, what: string): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`${what}[${i}] is missing (length ${xs.length})`);
  return x;
}

/** A step of `n` elements drawn as the properties draw them, under the preset's defaults, at step t. */
function input(config: Configuration, n: number, t: number): StepInput {
  const layout = config.entry.state(config.flags);
  // Each array from its own seed: one seed for all would make θ = g = m (and v = |m|), a degenerate step.
  let drawn = 0;
  const array = (nonneg: boolean) =>
    Float32Array.from(
      fc.sample(nonneg ? nonnegative(float32Value()) : float32Value(), { numRuns: n, seed: seed + n + 1000 * drawn++ }),
    );
  // A vector's row and column statistics (Adafactor's) hold one value each, as its tensor slots do.
  const state = Object.fromEntries([
    ...layout.element.map((k) => [k, array(layout.nonnegative.includes(k))]),
    ...[...layout.tensor, ...layout.row, ...layout.column].map((k) => [k, Float32Array.of(0.5)]),
  ]);
  const goal =
    config.entry.kind === 'gradient-function-update'
      ? { objective: at(fc.sample(objective(n), { numRuns: 1, seed }), 0, 'objective sample') }
      : {};
  return { params: array(false), grads: array(false), state, t, ...goal };
}

/** Element-steps per second of a task that steps `n` elements per call. */
function rate(bench: Bench, name: string, n: number): number {
  const r = bench.getTask(name)?.result;
  if (r === undefined || !('period' in r)) throw new Error(`benchmark task '${name}' did not complete`);
  return (n * 1000) / r.period;
}

const fmt = (x: number) => (x >= 1e6 ? x.toExponential(2) : x.toPrecision(3));

const rows: string[][] = [];
for (const { entry, preset } of pairs) {
  const config = configure(entry, preset);
  const rule = oracleRuleOf(entry.name);
  const shapes = [
    { shape: `${size} elements, t = 10`, n: size, step: input(config, size, 10) },
    { shape: '1 element, t = 10^6', n: 1, step: input(config, 1, 1_000_000) },
  ];
  for (const { shape, n, step } of shapes) {
    const bench = new Bench({ time, iterations: 2, warmup: true, warmupIterations: 1 });
    bench.add('fast', () => rule.step(config, step));
    bench.add('per element', () => withoutTape(() => rule.step(config, step)));
    bench.add('decimal', () => withCertifyStages('decimal', () => rule.step(config, step)));
    await bench.run();
    const fast = rate(bench, 'fast', n);
    const perElement = rate(bench, 'per element', n);
    const decimal = rate(bench, 'decimal', n);
    rows.push([entry.name, preset, shape, fmt(fast), fmt(perElement), fmt(decimal), (fast / decimal).toFixed(0)]);
    process.stderr.write(`${entry.name}/${preset} ${shape}: ${fmt(fast)} against ${fmt(decimal)} element-steps/s\n`);
  }
}
console.log(
  'Element-steps per second, certified oracle: float64 stage first (on the tape; per element without it), and the decimal ladder alone\n',
);
console.log(renderTable(['rule', 'preset', 'shape', 'fast', 'per element', 'decimal', 'fast/decimal'], rows));

// Adam (PyTorch's preset) without certification: plain decimal.js at 40 digits, and mpmath at 256 bits.
if (values.rule === undefined || values.rule === 'adam') {
  const config = configure(entryOf('adam'), 'pytorch');
  const step = input(config, size, 10);
  const D = Decimal.clone({ precision: 40 });
  const h = Object.fromEntries(Object.entries(config.hyper).map(([k, v]) => [k, new D(v)])) as Record<string, Decimal>;
  const [beta1, beta2, lr, eps] = ['beta1', 'beta2', 'lr', 'eps'].map((k) => {
    const x = h[k];
    if (x === undefined) throw new Error(`adam's pytorch preset has no ${k}`);
    return x;
  }) as [Decimal, Decimal, Decimal, Decimal];
  const [mState, vState] = [stateSlot(step, 'm'), stateSlot(step, 'v')];
  const plainAdam = () => {
    const b1 = new D(1).minus(beta1.pow(step.t));
    const b2 = new D(1).minus(beta2.pow(step.t));
    for (let i = 0; i < size; i++) {
      const g = new D(at(step.grads, i, 'grads'));
      const m = beta1.times(at(mState, i, 'm')).plus(new D(1).minus(beta1).times(g));
      const v = beta2.times(at(vState, i, 'v')).plus(new D(1).minus(beta2).times(g.times(g)));
      const update = lr.times(m.div(b1)).div(v.div(b2).sqrt().plus(eps));
      Math.fround(new D(at(step.params, i, 'params')).minus(update).toNumber());
    }
  };
  const bench = new Bench({ time, iterations: 2 });
  bench.add('fast', () => oracleRuleOf('adam').step(config, step));
  bench.add('decimal', () => withCertifyStages('decimal', () => oracleRuleOf('adam').step(config, step)));
  bench.add('plain', plainAdam);
  await bench.run();
  const mp = mpmathRate(config, step);
  const adamRows = [
    ['certified, float64 stage first', fmt(rate(bench, 'fast', size))],
    ['certified, decimal ladder alone', fmt(rate(bench, 'decimal', size))],
    ['decimal.js at 40 digits, not certified', fmt(rate(bench, 'plain', size))],
    ['mpmath at 256 bits, not certified', mp === undefined ? 'not available' : fmt(mp)],
  ];
  console.log(`\nAdam (pytorch preset), one step of ${size} elements at t = 10, element-steps per second\n`);
  console.log(renderTable(['implementation', 'element-steps/s'], adamRows));
}

/** The state slot `name` of an Adam step (m or v). */
function stateSlot(step: StepInput, name: string): Float32Array {
  const slot = step.state[name];
  if (slot === undefined) throw new Error(`the step has no state slot ${name}`);
  return slot;
}

/** mpmath's element-steps per second for the same Adam step, timed inside Python; undefined without it. */
function mpmathRate(config: Configuration, step: StepInput): number | undefined {
  const script = String.raw`
import json, sys, time
from mpmath import mp, mpf, sqrt
mp.prec = 256
d = json.load(sys.stdin)
h = {k: mpf(v) for k, v in d['hyper'].items()}
t = d['t']
start = time.perf_counter()
b1 = 1 - h['beta1'] ** t
b2 = 1 - h['beta2'] ** t
for p, g, m, v in zip(d['params'], d['grads'], d['m'], d['v']):
    g = mpf(g)
    m = h['beta1'] * m + (1 - h['beta1']) * g
    v = h['beta2'] * v + (1 - h['beta2']) * g * g
    float(mpf(p) - h['lr'] * (m / b1) / (sqrt(v / b2) + h['eps']))
print(len(d['params']) / (time.perf_counter() - start))
`;
  const payload = JSON.stringify({
    hyper: config.hyper,
    t: step.t,
    params: [...step.params],
    grads: [...step.grads],
    m: [...stateSlot(step, 'm')],
    v: [...stateSlot(step, 'v')],
  });
  const r = spawnSync('/usr/bin/python3', ['-c', script], { input: payload, encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : undefined;
}

// The share of outputs the fast stage leaves to the decimal stage on the one-step property's cases.
const shares: string[][] = [];
for (const { entry, preset } of pairs) {
  resetCertifyStatistics();
  const rule = oracleRuleOf(entry.name);
  for (const c of fc.sample(stepCase(entry, preset), { numRuns: cases, seed })) rule.step(c.config, c.input);
  for (const [label, counts] of Object.entries(certifyStatistics())) {
    const fell = Object.values(counts.fallThrough).reduce((s, n) => s + n, 0);
    const share = fallThroughShare(counts);
    shares.push([
      entry.name,
      preset,
      label,
      String(counts.fast + counts.refined + counts.rational + counts.bigFloat + fell),
      String(counts.refined),
      String(counts.rational),
      String(counts.bigFloat),
      String(fell),
      share === 0 ? '0' : share.toExponential(2),
    ]);
  }
}
console.log(`\nFall-through to the decimal stage on ${cases} one-step cases per rule and preset (seed ${seed})\n`);
console.log(
  renderTable(
    ['rule', 'preset', 'computation', 'outputs', 'refined', 'by rationals', 'by big floats', 'to decimal', 'share'],
    shares,
  ),
);
