// A program under test for the gate's protocol (docs/protocol.md): plain SGD in float32, written
// independently of optim-oracle (θ ← θ − α (g + λ θ), each operation rounded with Math.fround), with
// switches that break it in the ways the gate must report:
//   --bug sign          θ + α g (a wrong implementation: the gate must find a defect, exit 1)
//   --crash-after N     exit with status 7 on request N
//   --hang-after N      stop answering from request N on
//   --garbage-after N   answer request N with a line that is not JSON
//   --wrong-length      answer one parameter too many
//   --wrong-id          answer with another id
//   --bad-hello         greet with protocol version 2
//   --reorder           answer a batch's steps in pairs, the later first (allowed: answers carry ids)
import { createInterface } from 'node:readline';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : Number(args[i + 1] ?? '0');
};
const has = (name) => args.includes(name);

const f = Math.fround;
const view = new DataView(new ArrayBuffer(4));
const fromBits = (text) => (view.setUint32(0, Number.parseInt(text.slice(2), 16)), view.getFloat32(0));
const toBits = (x) => {
  if (Number.isNaN(x)) return '0x7fc00000';
  view.setFloat32(0, x);
  return `0x${view.getUint32(0).toString(16).padStart(8, '0')}`;
};
const write = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);

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
    write({
      type: 'hello',
      protocol,
      implementation: 'sgd.mjs',
      rules: [{ rule: 'sgd', presets: ['paper', 'pytorch', 'keras', 'tfjs'] }],
    });
    return;
  }
  requests += 1;
  if (requests === option('--crash-after')) process.exit(7);
  if (option('--hang-after') !== undefined && requests >= option('--hang-after')) return;
  if (requests === option('--garbage-after')) return void process.stdout.write('Traceback (most recent call last):\n');
  const id = has('--wrong-id') ? message.id + 1 : message.id;
  if (message.type === 'init') return void write({ id, state: {} });
  const lr = f(Number(message.hyper.lr));
  const wd = f(Number(message.hyper.weightDecay ?? '0'));
  const params = message.params.map((p, i) => {
    const theta = fromBits(p);
    const g0 = fromBits(message.grads[i]);
    const g = wd === 0 ? g0 : f(g0 + f(wd * theta));
    return toBits(has('--bug') ? f(theta + f(lr * g)) : f(theta - f(lr * g)));
  });
  if (has('--wrong-length')) params.push('0x00000000');
  answer({ id, params, state: {} });
});
