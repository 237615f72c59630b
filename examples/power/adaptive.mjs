// Adagrad, RMSProp and AdaDelta in plain JavaScript, written from the papers (Duchi et al. 2011,
// Hinton's lecture 6e, Zeiler 2012 Algorithm 1) and PyTorch's documentation (the algorithm boxes of
// torch.optim.Adagrad, RMSprop, Adadelta): every element in float64, each state slot and parameter
// stored as float32 once at the end of the step. Under PyTorch g ← g + λ θ when λ ≠ 0.
//
//   Adagrad:  α_t = α / (1 + (t − 1) η);  G ← G + g²;  θ ← θ − α_t g / (√G + ε)   (paper: / √(G + ε))
//   RMSProp:  v ← ρ v + (1 − ρ) g²;  PyTorch: d = √v + ε, μ > 0: b ← μ b + g / d, θ ← θ − α b
//             paper (Hinton): d = √(v + ε), μ > 0: b ← μ b + α g / d, θ ← θ − b;  μ = 0: θ ← θ − α g / d
//   AdaDelta: E[g²] ← ρ E[g²] + (1 − ρ) g²;  Δ = √(E[Δ²] + ε) / √(E[g²] + ε) · g;
//             E[Δ²] ← ρ E[Δ²] + (1 − ρ) Δ²;  θ ← θ − α Δ
//
// `bug` plants one classic mistake (the table below); undefined is the honest implementation.

/** The rules and presets this family implements. */
export const rules = { adagrad: ['pytorch', 'paper'], rmsprop: ['pytorch', 'paper'], adadelta: ['pytorch', 'paper'] };

/** The classic bugs: where each shows (rule, preset) and what it does. */
export const bugs = {
  sign: { rule: 'adagrad', preset: 'paper', what: 'a sign error: θ + α g / √(G + ε)' },
  'adagrad-eps-inside': { rule: 'adagrad', preset: 'pytorch', what: 'ε inside the root where PyTorch adds it after' },
  'adagrad-old-accumulator': { rule: 'adagrad', preset: 'pytorch', what: 'divides by the old G' },
  'adagrad-lr-decay-ignored': { rule: 'adagrad', preset: 'pytorch', what: 'lr_decay ignored' },
  'adagrad-lr-decay-t': { rule: 'adagrad', preset: 'pytorch', what: 'α / (1 + t η) instead of (t − 1)' },
  'weight-decay-ignored': { rule: 'adagrad', preset: 'pytorch', what: 'weight decay ignored' },
  'rmsprop-rho-swapped': { rule: 'rmsprop', preset: 'pytorch', what: 'v ← (1 − ρ) v + ρ g²' },
  'rmsprop-v-with-g': { rule: 'rmsprop', preset: 'pytorch', what: 'v updated with g instead of g²' },
  'rmsprop-eps-inside': { rule: 'rmsprop', preset: 'pytorch', what: 'ε inside the root where PyTorch adds it after' },
  'rmsprop-momentum-ignored': { rule: 'rmsprop', preset: 'pytorch', what: 'momentum ignored' },
  'rmsprop-no-eps': { rule: 'rmsprop', preset: 'paper', what: '√v without ε' },
  'adadelta-previous-denominator': { rule: 'adadelta', preset: 'pytorch', what: 'divides by the previous E[g²]' },
  'adadelta-lr-ignored': { rule: 'adadelta', preset: 'pytorch', what: 'α ignored (Zeiler has none)' },
  'adadelta-eps-outside': { rule: 'adadelta', preset: 'pytorch', what: '√E[Δ²] + ε and √E[g²] + ε' },
};

/** The state the rule starts from (Adagrad's accumulator at G₀, everything else zero). */
export function init(rule, hyper, flags, n) {
  if (rule === 'adagrad') return { accumulator: new Float32Array(n).fill(hyper.initialAccumulator ?? 0) };
  if (rule === 'rmsprop') return { meanSquare: new Float32Array(n), buffer: new Float32Array(n) };
  return { gradSquared: new Float32Array(n), updateSquared: new Float32Array(n) };
}

const root = (x, eps, inside) => (inside ? Math.sqrt(x + eps) : Math.sqrt(x) + eps);

/** One step of `rule` with hyperparameters `hyper` (numbers), the preset's `flags` and one `bug`. */
export function step(rule, hyper, flags, { params, grads, state, t }, bug) {
  const { lr, eps } = hyper;
  const lambda = bug === 'weight-decay-ignored' ? 0 : (hyper.weightDecay ?? 0);
  const n = params.length;
  const next = new Float32Array(n);
  const slots = Object.fromEntries(Object.keys(state).map((k) => [k, new Float32Array(n)]));
  const eta = bug === 'adagrad-lr-decay-ignored' ? 0 : (hyper.lrDecay ?? 0);
  const alphaT = lr / (1 + (bug === 'adagrad-lr-decay-t' ? t : t - 1) * eta);
  for (let i = 0; i < n; i += 1) {
    const theta = params[i];
    const g = lambda === 0 ? grads[i] : grads[i] + lambda * theta;
    if (rule === 'adagrad') {
      const G = state.accumulator[i] + g * g;
      const inside = flags.epsPlacement === 'inside' || bug === 'adagrad-eps-inside';
      const d = root(bug === 'adagrad-old-accumulator' ? state.accumulator[i] : G, eps, inside);
      slots.accumulator[i] = G;
      next[i] = bug === 'sign' ? theta + (alphaT * g) / d : theta - (alphaT * g) / d;
    } else if (rule === 'rmsprop') {
      const rho = hyper.rho;
      const mu = bug === 'rmsprop-momentum-ignored' ? 0 : hyper.momentum;
      const v =
        bug === 'rmsprop-rho-swapped'
          ? (1 - rho) * state.meanSquare[i] + rho * g * g
          : rho * state.meanSquare[i] + (1 - rho) * (bug === 'rmsprop-v-with-g' ? g : g * g);
      const pytorch = flags.form === 'pytorch';
      const e = bug === 'rmsprop-no-eps' ? 0 : eps;
      const d = root(v, e, !pytorch || bug === 'rmsprop-eps-inside');
      slots.meanSquare[i] = v;
      slots.buffer[i] = state.buffer[i];
      if (mu > 0 && pytorch) slots.buffer[i] = mu * state.buffer[i] + g / d;
      if (mu > 0 && !pytorch) slots.buffer[i] = mu * state.buffer[i] + (lr * g) / d;
      if (mu === 0) next[i] = theta - (lr * g) / d;
      else next[i] = pytorch ? theta - lr * slots.buffer[i] : theta - slots.buffer[i];
    } else {
      const rho = hyper.rho;
      const Eg = rho * state.gradSquared[i] + (1 - rho) * g * g;
      const outside = bug === 'adadelta-eps-outside';
      const below = bug === 'adadelta-previous-denominator' ? state.gradSquared[i] : Eg;
      const delta = (root(state.updateSquared[i], eps, !outside) / root(below, eps, !outside)) * g;
      slots.gradSquared[i] = Eg;
      slots.updateSquared[i] = rho * state.updateSquared[i] + (1 - rho) * delta * delta;
      next[i] = theta - (bug === 'adadelta-lr-ignored' ? 1 : lr) * delta;
    }
  }
  return { params: next, state: slots };
}
