import { formatReport, gate } from 'optim-oracle';

// An Adam written as PyTorch's documentation states it, each element in float64 and rounded once.
const report = await gate({
  name: 'my adam',
  rules: { adam: ['pytorch'] },
  init: (config, params) => ({ m: new Float32Array(params.length), v: new Float32Array(params.length) }),
  step(config, { params, grads, state, t }) {
    const [lr, b1, b2, eps, wd] = ['lr', 'beta1', 'beta2', 'eps', 'weightDecay'].map((k) => Number(config.hyper[k]));
    const g = wd === 0 ? grads : grads.map((gi, i) => gi + wd * params[i]); // PyTorch skips λ = 0
    const m = state.m.map((mi, i) => b1 * mi + (1 - b1) * g[i]);
    const v = state.v.map((vi, i) => b2 * vi + (1 - b2) * g[i] * g[i]);
    const step = (i) => (lr * m[i]) / (1 - b1 ** t) / (Math.sqrt(v[i] / (1 - b2 ** t)) + eps);
    return { params: params.map((p, i) => p - step(i)), state: { m, v } };
  },
});
console.log(formatReport(report));
process.exitCode = report.failed === 0 ? 0 : 1;
