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
"""
import json
import os
import struct
import sys

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


def main():
    dtype = sys.argv[1] if len(sys.argv) > 1 else 'float32'
    if dtype not in ('float32', 'float64'):
        sys.exit('usage: gate_adapter.py [float32|float64]')
    step = torch_optim.make_step(dtype)
    rules = [e for e in torch_optim.ENTRIES if e not in torch_optim.REFUSED]
    for line in sys.stdin:
        request = json.loads(line)
        if request.get('type') == 'hello':
            answer = {'type': 'hello', 'protocol': PROTOCOL,
                      'implementation': 'torch %s %s' % (torch.__version__, dtype),
                      'rules': [{'rule': r, 'presets': ['pytorch']} for r in rules]}
        elif request['type'] == 'init':
            answer = {'id': request['id'], 'state': initial(request)}
        else:
            hyper = {k: Decimal(v) for k, v in request['hyper'].items()}
            state = {k: [f32(b) for b in v] for k, v in request['state'].items()}
            result = step(request['rule'], request['preset'], hyper, request['flags'], request['t'],
                          [f32(b) for b in request['params']], [f32(b) for b in request['grads']], state)
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
