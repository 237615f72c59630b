#!/usr/bin/env python3
"""PyTorch 1.13's torch.optim behind the gate's protocol (docs/protocol.md), on the `pytorch` preset.

    npx optim-oracle gate --impl "/usr/bin/python3 examples/pytorch/gate_adapter.py float32"
    npx optim-oracle gate --impl "/usr/bin/python3 examples/pytorch/gate_adapter.py float64"

float32: the optimizer steps float32 tensors, as a PyTorch user's model does. float64: it steps float64
tensors holding the float32 inputs exactly and each output is rounded once to float32 (PyTorch's
formulas free of float32 arithmetic). The step itself is examples/python/torch_optim.py's (the
fixture checker's PyTorch run): our state slots are loaded into the optimizer's state, `step` set to
t - 1 so that torch's own increment gives t. `init` answers the state torch starts from: Adagrad's
`sum` at initial_accumulator_value (its constructor), Rprop's `step_size` at lr (its first step),
NAdam's `mu_product` at 1, every other slot 0.

    npx optim-oracle gate --impl "/usr/bin/python3 examples/pytorch/gate_adapter.py float32 --schedules --clip"

--schedules also announces, with every rule, torch.optim.lr_scheduler's StepLR (and ExponentialLR, its
step_size 1), MultiStepLR, CosineAnnealingLR, LinearLR and OneCycleLR (cycle_momentum=False), in Python
floats, by get_lr (scheduler.step() t - 1 times) or the closed form (scheduler.step(t - 1)); the value is
what the scheduler writes into the optimizer's lr. --clip announces torch.nn.utils.clip_grad_norm_ and
clip_grad_value_ (clip-by-global-norm and clip-by-value under `pytorch`) on tensors of the dtype, each
output rounded once to float32. Without them the hello is version 1's plain one (docs/protocol.md).
"""
import json
import os
import struct
import sys
import warnings

_here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(_here, '..', 'python'))

import torch  # noqa: E402
import torch_optim  # noqa: E402

PROTOCOL = 'optim-oracle-gate/1'
INITIAL = {'accumulator': 'initialAccumulator', 'stepSize': 'lr'}


class Decimal:
    """A hyperparameter as torch_optim.make_step reads it: its exact decimal text."""

    def __init__(self, text):
        self.decimal = text


def f32(bits_text):
    return struct.unpack('>f', struct.pack('>I', int(bits_text, 16)))[0]


def bits(x):
    if x != x:
        return '0x7fc00000'
    return '0x%08x' % struct.unpack('>I', struct.pack('>f', x))[0]


def initial(request):
    """The state torch starts from, slot by slot."""
    n = len(request['params'])
    state = {}
    for slot, kind in request['slots'].items():
        if slot in INITIAL:
            value = float(request['hyper'][INITIAL[slot]])
        elif slot == 'muProduct':
            value = 1.0
        else:
            value = 0.0
        state[slot] = [bits(struct.unpack('>f', struct.pack('>f', value))[0])] * (n if kind == 'element' else 1)
    return state


# The schedules torch.optim.lr_scheduler has, as the gate names them; PyTorch computes in Python floats.
SCHEDULES = [{'schedule': s, 'options': {'arithmetic': ['float64']}}
             for s in ('exponential-decay', 'multi-step', 'cosine-annealing', 'linear', 'one-cycle')]
CLIPPINGS = [{'transform': 'clip-by-global-norm', 'presets': ['pytorch']},
             {'transform': 'clip-by-value', 'presets': ['pytorch']}]


