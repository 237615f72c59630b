// Correct Adams computed in other orders, for the proof of power's second half: each follows PyTorch's
// conventions (torch/optim/adam.py, _single_tensor_adam) exactly and differs from the reference of
// adam.mjs only in how it rounds, so each must pass at the `conforming` tier.
//   reordered      float64, rounded once: α / (1 − β1^t) · m / (√v / √(1 − β2^t) + ε)
//   float32        every operation rounded to float32, in PyTorch 1.13's order (torch/optim/adam.py):
//                  m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g g;  d ← √v / √(1 − β2^t) + ε;
//                  θ ← θ + (s m) / d with s = −α / (1 − β1^t) (addcdiv_)
//   float32-lerp   as float32 with PyTorch 2's m.lerp_(g, w), w = 1 − β1 (aten/src/ATen/native/Lerp.h):
//                  m ← m + w (g − m) when w < 0.5, else g − (g − m) (1 − w)
//   float32-fma    as float32 with the moments' β m + x fused (one rounding)
const f = Math.fround;
/** a · b + c rounded once to float32 (a, b float32 or double: the double product of two float32 is exact). */
const fma = (a, b, c) => f(a * b + c);

/** The variants by name: one element's update (θ, g, m, v, t) → [θ, m, v], with the numbers of `hyper`. */
export const variants = {
  reordered: ({ lr, beta1, beta2, eps }, [theta, g, m0, v0, t]) => {
    const m = beta1 * m0 + (1 - beta1) * g;
    const v = beta2 * v0 + (1 - beta2) * g * g;
    return [theta - (lr / (1 - beta1 ** t)) * (m / (Math.sqrt(v) / Math.sqrt(1 - beta2 ** t) + eps)), m, v];
  },
  float32: (h, [theta, g, m0, v0, t]) => {
    const m = f(f(h.beta1 * m0) + f((1 - h.beta1) * g));
    const v = f(f(h.beta2 * v0) + f((1 - h.beta2) * f(g * g)));
    return [finish(h, theta, m, v, t), m, v];
  },
  'float32-lerp': (h, [theta, g, m0, v0, t]) => {
    const w = f(1 - h.beta1);
    const m = w < 0.5 ? f(m0 + f(w * f(g - m0))) : f(g - f(f(g - m0) * f(1 - w)));
    const v = f(f(h.beta2 * v0) + f((1 - h.beta2) * f(g * g)));
    return [finish(h, theta, m, v, t), m, v];
  },
  'float32-fma': (h, [theta, g, m0, v0, t]) => {
    const m = fma(h.beta1, m0, f((1 - h.beta1) * g));
    const v = fma(h.beta2, v0, f(f(1 - h.beta2) * f(g * g)));
    return [finish(h, theta, m, v, t), m, v];
  },
};

/**
 * θ + (s · m) / d in float32 with s = float32(−α / (1 − β1^t)) and d = √v / √(1 − β2^t) + ε: PyTorch 1.13's
 * param.addcdiv_(m, d, value=s), whose CPU kernel (aten/src/ATen/native/cpu/PointwiseOpsKernel.cpp)
 * computes self + value * t1 / t2 with the value cast to float32.
 */
function finish({ lr, beta1, beta2, eps }, theta, m, v, t) {
  const denominator = f(f(f(Math.sqrt(v)) / f(Math.sqrt(1 - beta2 ** t))) + f(eps));
  return f(theta + f(f(f(-lr / (1 - beta1 ** t)) * m) / denominator));
}

/** The in-process gate target of one variant: `adam` under `pytorch`, λ coupled as PyTorch's Adam. */
export function variantTarget(name, numbers) {
  const update = variants[name];
  if (update === undefined) throw new Error(`no variant ${name}: ${Object.keys(variants).join(', ')}`);
  return {
    name: `adam (${name})`,
    rules: { adam: ['pytorch'] },
    init: (config, params) => ({ m: new Float32Array(params.length), v: new Float32Array(params.length) }),
    step: (config, { params, grads, state, t }) => {
      const hyper = numbers(config.hyper);
      const lambda = hyper.weightDecay ?? 0;
      const out = { params: new Float32Array(params.length), m: new Float32Array(params.length) };
      out.v = new Float32Array(params.length);
      for (let i = 0; i < params.length; i += 1) {
        const g = lambda === 0 ? grads[i] : f(grads[i] + f(lambda * params[i]));
        [out.params[i], out.m[i], out.v[i]] = update(hyper, [params[i], g, state.m[i], state.v[i], t]);
      }
      return { params: out.params, state: { m: out.m, v: out.v } };
    },
  };
}
