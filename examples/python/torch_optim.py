"""PyTorch 1.13's torch.optim as a step callable for check_fixtures.py, on the `pytorch` preset.

`make_step('float32')` steps the torch optimizer on float32 tensors, as a PyTorch user would;
`make_step('float64')` on float64 tensors holding the fixtures' float32 inputs exactly, each output then
rounded once to float32 (it measures PyTorch's formulas, free of float32 arithmetic). The optimizer
and its hyperparameter names come from examples/pytorch/step.py (`build`), which the oracle's float64
cross-check uses: lr, momentum, dampening, weight_decay, nesterov, eps, rho -> alpha for RMSprop, betas,
lr_decay, initial_accumulator_value, momentum_decay, each the preset's decimal read as a Python float.
Our slots are loaded into the optimizer's state (`step` = t − 1, so that torch's own increment gives t);
a slot torch does not keep (SGD's buffer at t = 1 or without momentum, RMSprop's buffer without
momentum) is passed through unchanged. Usage: check_fixtures.py --torch (/usr/bin/python3, python3-torch).
"""
import importlib.util
import os

import torch

from fixture_format import to_f32

_here = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('pytorch_step', os.path.join(_here, '..', 'pytorch', 'step.py'))
_reference = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_reference)

ENTRIES = ('sgd', 'momentum', 'nesterov', 'adagrad', 'adadelta', 'rmsprop', 'rmsprop-centered', 'adam', 'amsgrad',
           'adamw', 'adamax', 'nadam', 'radam', 'rprop')

# PyTorch 1.13's known disagreements with the fixtures, (dtype, entry/preset, output) -> (kind, why):
# 'formula': PyTorch computes another formula; any error is allowed (never a failure by bits or class).
# 'float32-order': PyTorch's float32 evaluation differs from the one the bound analyses; allowed only where
# the float64 run passes the same element (the formula agrees). check_fixtures.py --torch exits 1 on any
# other failure. docs/fixtures.md explains each.
ALLOWANCES = {
    ('float64', 'nadam/pytorch', 'params'): (
        'formula', 'PyTorch 1.13 computes the product for mu_{t+1} as P_t mu_t mu_{t+1}, counting mu_t twice '
        '(docs/conventions.md); the preset follows its documented algorithm, P_t mu_{t+1}'),
    ('float32', 'nadam/pytorch', 'params'): ('formula', 'as in float64'),
    ('float32', 'adagrad/pytorch', 'params'): (
        'float32-order', "addcdiv_(grad, std, value=-clr) multiplies clr * grad before dividing by std: with a "
        'tiny gradient the product is subnormal and loses bits that the division by a small std then magnifies'),
    ('float32', 'adamax/pytorch', 'params'): (
        'float32-order', 'addcdiv_(exp_avg, exp_inf, value=-clr): clr * m is subnormal before the division, '
        'as in Adagrad'),
}
# Rprop picks its branch in float32 on float32 tensors: sign(g * prev) of a product below 2^-150 is 0 there
# where the exact sign is +1 or -1, and the etas are compared as float32 values (an eta that rounds to 1 or
# to 0 takes another branch); docs/conventions.md. The float64 run passes every element.
for _output in ('params', 'state.prev', 'state.stepSize'):
    ALLOWANCES[('float32', 'rprop/pytorch', _output)] = (
        'float32-order', 'the branch is chosen in float32: sign(g * prev) of a product that underflows is 0, '
        'and etas are compared as their float32 values; the step size, the stored gradient and the step '
        'then follow another branch')
# Hyperparameters torch.optim refuses; such a case is skipped (counted as skipped in the table).
REFUSED = {'nesterov': lambda h: float(h['momentum']) == 0}  # "Nesterov momentum requires a momentum"


def applies(case):
    """Whether the torch runs take this case: the pytorch preset of an optimizer torch.optim has."""
    return case.preset == 'pytorch' and case.entry in ENTRIES


def describe(dtype):
    """The title of the run in this dtype."""
    return '%s: PyTorch %s torch.optim on %s tensors%s' % (
        dtype, torch.__version__, dtype, ', outputs rounded once to float32' if dtype == 'float64' else '')


def _kept(entry, ours, t, hyper):
    """Whether torch keeps our slot `ours` in its state for this step."""
    if ours == 'buffer' and entry in ('momentum', 'nesterov') and t == 1:
        return False  # torch has no buffer before the first step: it copies the gradient
    return not (ours == 'buffer' and entry.startswith('rmsprop') and float(hyper['momentum']) == 0)


def make_step(dtype_name):
    """step(entry, preset, hyper, flags, t, params, grads, state) for check_fixtures.py, in this dtype."""
    dtype = getattr(torch, dtype_name)

    def tensor(values):
        return torch.tensor(values, dtype=dtype)

    def out(x):
        return [to_f32(v) for v in x.reshape(-1).tolist()]

    def step(entry, preset, hyper, flags, t, params, grads, state, scheduled_lr=None, **extra):
        """One torch step; `scheduled_lr`: the value a scheduler wrote into the param group (unchecked, as a
        scheduler's is), in place of hyper's lr."""
        if preset != 'pytorch' or entry not in ENTRIES or extra:
            return None
        h = {k: v.decimal for k, v in hyper.items()}
        if entry in REFUSED and REFUSED[entry](h):
            return None
        p = tensor(params)
        opt, names = _reference.build(entry, h, p)
        if scheduled_lr is not None:
            for group in opt.param_groups:
                group['lr'] = scheduled_lr
        p.grad = tensor(grads)
        loaded = {}
        for ours, value in state.items():
            if _kept(entry, ours, t, h):
                loaded[names[ours]] = tensor(value).reshape(()) if ours == 'muProduct' else tensor(value)
        if entry not in ('sgd', 'momentum', 'nesterov'):
            loaded['step'] = torch.tensor(float(t - 1))
        if loaded:
            opt.state[p] = loaded
        with torch.no_grad():
            opt.step()
        theirs = opt.state[p]  # SGD without momentum stores a buffer of None
        new_state = {k: list(v) if theirs.get(names.get(k)) is None else out(theirs[names[k]])
                     for k, v in state.items()}
        return out(p), new_state

    return step


def beyond_allowances(tallies):
    """The torch runs' ({dtype: Tally}) disagreements in words: (beyond ALLOWANCES, allowed, allowances unused)."""
    problems, allowed, used = [], [], set()
    float64_failed = tallies['float64'].failed_at
    for dtype, tally in tallies.items():
        for (key, output), (elements, failed, worst, bits) in sorted(tally.outputs.items()):
            if not failed:
                continue
            what = '%s %s %s: %d of %d elements failed (largest error/bound %.3g, %d by bits/class)' % (
                dtype, key, output, failed, elements, worst, bits)
            kind, why = ALLOWANCES.get((dtype, key, output), (None, None))
            used.add((dtype, key, output))
            if kind == 'float32-order':
                at = [f for f in tally.failed_at if _file_key(f[0]) == key and _output(f[3]) == output]
                also = sum(f in float64_failed for f in at)
                if also:
                    what, kind = what + '; %d of them fail in float64 too' % also, None
            if kind is None or bits:
                problems.append(what)
            else:
                allowed.append('%s [%s: %s]' % (what, kind, why))
    unused = ['%s %s %s' % k for k in sorted(ALLOWANCES) if k not in used]
    return problems, allowed, unused


def _file_key(path):
    """entry/preset of a fixture file's path."""
    directory, name = os.path.split(path)
    return '%s/%s' % (os.path.basename(directory), name.split('.')[0])


def _output(path):
    return path.split('[')[0]
