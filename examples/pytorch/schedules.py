#!/usr/bin/env python3
"""Learning-rate schedulers of PyTorch, stepped as in training, for each case read from standard input.

Input: a JSON array of cases {"class": "StepLR", "lr": "0.05", "floats": {...}, "ints": {...},
"other": {...}, "steps": n, "closed": false}: the scheduler class in torch.optim.lr_scheduler, the
optimizer's learning rate and the constructor's arguments (decimal text read with float(), integers,
lists of integers, strings and booleans as given). The scheduler is built on SGD over one float64
parameter; then, n times, optimizer.step() and scheduler.step() (with "closed": scheduler.step(t),
which calls _get_closed_form_lr). Output: a JSON array of {"values": [...]} with the learning rate
after construction and after each step as float.hex text, and "error": "Name: message" with "at": t
when the scheduler raised at step t.
Usage: python3 schedules.py < cases.json   (PyTorch 1.13 from Debian: /usr/bin/python3)
"""
import json
import sys
import warnings

import torch

warnings.filterwarnings('ignore')


def run(case):
    param = torch.nn.Parameter(torch.zeros(1, dtype=torch.float64))
    optimizer = torch.optim.SGD([param], lr=float(case['lr']))
    kwargs = {k: float(v) for k, v in case.get('floats', {}).items()}
    kwargs.update(case.get('ints', {}))
    kwargs.update(case.get('other', {}))
    values = []
    t = 0
    try:
        scheduler = getattr(torch.optim.lr_scheduler, case['class'])(optimizer, **kwargs)
        values.append(scheduler.get_last_lr()[0].hex())
        for t in range(1, case['steps'] + 1):
            optimizer.step()
            if case.get('closed'):
                scheduler.step(t)
            else:
                scheduler.step()
            values.append(scheduler.get_last_lr()[0].hex())
    except (ZeroDivisionError, ValueError, OverflowError) as e:
        return {'values': values, 'error': type(e).__name__ + ': ' + str(e), 'at': t}
    return {'values': values}


def main():
    cases = json.load(sys.stdin)
    json.dump({'torch': torch.__version__, 'results': [run(c) for c in cases]}, sys.stdout)


if __name__ == '__main__':
    main()
