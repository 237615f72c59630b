"""The proof of power's families (examples/power/) as an --impl for examples/python/check_fixtures.py.

    POWER_FAMILY=adam POWER_BUG=eps-inside-root python3 examples/python/check_fixtures.py \\
        --rule adam --preset pytorch --impl examples/power/protocol_bridge.py:step

Starts `node examples/power/program.mjs --family F [--bug B]` once and asks it each step over the
gate's protocol (docs/protocol.md): the fixtures then judge the very program the gate judges. Cases of
a rule or preset the family does not implement, and cases with inputs beyond params, grads and state
(a schedule, NAG's objective), are skipped (None).
"""
import json
import os
import struct
import subprocess

_HERE = os.path.dirname(os.path.abspath(__file__))
_program = None
_rules = {}
_id = 0


def _bits(x):
    """A float as the hex text of its float32 bit pattern."""
    if x != x:
        return '0x7fc00000'
    return '0x%08x' % struct.unpack('>I', struct.pack('>f', x))[0]


def _value(text):
    return struct.unpack('>f', struct.pack('>I', int(text, 16)))[0]


def _ask(message):
    _program.stdin.write(json.dumps(message) + '\n')
    _program.stdin.flush()
    return json.loads(_program.stdout.readline())


def _start():
    global _program, _rules
    args = ['node', os.path.join(_HERE, 'program.mjs'), '--family', os.environ.get('POWER_FAMILY', 'adam')]
    if os.environ.get('POWER_BUG'):
        args += ['--bug', os.environ['POWER_BUG']]
    _program = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    hello = _ask({'type': 'hello', 'protocol': 'optim-oracle-gate/1'})
    _rules = {r['rule']: r['presets'] for r in hello['rules']}


def step(entry, preset, hyper, flags, t, params, grads, state, **extra):
    """One step over the protocol, or None for a case the family does not take."""
    global _id
    if _program is None:
        _start()
    if preset not in _rules.get(entry, []) or extra:
        return None
    _id += 1
    answer = _ask({
        'id': _id, 'type': 'step', 'rule': entry, 'preset': preset, 't': t, 'flags': flags,
        'hyper': {k: h.decimal for k, h in hyper.items()},
        'params': [_bits(x) for x in params], 'grads': [_bits(x) for x in grads],
        'state': {k: [_bits(x) for x in v] for k, v in state.items()},
    })
    return ([_value(b) for b in answer['params']], {k: [_value(b) for b in v] for k, v in answer['state'].items()})
