#!/usr/bin/env python3
"""PyTorch's gradient clipping in float32, for each case read from standard input.

Input: a JSON array of cases {"clip": "norm" | "value", "threshold": decimal text, "grads": [[...], ...]}
where each variable's gradient is a list of float32 bit patterns (uint32), so that every input is exact.
Runs torch.nn.utils.clip_grad_norm_(max_norm=threshold) or clip_grad_value_(clip_value=threshold) on
float32 parameters whose .grad are those gradients. Output: a JSON array of the clipped gradients,
concatenated, as float32 bit patterns.
Usage: python3 clip.py < cases.json   (PyTorch 1.13 from Debian: /usr/bin/python3)
"""
import json
import struct
import sys

import torch


def tensor(bits):
    values = [struct.unpack('<f', struct.pack('<I', b))[0] for b in bits]
    return torch.tensor(values, dtype=torch.float32)


def bits(t):
    return [struct.unpack('<I', struct.pack('<f', x))[0] for x in t.reshape(-1).tolist()]


def clip(case):
    params = []
    for g in case['grads']:
        p = torch.zeros(len(g), dtype=torch.float32, requires_grad=True)
        p.grad = tensor(g)
        params.append(p)
    if case['clip'] == 'norm':
        torch.nn.utils.clip_grad_norm_(params, max_norm=float(case['threshold']))
    else:
        torch.nn.utils.clip_grad_value_(params, clip_value=float(case['threshold']))
    return [b for p in params for b in bits(p.grad)]


json.dump([clip(c) for c in json.load(sys.stdin)], sys.stdout)
