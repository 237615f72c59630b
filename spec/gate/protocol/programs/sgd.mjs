// A program under test for the gate's protocol (docs/protocol.md): plain SGD in float32, written
// independently of optim-oracle (θ ← θ − α (g + λ θ), each operation rounded with Math.fround; the
// arithmetic is ./sgd-math.mjs), with switches that break it in the ways the gate must report:
//   --extensions        also announce exponential decay (PyTorch's and Keras's), Keras's wrapper around
//                       SGD, and the clippings (without it: the version-1 hello of plain steps)
//   --bug B             plant bug B of ./sgd-math.mjs: sign (θ + α g), schedule-step, decay-lr or
//                       clip-global (a wrong implementation: the gate must find a defect, exit 1)
//   --crash-after N     exit with status 7 on request N
//   --hang-after N      stop answering from request N on
//   --garbage-after N   answer request N with a line that is not JSON
//   --wrong-length      answer one parameter (or clipped gradient element) too many
//   --bad-option        announce exponential decay with a flag it does not have (arithmetc)
//   --wrong-id          answer with another id
//   --bad-hello         greet with protocol version 2
//   --reorder           answer a batch's steps in pairs, the later first (allowed: answers carry ids)
import { createInterface } from 'node:readline';
import { clip, kerasStep, learningRate, sgd } from './sgd-math.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : Number(args[i + 1] ?? '0');
};
const has = (name) => args.includes(name);
const bug = has('--bug') ? args[args.indexOf('--bug') + 1] : undefined;
const view = new DataView(new ArrayBuffer(4));
const fromBits = (text) => (view.setUint32(0, Number.parseInt(text.slice(2), 16)), view.getFloat32(0));
const toBits = (x) => {
  if (Number.isNaN(x)) return '0x7fc00000';
  view.setFloat32(0, x);
  return `0x${view.getUint32(0).toString(16).padStart(8, '0')}`;
};
const write = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);
const numbers = (xs) => xs.map(fromBits);
const allBits = (xs) => xs.map(toBits);

/** What --extensions announces. */
const extensions = {
  rule: {
    schedules: [
      has('--bad-option')
        ? { schedule: 'exponential-decay', options: { arithmetc: ['float64'] } }
        : 'exponential-decay',
    ],
    kerasWrapper: true,
  },
  transforms: [
    { transform: 'clip-by-norm', presets: ['keras'] },
    { transform: 'clip-by-global-norm', presets: ['keras', 'pytorch'] },
    { transform: 'clip-by-value', presets: ['keras', 'pytorch'] },
  ],
};

/** The answer to a Keras wrapper step: every stage of every variable, as bit patterns. */
function kerasAnswer(message) {
  const variables = message.variables.map((v) => ({
    params: numbers(v.params),
    grads: numbers(v.grads),
    ...(v.average === undefined ? {} : { average: numbers(v.average) }),
  }));
  return kerasStep({ ...message, variables }, bug).map((s) => ({
    clipped: allBits(s.clipped),
    decayed: allBits(s.decayed),
    stepped: allBits(s.stepped),
    state: {},
    ...(s.average === undefined ? {} : { average: allBits(s.average) }),
    params: allBits(s.params),
  }));
}

// --reorder: a step's answer waits for the next request (or 20 ms); then the later is written first.
let held;
const flush = () => {
  if (held !== undefined) write(held);
  held = undefined;
};
const answer = (value) => {
  if (!has('--reorder')) return write(value);
  if (held === undefined) {
    held = value;
    setTimeout(flush, 20);
  } else {
    write(value);
    flush();
  }
};

let requests = 0;
createInterface({ input: process.stdin }).on('line', (line) => {
  const message = JSON.parse(line);
  if (message.type === 'hello') {
    const protocol = has('--bad-hello') ? 'optim-oracle-gate/2' : 'optim-oracle-gate/1';
    const rule = { rule: 'sgd', presets: ['paper', 'pytorch', 'keras', 'tfjs'] };
    write({
      type: 'hello',
      protocol,
      implementation: 'sgd.mjs',
      ...(has('--extensions')
        ? { rules: [{ ...rule, ...extensions.rule }], transforms: extensions.transforms }
        : { rules: [rule] }),
    });
    return;
  }
  requests += 1;
  if (requests === option('--crash-after')) process.exit(7);
  if (option('--hang-after') !== undefined && requests >= option('--hang-after')) return;
  if (requests === option('--garbage-after')) return void process.stdout.write('Traceback (most recent call last):\n');
  const id = has('--wrong-id') ? message.id + 1 : message.id;
  if (message.type === 'init') return void write({ id, state: {} });
  if (message.type === 'transform') {
    const grads = clip(message, message.grads.map(numbers), bug).map(allBits);
    if (has('--wrong-length')) grads[0].push('0x00000000');
    return void write({ id, grads });
  }
  if (message.keras !== undefined) {
    const variables = kerasAnswer(message);
    if (has('--wrong-length')) variables[0].params.push('0x00000000');
    return void write({ id, variables });
  }
  const lr = learningRate(message.hyper, message.schedule, message.t, bug);
  const params = allBits(sgd(message.hyper, lr, numbers(message.params), numbers(message.grads), bug));
  if (has('--wrong-length')) params.push('0x00000000');
  answer({ id, params, state: {} });
});
