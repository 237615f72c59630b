/**
 * One Adam step on 10^6 float32 parameters, side by side in one run (tinybench): this project's
 * production step, tfjs's own `tf.train.adam` on the same backend, and a memory-bandwidth floor (a
 * loop that reads four float32 arrays of that size — θ, g, m, v — and writes three). Each round times
 * the three tasks, production and `tf.train.adam` taking turns at going first, so that neither always
 * runs after the other's garbage and heap growth; it prints each round's medians, their ratios to the
 * floor, and production's ratio to `tf.train.adam`, then that ratio's median and range over the rounds.
 *
 * Run: npm run bench [-- --backend wasm|cpu|tensorflow] [--rounds N] [--repeats N] [--time MS] [--size N]
 */
import * as tf from '@tensorflow/tfjs-core';
import { Bench } from 'tinybench';
import { useBackend } from '../src/production/tfjs/backend.js';
import { createOptimizer } from '../src/registry/index.js';
import { renderTable } from '../src/runs/table.js';
import { benchOptions } from './options.js';

const values = benchOptions(
  'npm run bench --',
  'Times one Adam step (tfjs preset) of production and of tf.train.adam on one backend, beside a memory-bandwidth floor.',
  {
    backend: { kind: 'text', help: 'wasm, cpu or tensorflow (default: the first available)' },
    repeats: { kind: 'count', min: 1, default: 30, help: 'at least this many timed steps per task' },
    time: { kind: 'count', min: 1, default: 1000, help: 'at least this many milliseconds per task' },
    size: { kind: 'count', min: 1, default: 1_000_000, help: 'parameters per step' },
    rounds: {
      kind: 'count',
      min: 1,
      default: 4,
      help: 'rounds of the three tasks, production and tf.train.adam taking turns at going first',
    },
  },
);
const n = values.size;
const backend = await useBackend(values.backend);

const random = (scale: number) => Float32Array.from({ length: n }, () => (Math.random() - 0.5) * scale);

// The floor: read θ, g, m, v; write θ, m, v (the traffic of any Adam step), in plain JavaScript.
const theta = random(2),
  grad = random(0.2),
  m = random(0.02),
  v = random(0.02).map(Math.abs);
const floor = () => {
  /* eslint-disable @typescript-eslint/no-non-null-assertion -- every array has length n; bare indexing
     keeps this loop the fastest plain JavaScript can do, which is what a floor must be */
  for (let i = 0; i < n; i++) {
    const g = grad[i]!;
    const mi = m[i]! + g;
    const vi = v[i]! + g;
    m[i] = mi;
    v[i] = vi;
    theta[i] = theta[i]! - mi * vi;
  }
  /* eslint-enable @typescript-eslint/no-non-null-assertion */
};

// Production: the pure step; the caller disposes what it replaces.
const opt = createOptimizer('adam', { preset: 'tfjs' });
let params: tf.Tensor = tf.tensor1d(random(2));
let state = opt.init(params);
const grads = tf.tensor1d(random(0.2));
let t = 0;
const productionStep = () => {
  t += 1;
  const next = opt.step(params, grads, state, t);
  next.params.dataSync(); // wait for the backend
  tf.dispose([params, ...Object.values(state)]);
  params = next.params;
  state = next.state;
};

// tfjs's own optimizer on a variable.
const variable = tf.variable(tf.tensor1d(random(2)));
const adam = tf.train.adam(0.001, 0.9, 0.999);
const tfjsStep = () => {
  adam.applyGradients([{ name: variable.name, tensor: grads }]);
  variable.dataSync();
};

/** A task's median time per step (ms), or an error naming the task that did not complete. */
function median(bench: Bench, name: string): number {
  const r = bench.getTask(name)?.result;
  if (r === undefined || r.state !== 'completed') throw new Error(`benchmark task '${name}' did not complete`);
  return r.latency.p50;
}

const FLOOR = 'memory floor';
const PRODUCTION = 'production';
const TFJS = 'tf.train.adam';

/** One round: the floor, then production and tf.train.adam in the order given; the three medians, in that order of names. */
async function round(productionFirst: boolean): Promise<[number, number, number]> {
  const bench = new Bench({ time: values.time, iterations: values.repeats, warmup: true, warmupIterations: 3 });
  bench.add(FLOOR, floor);
  const steps = [
    [PRODUCTION, productionStep],
    [TFJS, tfjsStep],
  ] as const;
  for (const [name, fn] of productionFirst ? steps : [...steps].reverse()) bench.add(name, fn);
  await bench.run();
  return [median(bench, FLOOR), median(bench, PRODUCTION), median(bench, TFJS)];
}

const rows: string[][] = [];
const ratios: number[] = [];
for (let r = 0; r < values.rounds; r++) {
  const [f, p, j] = await round(r % 2 === 0);
  ratios.push(p / j);
  rows.push([
    String(r + 1),
    r % 2 === 0 ? 'production first' : 'tf.train.adam first',
    f.toFixed(2),
    p.toFixed(2),
    j.toFixed(2),
    `${(p / f).toFixed(2)}×`,
    `${(j / f).toFixed(2)}×`,
    (p / j).toFixed(2),
  ]);
}
console.log(`Adam step on ${n} float32 parameters, backend ${backend}: median ms per step of each task (tinybench)\n`);
console.log(
  renderTable(
    [
      'round',
      'order',
      'floor',
      'production',
      'tf.train.adam',
      'production/floor',
      'tf.train/floor',
      'production/tf.train',
    ],
    rows,
  ),
);
const sorted = [...ratios].sort((a, b) => a - b);
const middle = Math.floor(sorted.length / 2);
// An even count of rounds has two middle ratios: their mean.
const medianRatio =
  sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
console.log(
  `\nproduction / tf.train.adam: median ${medianRatio.toFixed(2)} of ${ratios.length} rounds, from ${(sorted[0] ?? NaN).toFixed(2)} to ${(sorted.at(-1) ?? NaN).toFixed(2)}`,
);
