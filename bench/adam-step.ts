/**
 * One Adam step on 10^6 float32 parameters, side by side in one run: this project's production step,
 * tfjs's own `tf.train.adam` on the same backend, and a memory-bandwidth floor (a loop that reads four
 * float32 arrays of that size — θ, g, m, v — and writes three). Prints medians and ratios to the floor.
 *
 * Run: npm run bench [-- --backend wasm|cpu|tensorflow] [--repeats N]
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend } from '../src/production/tfjs/backend.js';
import { createOptimizer } from '../src/registry/index.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string' },
    repeats: { type: 'string', default: '30' },
    size: { type: 'string', default: '1000000' },
  },
});
const n = Number(values.size);
const repeats = Number(values.repeats);
const backend = await useBackend(values.backend);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s[Math.floor(s.length / 2)];
  if (mid === undefined) throw new Error('no samples: --repeats must be at least 1');
  return mid;
}

function time(run: () => void): number {
  for (let i = 0; i < 3; i++) run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const random = (scale: number) => Float32Array.from({ length: n }, () => (Math.random() - 0.5) * scale);

// The floor: read θ, g, m, v; write θ, m, v (the traffic of any Adam step), in plain JavaScript.
const theta = random(2),
  grad = random(0.2),
  m = random(0.02),
  v = random(0.02).map(Math.abs);
const floorMs = time(() => {
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
});

// Production: the pure step; the caller disposes what it replaces.
const opt = createOptimizer('adam', { preset: 'tfjs' });
let params: tf.Tensor = tf.tensor1d(random(2));
let state = opt.init(params);
const grads = tf.tensor1d(random(0.2));
let t = 0;
const productionMs = time(() => {
  t += 1;
  const next = opt.step(params, grads, state, t);
  next.params.dataSync(); // wait for the backend
  tf.dispose([params, ...Object.values(state)]);
  params = next.params;
  state = next.state;
});

// tfjs's own optimizer on a variable.
const variable = tf.variable(tf.tensor1d(random(2)));
const adam = tf.train.adam(0.001, 0.9, 0.999);
const tfjsMs = time(() => {
  adam.applyGradients([{ name: variable.name, tensor: grads }]);
  variable.dataSync();
});

const row = (name: string, ms: number) =>
  `${name.padEnd(34)} ${ms.toFixed(2).padStart(9)} ms  ${(ms / floorMs).toFixed(2).padStart(6)}× floor`;
console.log(`Adam step on ${n} float32 parameters, backend ${backend}, median of ${repeats}`);
console.log(row('memory floor (read 4, write 3)', floorMs));
console.log(row('optim-oracle production (tfjs preset)', productionMs));
console.log(row('tf.train.adam', tfjsMs));
console.log(`production / tf.train.adam: ${(productionMs / tfjsMs).toFixed(2)}`);
