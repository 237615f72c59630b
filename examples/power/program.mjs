// A program for the gate's protocol (docs/protocol.md) serving one family of implementations.mjs,
// honest or with one bug planted:
//   node examples/power/program.mjs --family adam [--bug eps-inside-root]
import { createInterface } from 'node:readline';
import { families, numbers } from './implementations.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const name = option('--family') ?? 'adam';
const bug = option('--bug');
const family = families[name];
if (family === undefined || (bug !== undefined && family.bugs[bug] === undefined)) {
  process.stderr.write(`unknown --family ${name} or --bug ${bug}\n`);
  process.exit(2);
}

const view = new DataView(new ArrayBuffer(4));
const fromBits = (text) => (view.setUint32(0, Number.parseInt(text.slice(2), 16)), view.getFloat32(0));
const toBits = (x) => {
  if (Number.isNaN(x)) return '0x7fc00000';
  view.setFloat32(0, x);
  return `0x${view.getUint32(0).toString(16).padStart(8, '0')}`;
};
const decode = (list) => Float32Array.from(list, fromBits);
const encode = (array) => Array.from(array, toBits);
const write = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  const message = JSON.parse(line);
  if (message.type === 'hello') {
    const rules = Object.entries(family.rules).map(([rule, presets]) => ({ rule, presets }));
    const implementation = bug === undefined ? `${name} (correct)` : `${name} --bug ${bug}`;
    return void write({ type: 'hello', protocol: 'optim-oracle-gate/1', implementation, rules });
  }
  const hyper = numbers(message.hyper);
  if (message.type === 'init') {
    const state = family.init(message.rule, hyper, message.flags, message.params.length);
    return void write({
      id: message.id,
      state: Object.fromEntries(Object.entries(state).map(([k, v]) => [k, encode(v)])),
    });
  }
  const input = {
    t: message.t,
    params: decode(message.params),
    grads: decode(message.grads),
    state: Object.fromEntries(Object.entries(message.state).map(([k, v]) => [k, decode(v)])),
  };
  const out = family.step(message.rule, hyper, message.flags, input, bug);
  const state = Object.fromEntries(Object.entries(out.state).map(([k, v]) => [k, encode(v)]));
  write({ id: message.id, params: encode(out.params), state });
});
