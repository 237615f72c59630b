// The Adam family (Adam, AdamW, AMSGrad) in plain JavaScript, written from the papers and PyTorch's
// documentation (the algorithm boxes of torch.optim.Adam and torch.optim.AdamW): every element in
// float64, each state slot and parameter stored as float32 once at the end of the step.
//
//   g ← g + λ θ (Adam under PyTorch, λ ≠ 0)                 θ ← θ (1 − α λ) (AdamW, PyTorch)
//   m ← β1 m + (1 − β1) g,   v ← β2 v + (1 − β2) g²,         AMSGrad: v̂max ← max(v̂max, v)
//   θ ← θ − α (m / (1 − β1^t)) / (√(v / (1 − β2^t)) + ε)     (no bias correction in Reddi et al.'s AMSGrad)
//   AdamW's Algorithm 2 (the paper): θ ← θ − α m̂ / (√v̂ + ε) − λ θ
//
// `bug` plants one classic mistake (the table below); undefined is the honest implementation.

/** The rules and presets this family implements. */
export const rules = { adam: ['pytorch', 'paper'], adamw: ['pytorch', 'paper'], amsgrad: ['pytorch', 'paper'] };

/** The classic bugs: where each shows (rule, preset) and what it does. */
export const bugs = {
  'bias-t-minus-1': { rule: 'adam', preset: 'pytorch', what: 'bias correction with t − 1: 1 − β^(t−1)' },
  'eps-inside-root': { rule: 'adam', preset: 'pytorch', what: 'ε inside the root: √(v̂ + ε)' },
  'no-bias-correction': { rule: 'adam', preset: 'pytorch', what: 'no bias correction: m / (√v + ε)' },
  'old-m': { rule: 'adam', preset: 'pytorch', what: 'the old m in the numerator' },
  'weight-decay-ignored': { rule: 'adamw', preset: 'pytorch', what: 'weight decay ignored' },
  'coupled-for-decoupled': { rule: 'adamw', preset: 'pytorch', what: 'coupled (g + λθ) where decoupled is meant' },
  'unscaled-decay': { rule: 'adamw', preset: 'pytorch', what: 'θ − λθ where PyTorch decays by θ(1 − αλ)' },
  'betas-swapped': { rule: 'adam', preset: 'pytorch', what: 'β1 and β2 swapped' },
  sign: { rule: 'adam', preset: 'pytorch', what: 'a sign error: θ + α m̂ / (√v̂ + ε)' },
  'float32-running-product': {
    rule: 'adam',
    preset: 'pytorch',
    what: 'β^t as a float32 running product where the preset computes it exactly',
  },
  'lr-twice': { rule: 'adam', preset: 'pytorch', what: 'α applied twice' },
  'v-with-g': { rule: 'adam', preset: 'pytorch', what: 'v updated with g instead of g²' },
  'no-eps': { rule: 'adam', preset: 'pytorch', what: '√v̂ without ε' },
  'amsgrad-ignored': { rule: 'amsgrad', preset: 'pytorch', what: 'AMSGrad divides by v, not by its running maximum' },
  'amsgrad-bias-corrected': {
    rule: 'amsgrad',
    preset: 'paper',
    what: "bias correction in Reddi et al.'s AMSGrad, which has none",
  },
};

/** float32(β)^t as a float32 running product (TensorFlow.js keeps β^t so). */
function runningProduct(beta, t) {
  const b = Math.fround(beta);
  let p = b;
  for (let k = 2; k <= t; k += 1) p = Math.fround(p * b);
  return p;
}

/** The state the rule starts from: zero moments (and a zero running maximum for AMSGrad). */
export function init(rule, hyper, flags, n) {
  const state = { m: new Float32Array(n), v: new Float32Array(n) };
  if (flags.amsgrad) state.vmax = new Float32Array(n);
  return state;
}

/** One step of `rule` with hyperparameters `hyper` (numbers), the preset's `flags` and one `bug`. */
export function step(rule, hyper, flags, { params, grads, state, t }, bug) {
  const { lr, beta1, beta2, eps } = hyper;
  const [b1, b2] = bug === 'betas-swapped' ? [beta2, beta1] : [beta1, beta2];
  const lambda = hyper.weightDecay ?? 0;
  const decay = bug === 'weight-decay-ignored' || lambda === 0 ? 'none' : flags.weightDecay;
  const coupled = decay === 'coupled' || (bug === 'coupled-for-decoupled' && decay !== 'none');
  const unscaled = decay === 'decoupled-unscaled' || (bug === 'unscaled-decay' && decay === 'decoupled');
  const power = (b) =>
    bug === 'float32-running-product' ? runningProduct(b, t) : b ** (bug === 'bias-t-minus-1' ? t - 1 : t);
  const corrected =
    bug === 'amsgrad-bias-corrected' || (flags.biasCorrection !== 'none' && bug !== 'no-bias-correction');
  const [c1, c2] = corrected ? [1 - power(b1), 1 - power(b2)] : [1, 1];
  const n = params.length;
  const out = { params: new Float32Array(n), m: new Float32Array(n), v: new Float32Array(n) };
  if (flags.amsgrad) out.vmax = new Float32Array(n);
  for (let i = 0; i < n; i += 1) {
    const theta = params[i];
    const g = coupled ? grads[i] + lambda * theta : grads[i];
    const m = b1 * state.m[i] + (1 - b1) * g;
    const v = b2 * state.v[i] + (1 - b2) * (bug === 'v-with-g' ? g : g * g);
    let second = v;
    if (flags.amsgrad) {
      out.vmax[i] = Math.max(state.vmax[i], v);
      if (bug !== 'amsgrad-ignored') second = Math.max(state.vmax[i], v);
    }
    const numerator = (bug === 'lr-twice' ? lr * lr : lr) * ((bug === 'old-m' ? state.m[i] : m) / c1);
    const root =
      bug === 'eps-inside-root' ? Math.sqrt(second / c2 + eps) : Math.sqrt(second / c2) + (bug === 'no-eps' ? 0 : eps);
    const start = !coupled && !unscaled && decay === 'decoupled' ? theta * (1 - lr * lambda) : theta;
    const moved = bug === 'sign' ? start + numerator / root : start - numerator / root;
    out.params[i] = unscaled && !coupled ? moved - lambda * theta : moved;
    out.m[i] = m;
    out.v[i] = v;
  }
  const { params: next, ...slots } = out;
  return { params: next, state: slots };
}