def scheduler(schedule, optimizer):
    """The torch scheduler of a schedule as the gate describes it (spec/schedules/torch-cases.ts's mapping)."""
    h, name = schedule['hyper'], schedule['schedule']
    lr_scheduler = torch.optim.lr_scheduler
    if name == 'exponential-decay':
        if h['decaySteps'] == '1':
            return lr_scheduler.ExponentialLR(optimizer, gamma=float(h['decayRate']))
        return lr_scheduler.StepLR(optimizer, step_size=int(h['decaySteps']), gamma=float(h['decayRate']))
    if name == 'multi-step':
        milestones = [int(m) for m in schedule['lists']['milestones']]
        return lr_scheduler.MultiStepLR(optimizer, milestones=milestones, gamma=float(h['decayRate']))
    if name == 'cosine-annealing':
        return lr_scheduler.CosineAnnealingLR(optimizer, T_max=int(h['decaySteps']),
                                              eta_min=float(h.get('minimum', '0')))
    if name == 'linear':
        return lr_scheduler.LinearLR(optimizer, start_factor=float(h['startFactor']),
                                     end_factor=float(h['endFactor']), total_iters=int(h['totalIters']))
    if name == 'one-cycle':
        flags = schedule['flags']
        return lr_scheduler.OneCycleLR(optimizer, max_lr=float(h['maxLr']), total_steps=int(h['totalSteps']),
                                       pct_start=float(h['pctStart']), div_factor=float(h['divFactor']),
                                       final_div_factor=float(h['finalDivFactor']), anneal_strategy=flags['anneal'],
                                       three_phase=flags['threePhase'], cycle_momentum=False)
    raise ValueError('no torch scheduler for %s' % name)


def scheduled_lr(schedule, t):
    """The lr the scheduler gives update t: its value at step t - 1, by get_lr or the closed form."""
    param = torch.nn.Parameter(torch.zeros(1, dtype=torch.float64))
    optimizer = torch.optim.SGD([param], lr=float(schedule['hyper'].get('lr', '0.1')))
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        s = scheduler(schedule, optimizer)
        if schedule['flags'].get('implementation') == 'torch-closed-form':
            s.step(t - 1)
        else:
            for _ in range(t - 1):
                optimizer.step()
                s.step()
    return optimizer.param_groups[0]['lr']


def clipped(request, dtype):
    """torch.nn.utils' clipping of the request's gradients, on tensors of `dtype`, rounded to float32."""
    params = []
    for g in request['grads']:
        p = torch.zeros(len(g), dtype=dtype, requires_grad=True)
        p.grad = torch.tensor([f32(b) for b in g], dtype=dtype)
        params.append(p)
    if request['transform'] == 'clip-by-global-norm':
        torch.nn.utils.clip_grad_norm_(params, max_norm=float(request['hyper']['maxNorm']))
    else:
        torch.nn.utils.clip_grad_value_(params, clip_value=float(request['hyper']['clipValue']))
    return [[bits(x) for x in p.grad.float().tolist()] for p in params]


def main():
    dtype = sys.argv[1] if len(sys.argv) > 1 else 'float32'
    extras = set(sys.argv[2:])
    if dtype not in ('float32', 'float64') or not extras <= {'--schedules', '--clip'}:
        sys.exit('usage: gate_adapter.py [float32|float64] [--schedules] [--clip]')
    step = torch_optim.make_step(dtype)
    rules = [e for e in torch_optim.ENTRIES if e not in torch_optim.REFUSED]
    announced = {'schedules': SCHEDULES} if '--schedules' in extras else {}
    for line in sys.stdin:
        request = json.loads(line)
        if request.get('type') == 'hello':
            answer = {'type': 'hello', 'protocol': PROTOCOL,
                      'implementation': 'torch %s %s' % (torch.__version__, dtype),
                      'rules': [dict({'rule': r, 'presets': ['pytorch']}, **announced) for r in rules]}
            if '--clip' in extras:
                answer['transforms'] = CLIPPINGS
        elif request['type'] == 'init':
            answer = {'id': request['id'], 'state': initial(request)}
        elif request['type'] == 'transform':
            answer = {'id': request['id'], 'grads': clipped(request, getattr(torch, dtype))}
        else:
            hyper = {k: Decimal(v) for k, v in request['hyper'].items()}
            lr = scheduled_lr(request['schedule'], request['t']) if 'schedule' in request else None
            state = {k: [f32(b) for b in v] for k, v in request['state'].items()}
            result = step(request['rule'], request['preset'], hyper, request['flags'], request['t'],
                          [f32(b) for b in request['params']], [f32(b) for b in request['grads']], state,
                          scheduled_lr=lr)
            if result is None:
                answer = {'id': request['id'], 'error': 'torch.optim refuses this configuration'}
            else:
                params, new_state = result
                answer = {'id': request['id'], 'params': [bits(x) for x in params],
                          'state': {k: [bits(x) for x in v] for k, v in new_state.items()}}
        sys.stdout.write(json.dumps(answer) + '\n')
        sys.stdout.flush()


if __name__ == '__main__':
    main()
