"""PyTorch 1.13's gradient clipping (torch/nn/utils/clip_grad.py) on the clipping fixtures, for --torch.

clip_grad_norm_(parameters, max_norm) scales every gradient by min(max_norm / (N + 1e-6), 1), N the
2-norm of the per-variable 2-norms; clip_grad_value_(parameters, clip_value) clamps each element to
[-clip_value, clip_value]. Both run on the `pytorch` preset of `clip-by-global-norm` and
`clip-by-value`, on parameters whose .grad are the case's gradients, in float32 (as a PyTorch user
trains) or float64 (the same float32 inputs held exactly, the outputs rounded once to float32 by the
checker). The threshold is the case's decimal as a Python float. No allowances: every element must
pass, as spec/pytorch/clipping.spec.ts finds for the float32 run.
"""

ENTRIES = {'clip-by-global-norm': 'maxNorm', 'clip-by-value': 'clipValue'}


def applies(case):
    """Whether PyTorch has this case's clipping: the pytorch preset of a clipping it has."""
    return case.preset == 'pytorch' and case.entry in ENTRIES


def describe(dtype):
    return 'PyTorch clip_grad_norm_ / clip_grad_value_, %s tensors (pytorch preset)' % dtype


def make_compute(dtype_name):
    """compute(entry, preset, kind, hyper, flags, input) -> {'grads': [float]} in `dtype_name` tensors."""
    import torch
    dtype = getattr(torch, dtype_name)

    def compute(entry, preset, kind, hyper, flags, inp):
        params = []
        for g in inp['grads']:
            p = torch.zeros(len(g), dtype=dtype, requires_grad=True)
            p.grad = torch.tensor(g, dtype=dtype)
            params.append(p)
        threshold = float(hyper[ENTRIES[entry]].decimal)
        if entry == 'clip-by-global-norm':
            torch.nn.utils.clip_grad_norm_(params, max_norm=threshold)
        else:
            torch.nn.utils.clip_grad_value_(params, clip_value=threshold)
        return {'grads': [x for p in params for x in p.grad.tolist()]}

    return compute
