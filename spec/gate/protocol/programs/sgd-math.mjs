// The arithmetic of the gate's test program (./sgd.mjs), written independently of optim-oracle from the
// frameworks' formulas, each float32 operation rounded with Math.fround, on plain numbers (float32
// values). The in-process gate's tests (../extensions.spec.ts) run the same functions, so that both
// ways of judging see the same implementation. `bug` plants one defect:
//   sign           θ + α g instead of θ − α g
//   schedule-step  update t takes the schedule's value at t instead of t − 1
//   decay-lr       Keras's weight decay θ − θ · wd, without the learning rate
//   clip-global    clip_grad_norm_ scales each gradient by its own norm instead of the global one
const f = Math.fround;

/**
 * The learning rate of exponential decay at step t (≥ 0): PyTorch's StepLR (get_lr: α ← α γ at every
 * multiple of s; closed form: α₀ γ^⌊t/s⌋; in Python floats, or each operation rounded to float32) and
 * Keras's ExponentialDecay (α₀ γ^(t/s) in float32, t/s floored with staircase).
 */
function exponentialDecay({ hyper, flags }, t) {
  const s = Number(hyper.decaySteps);
  if (flags.implementation === 'keras') {
    const p = f(f(t) / f(s));
    return f(f(Number(hyper.lr)) * f(Math.pow(f(Number(hyper.decayRate)), flags.staircase ? Math.floor(p) : p)));
  }
  const r = flags.arithmetic === 'float32' ? f : (x) => x;
  const base = r(Number(hyper.lr));
  const gamma = r(Number(hyper.decayRate));
  if (flags.implementation === 'torch-closed-form') return r(base * r(Math.pow(gamma, Math.floor(t / s))));
  let lr = base;
  for (let k = 1; k <= t; k++) if (k % s === 0) lr = r(lr * gamma);
  return lr;
}

/** The learning rate of update t (from 1): the constant lr, or the schedule's value at t − 1. */
export function learningRate(hyper, schedule, t, bug) {
  if (schedule === undefined) return Number(hyper.lr);
  if (schedule.schedule !== 'exponential-decay') throw new Error(`schedule ${schedule.schedule} is not implemented`);
  return exponentialDecay(schedule, bug === 'schedule-step' ? t : t - 1);
}

/** SGD: θ − α (g + λ θ), λ = 0 skipped (PyTorch), α the learning rate rounded to float32. */
export function sgd(hyper, lr, params, grads, bug) {
  const alpha = f(lr);
  const wd = f(Number(hyper.weightDecay ?? '0'));
  return params.map((theta, i) => {
    const g = wd === 0 ? grads[i] : f(grads[i] + f(wd * theta));
    return bug === 'sign' ? f(theta + f(alpha * g)) : f(theta - f(alpha * g));
  });
}

const sumOfSquares = (g) => g.reduce((s, x) => f(s + f(x * x)), 0);
const norm = (g) => f(Math.sqrt(sumOfSquares(g)));

/**
 * A clipping of the list of gradients: Keras's clipnorm ((g c)/max(‖g‖, c) per variable) and
 * global_clipnorm (g · (c · min(1/N, 1/c) + (N − N)), 1/c a Python float), PyTorch's clip_grad_norm_
 * (g · min(1/(N + 10⁻⁶) · c, 1), N the norm of the per-variable norms), and value clipping.
 */
export function clip({ transform, hyper, flags }, grads, bug) {
  if (transform === 'clip-by-value') {
    const v = f(Number(hyper.clipValue));
    return grads.map((g) => g.map((x) => Math.min(Math.max(x, -v), v)));
  }
  if (transform === 'clip-by-norm') {
    const c = f(Number(hyper.clipnorm));
    return grads.map((g) => {
      const d = Math.max(norm(g), c);
      return g.map((x) => f(f(x * c) / d));
    });
  }
  const c = f(Number(hyper.maxNorm));
  if (flags.form === 'keras') {
    const n = f(Math.sqrt(grads.reduce((s, g) => f(s + sumOfSquares(g)), 0)));
    const scale = f(f(c * Math.min(f(1 / n), f(1 / Number(hyper.maxNorm)))) + (n - n));
    return grads.map((g) => g.map((x) => f(x * scale)));
  }
  const norms = grads.map(norm);
  const total = f(Math.sqrt(norms.reduce((s, n) => f(s + f(n * n)), 0)));
  const coefficient = (n) => Math.min(f(f(1 / f(n + f(1e-6))) * c), 1);
  return grads.map((g, i) => {
    const k = coefficient(bug === 'clip-global' ? norms[i] : total);
    return g.map((x) => f(x * k));
  });
}

/** The clipping Keras's clip option names. */
const kerasClip = ({ option, threshold }) =>
  option === 'clipnorm'
    ? { transform: 'clip-by-norm', hyper: { clipnorm: threshold }, flags: {} }
    : option === 'clipvalue'
      ? { transform: 'clip-by-value', hyper: { clipValue: threshold }, flags: {} }
      : { transform: 'clip-by-global-norm', hyper: { maxNorm: threshold }, flags: { form: 'keras' } };

/**
 * One step of Keras 3's optimizer wrapper around SGD on a list of variables (each { params, grads,
 * average? }): clip, decay θ − (θ · wd) · lr, SGD, EMA m · avg + (1 − m) · θ' (m = 0 at iteration 0),
 * overwrite θ ← avg every `overwriteFrequency` steps. Every stage's output, per variable.
 */
export function kerasStep({ hyper, keras, schedule, iterations, variables }, bug) {
  const grads = variables.map((v) => v.grads);
  const clipped = keras.clip === undefined ? grads : clip(kerasClip(keras.clip), grads, bug);
  const lr = learningRate(hyper, schedule, iterations + 1, bug);
  const wd = f(Number(keras.weightDecay ?? '0'));
  const decayRate = bug === 'decay-lr' ? 1 : f(lr);
  const m = keras.ema === undefined || iterations === 0 ? 0 : f(Number(keras.ema.momentum));
  const frequency = keras.ema?.overwriteFrequency;
  const overwrite = frequency !== undefined && (iterations + 1) % frequency === 0;
  return variables.map((v, i) => {
    const decayed = keras.weightDecay === undefined ? v.params : v.params.map((x) => f(x - f(f(x * wd) * decayRate)));
    const stepped = sgd(hyper, lr, decayed, clipped[i], bug);
    const average =
      keras.ema === undefined ? undefined : stepped.map((x, k) => f(f(m * v.average[k]) + f(f(1 - m) * x)));
    return { clipped: clipped[i], decayed, stepped, average, params: overwrite ? average : stepped };
  });
}
