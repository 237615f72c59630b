// SGD, momentum and Nesterov momentum in plain JavaScript, written from the survey (Ruder 2016,
// sections 2 and 4.1–4.2) and PyTorch's documentation (the algorithm box of torch.optim.SGD): every
// element in float64, each state slot and parameter stored as float32 once at the end of the step.
//
//   PyTorch: g ← g + λ θ (λ ≠ 0);  b ← g at t = 1, else b ← μ b + (1 − d) g;  θ ← θ − α b
//            Nesterov: θ ← θ − α (g + μ b);  μ = 0: θ ← θ − α g (no buffer)
//   paper:   v ← μ v + α g;  θ ← θ − v;   Nesterov (Bengio et al. 2013): θ ← θ − μ v − α g
//
// `bug` plants one classic mistake (the table below); undefined is the honest implementation.

/** The rules and presets this family implements. */
export const rules = { sgd: ['pytorch', 'paper'], momentum: ['pytorch', 'paper'], nesterov: ['pytorch', 'paper'] };

/** The classic bugs: where each shows (rule, preset) and what it does. */
export const bugs = {
  sign: { rule: 'sgd', preset: 'paper', what: 'a sign error: θ + α g' },
  'lr-twice': { rule: 'sgd', preset: 'pytorch', what: 'α applied twice' },
  'weight-decay-ignored': { rule: 'sgd', preset: 'pytorch', what: 'weight decay ignored' },
  'weight-decay-sign': { rule: 'sgd', preset: 'pytorch', what: 'g − λ θ instead of g + λ θ' },
  'dampening-ignored': { rule: 'momentum', preset: 'pytorch', what: 'momentum buffer not dampened: b ← μ b + g' },
  'dampened-first-step': {
    rule: 'momentum',
    preset: 'pytorch',
    what: 'b ← (1 − d) g at t = 1, where PyTorch copies g',
  },
  'old-buffer': { rule: 'momentum', preset: 'pytorch', what: 'θ moves by the old buffer' },
  'nesterov-missing': { rule: 'nesterov', preset: 'pytorch', what: 'Nesterov look-ahead missing: θ ← θ − α b' },
  'nesterov-old-buffer': { rule: 'nesterov', preset: 'pytorch', what: 'Nesterov with the old buffer: g + μ b_old' },
  'alpha-outside-buffer': {
    rule: 'momentum',
    preset: 'paper',
    what: 'v ← μ v + g, θ ← θ − α v (α outside the buffer)',
  },
  'buffer-not-decayed': { rule: 'momentum', preset: 'paper', what: 'v ← v + α g (μ ignored)' },
  'nesterov-paper-old-v': { rule: 'nesterov', preset: 'paper', what: 'θ ← θ − μ v_old − α g (the old v)' },
};

/** The state the rule starts from: a zero buffer (none for SGD). */
export function init(rule, hyper, flags, n) {
  return rule === 'sgd' ? {} : { buffer: new Float32Array(n) };
}

/** One step of `rule` with hyperparameters `hyper` (numbers), the preset's `flags` and one `bug`. */
export function step(rule, hyper, flags, { params, grads, state, t }, bug) {
  const alpha = bug === 'lr-twice' ? hyper.lr * hyper.lr : hyper.lr;
  const lambda = bug === 'weight-decay-ignored' ? 0 : (hyper.weightDecay ?? 0);
  const mu = hyper.momentum ?? 0;
  const d = bug === 'dampening-ignored' ? 0 : (hyper.dampening ?? 0);
  const n = params.length;
  const next = new Float32Array(n);
  const buffer = new Float32Array(n);
  for (let i = 0; i < n; i += 1) {
    const theta = params[i];
    const g = lambda === 0 ? grads[i] : grads[i] + (bug === 'weight-decay-sign' ? -lambda : lambda) * theta;
    if (rule === 'sgd') {
      next[i] = bug === 'sign' ? theta + alpha * g : theta - alpha * g;
    } else if (flags.form === 'pytorch') {
      if (mu === 0) {
        buffer[i] = state.buffer[i];
        next[i] = theta - alpha * g;
        continue;
      }
      const first = t === 1 ? (bug === 'dampened-first-step' ? (1 - d) * g : g) : undefined;
      const b = first ?? mu * state.buffer[i] + (1 - d) * g;
      const used = bug === 'old-buffer' || bug === 'nesterov-old-buffer' ? state.buffer[i] : b;
      const direction = flags.nesterov && bug !== 'nesterov-missing' ? g + mu * used : used;
      buffer[i] = b;
      next[i] = theta - alpha * direction;
    } else {
      const v =
        bug === 'alpha-outside-buffer'
          ? mu * state.buffer[i] + g
          : (bug === 'buffer-not-decayed' ? 1 : mu) * state.buffer[i] + alpha * g;
      const moved = bug === 'alpha-outside-buffer' ? alpha * v : v;
      const look = bug === 'nesterov-paper-old-v' ? state.buffer[i] : v;
      buffer[i] = v;
      next[i] = flags.nesterov ? theta - mu * look - alpha * g : theta - moved;
    }
  }
  return { params: next, state: rule === 'sgd' ? {} : { buffer } };
}
