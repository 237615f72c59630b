#!/usr/bin/env python3
"""One optimizer step in PyTorch, float64, for each case read from standard input.

Input: a JSON array of cases {"rule", "hyper" (decimal text), "t", "params", "grads", "state"} where
tensors are lists of float32 bit patterns (uint32), so that every input is exact. Output: a JSON array
of {"params": [...], "state": {...}} with float64 results as float.hex text, or {"error": "..."}.
Usage: python3 step.py < cases.json   (PyTorch 1.13 from Debian: /usr/bin/python3)
"""
import json
import struct
import sys

import torch


def tensor(bits):
    values = [struct.unpack('<f', struct.pack('<I', b))[0] for b in bits]
    return torch.tensor(values, dtype=torch.float64)


def hexes(t):
    return [float(x).hex() for x in t.reshape(-1).tolist()]


def build(rule, h, params):
    """The torch optimizer for a rule, and how our slot names map to its state keys."""
    f = {k: float(v) for k, v in h.items()}
    wd = f.get('weightDecay', 0.0)
    if rule == 'sgd':
        return torch.optim.SGD([params], lr=f['lr'], weight_decay=wd), {}
    if rule in ('momentum', 'nesterov'):
        return torch.optim.SGD([params], lr=f['lr'], momentum=f['momentum'], dampening=f.get('dampening', 0.0),
                               weight_decay=wd, nesterov=rule == 'nesterov'), {'buffer': 'momentum_buffer'}
    if rule == 'adagrad':
        return torch.optim.Adagrad([params], lr=f['lr'], lr_decay=f['lrDecay'], weight_decay=wd,
                                   initial_accumulator_value=f['initialAccumulator'], eps=f['eps']), {'accumulator': 'sum'}
    if rule == 'adadelta':
        return torch.optim.Adadelta([params], lr=f['lr'], rho=f['rho'], eps=f['eps'], weight_decay=wd), \
            {'gradSquared': 'square_avg', 'updateSquared': 'acc_delta'}
    if rule in ('rmsprop', 'rmsprop-centered'):
        return torch.optim.RMSprop([params], lr=f['lr'], alpha=f['rho'], eps=f['eps'], weight_decay=wd, momentum=f['momentum'],
                                   centered=rule == 'rmsprop-centered'), \
            {'meanSquare': 'square_avg', 'meanGrad': 'grad_avg', 'buffer': 'momentum_buffer'}
    if rule in ('adam', 'amsgrad'):
        return torch.optim.Adam([params], lr=f['lr'], betas=(f['beta1'], f['beta2']), eps=f['eps'], weight_decay=wd,
                                amsgrad=rule == 'amsgrad'), {'m': 'exp_avg', 'v': 'exp_avg_sq', 'vmax': 'max_exp_avg_sq'}
    if rule == 'adamw':
        return torch.optim.AdamW([params], lr=f['lr'], betas=(f['beta1'], f['beta2']), eps=f['eps'], weight_decay=wd), \
            {'m': 'exp_avg', 'v': 'exp_avg_sq'}
    if rule == 'adamax':
        return torch.optim.Adamax([params], lr=f['lr'], betas=(f['beta1'], f['beta2']), eps=f['eps'], weight_decay=wd), \
            {'m': 'exp_avg', 'u': 'exp_inf'}
    if rule == 'nadam':
        return torch.optim.NAdam([params], lr=f['lr'], betas=(f['beta1'], f['beta2']), eps=f['eps'], weight_decay=wd,
                                 momentum_decay=f['momentumDecay']), {'m': 'exp_avg', 'v': 'exp_avg_sq', 'muProduct': 'mu_product'}
    if rule == 'radam':
        return torch.optim.RAdam([params], lr=f['lr'], betas=(f['beta1'], f['beta2']), eps=f['eps'], weight_decay=wd), \
            {'m': 'exp_avg', 'v': 'exp_avg_sq'}
    if rule == 'asgd':
        return torch.optim.ASGD([params], lr=f['lr'], lambd=f['lambd'], alpha=f['alpha'], t0=f['t0'], weight_decay=wd), \
            {'ax': 'ax', 'eta': 'eta', 'mu': 'mu'}
    if rule == 'rprop':
        return torch.optim.Rprop([params], lr=f['lr'], etas=(f['etaMinus'], f['etaPlus']),
                                 step_sizes=(f['stepSizeMin'], f['stepSizeMax'])), {'prev': 'prev', 'stepSize': 'step_size'}
    raise ValueError('no PyTorch optimizer for ' + rule)


def step(case):
    rule, t = case['rule'], case['t']
    params = tensor(case['params']).requires_grad_(False)
    opt, names = build(rule, case['hyper'], params)
    params.grad = tensor(case['grads'])
    state = {}
    for ours, value in case['state'].items():
        if ours == 'buffer' and rule in ('momentum', 'nesterov') and t == 1:
            continue  # PyTorch has no buffer before the first step: it copies the gradient
        if ours == 'buffer' and rule.startswith('rmsprop') and float(case['hyper']['momentum']) == 0:
            continue
        v = tensor(value)
        state[names[ours]] = v.reshape(()) if ours == 'muProduct' else v
        if rule == 'asgd' and ours in ('eta', 'mu'):
            state[names[ours]] = v.reshape(())
    if rule not in ('sgd', 'momentum', 'nesterov'):
        state['step'] = torch.tensor(float(t - 1))
    if state:
        opt.state[params] = state
    if rule == 'asgd':
        torch.set_default_dtype(torch.float64)  # ASGD stores torch.tensor(eta), torch.tensor(mu): the default dtype
    with torch.no_grad():
        opt.step()
    if rule == 'asgd':
        torch.set_default_dtype(torch.float32)
    out = {'params': hexes(params), 'state': {}}
    for ours, theirs in names.items():
        if theirs in opt.state[params]:
            out['state'][ours] = hexes(opt.state[params][theirs])
    return out


def main():
    results = []
    for case in json.load(sys.stdin):
        try:
            results.append(step(case))
        except Exception as e:  # reported per case, so that one bad case does not hide the others
            results.append({'error': '%s: %s' % (type(e).__name__, e)})
    json.dump({'torch': torch.__version__, 'results': results}, sys.stdout)


if __name__ == '__main__':
    main()
