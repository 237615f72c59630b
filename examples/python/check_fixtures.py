#!/usr/bin/env python3
"""Checks an implementation of the optimizers and regularizers against the exported fixtures (format 1).

    python3 examples/python/check_fixtures.py [DIR] [--rule R] [--preset P]
            [--impl MODULE:CALLABLE] [--compute MODULE:CALLABLE] [--wrapper MODULE:CALLABLE] [--torch] [--show N]

DIR defaults to fixtures/steps in this script's repository. The manifest is verified first (format
version, every file's sha256, size and case count, no unlisted file), then every selected line is read
(a malformed one stops the run with its file, line and field) and every expected element is judged by
the rule of docs/fixtures.md. Standard library only; fixture_format.py beside this file reads and judges.

The callables (MODULE is an importable module or a path to a .py file):
  --impl: step(entry, preset, hyper, flags, t, params, grads, state, **extra) -> (params, state), for the
      update kinds ('elementwise-update', 'gradient-function-update'). `params` and `grads` are lists of
      float (float32 values, decoded from the bits), `state` a dict slot -> list of float (one-element
      lists for tensor slots such as b1pow), `hyper` a dict name -> Hyper(decimal, float32) (the case's
      decimal text and its float32 value), `flags` the case's flags, `t` the step number; `extra` holds the
      input's other fields (NAG's `objective`; `grads` is then None). Return the new params and state the
      same way; each value is rounded to the nearest float32 before it is judged. Return None to skip.
  --compute: compute(entry, preset, kind, hyper, flags, input) -> {output: [float]}, for every other kind
      (penalties, masks, pooling, gradient transforms); `input` decoded the same way (integers such as `k`
      as they are). A gradient transform's input['grads'] is a list of variables, each a list of float;
      return {'grads': [float]}, the clipped gradients of every variable concatenated in that order (a list
      of lists, one per variable, is concatenated here).
  --wrapper: stage(name, entry, preset, hyper, flags, wrapper, t, inputs) -> outputs, for the stages of Keras 3's
      optimizer wrapper in <entry>/keras-wrapper.jsonl.gz (clip, decay, rule, ema, overwrite; wrapper_stages.py
      says what each takes and returns). Each stage runs on the case's inputs or the expected outputs of the
      stages before it, and is judged alone: a failure names its stage. The rule's stage is --impl's step on
      each variable when --impl is given. Return None to skip a stage.
Cases of a kind without a callable, or skipped by it, are counted as skipped.

Without --impl, --compute, --wrapper or --torch the checker tests itself on the files: the expected values themselves
must pass every element, and each moved beyond its bound (or to another class) must fail every element.
--torch runs that self-test, then PyTorch's clip_grad_norm_ and clip_grad_value_ (torch_clip.py; every
element must pass) and torch.optim (torch_optim.py) in float32 and in float64 on the pytorch preset, and
passes when every disagreement is within an allowance listed in torch_optim.py.
Exit status: 0 all passed, 1 a failure, 2 a malformed or inconsistent file.
"""
import argparse
import collections
import importlib
import importlib.util
import math
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the script in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_format import (  # noqa: E402
    STEP_KINDS, WRAPPER_KIND, WRAPPER_STAGES, FormatError, bits_of, f32_of_bits, file_preset, judge, read_cases,
    to_f32, values, verify_manifest)
from wrapper_stages import run_stages  # noqa: E402

_RAISED = object()  # the actual value of every element of a case whose implementation raised


def next_up(x):
    """The next float32 above x (toward +∞)."""
    return f32_of_bits(1) if x == 0 else f32_of_bits(bits_of(x) + 1 if x > 0 else bits_of(x) - 1)


def moved(node):
    """Each expected value moved to where the rule must fail it: 2 bounds and 2 ulps above, or another class."""
    if isinstance(node, list):
        return [moved(v) for v in node]
    if isinstance(node, dict):
        return {k: moved(v) for k, v in node.items()}
    x, _, cls, neighbours, _, bound = node
    if cls == 'nan':
        return 0.0
    if cls == 'infinite':
        return -x
    base = x if neighbours is None else max(neighbours[0][0], neighbours[1][0])
    return next_up(next_up(to_f32(base + 2 * float(bound))))


def load_callable(spec):
    """MODULE:CALLABLE, MODULE importable or a path to a .py file."""
    module, _, name = spec.rpartition(':')
    if module.endswith('.py'):
        loaded = importlib.util.spec_from_file_location(os.path.basename(module)[:-3], module)
        mod = importlib.util.module_from_spec(loaded)
        loaded.loader.exec_module(mod)
    else:
        mod = importlib.import_module(module)
    return getattr(mod, name)


def user_impl(step_fn, compute_fn, stage_fn=None):
    """An implementation (case, step) -> actual outputs or None, from the callables of --impl, --compute, --wrapper."""

    def run(case, s):
        if case.kind == WRAPPER_KIND:
            return run_stages(case, s, step_fn, stage_fn)
        if case.kind not in STEP_KINDS:
            out = None if compute_fn is None else compute_fn(
                case.entry, case.preset, case.kind, case.hyper, case.flags, s.input)
            return flattened_grads(out) if case.kind == 'gradient-transform' else out
        if step_fn is None:
            return None
        extra = {k: v for k, v in s.input.items() if k not in ('params', 'grads', 'state')}
        out = step_fn(case.entry, case.preset, case.hyper, case.flags, s.t, s.input.get('params'),
                      s.input.get('grads'), s.input.get('state', {}), **extra)
        return None if out is None else {'params': out[0], 'state': out[1]}

    return run


def flattened_grads(out):
    """A gradient transform's output with `grads` given per variable (a list of lists) concatenated."""
    if isinstance(out, dict) and isinstance(out.get('grads'), (list, tuple)) and all(
            isinstance(g, (list, tuple)) for g in out['grads']):
        return dict(out, grads=[x for g in out['grads'] for x in g])
    return out


def _missing(parent):
    """What an element of a missing or malformed output is judged as (the raise marker passes down)."""
    return _RAISED if parent is _RAISED else None


def _shown(path):
    """A path as printed: relative to the working directory when under it."""
    rel = os.path.relpath(path)
    return path if rel.startswith('..') else rel


def row_key(case):
    """The table row of a case: entry/preset, or entry/keras-wrapper for the wrapper's steps."""
    return '%s/%s' % (case.entry, 'keras-wrapper' if case.kind == WRAPPER_KIND else case.preset)


class Tally:
    """One implementation's results, by entry/preset and by output."""

    def __init__(self, label, show, only=None):
        self.label, self.show, self.only = label, show, only  # only: which cases it runs (all when None)
        self.rows = collections.OrderedDict()
        # (entry/preset, output) -> [elements, failed, largest finite error/bound, failed by bits or class]
        self.outputs = collections.defaultdict(lambda: [0, 0, 0.0, 0])
        self.failures = []
        self.failed_at = set()  # (file, line, step, element path) of every failed element

    def row(self, key):
        return self.rows.setdefault(key, dict(cases=0, skipped=0, elements=0, failed=0, bits=0, worst=0.0))

    def element(self, case, s, i, path, actual, e):
        key = row_key(case)
        row, out = self.row(key), self.outputs[(key, path.split('[')[0])]
        try:
            a = to_f32(actual.item() if hasattr(actual, 'item') else actual)
            ok, ratio = judge(a, e)
        except (TypeError, ValueError):
            a, ok, ratio = actual, False, math.inf
        row['elements'] += 1
        out[0] += 1
        if math.isfinite(ratio):
            row['worst'], out[2] = max(row['worst'], ratio), max(out[2], ratio)
        if ok:
            return
        row['failed'] += 1
        out[1] += 1
        row['bits'] += not math.isfinite(ratio)
        out[3] += not math.isfinite(ratio)
        self.failed_at.add((case.path, case.line, i, path))
        if len(self.failures) < self.show and actual is not _RAISED:
            t = '' if s.t is None else ' (t = %d)' % s.t
            judged = 'by bits/class' if not math.isfinite(ratio) else '%.3g' % ratio
            self.failures.append('%s:%d %s step %d%s %s: got %r, expected %r (0x%08x), bound %s, error/bound %s' % (
                _shown(case.path), case.line, case.name, i, t, path, a, e[0], e[1], e[4], judged))

    def compare(self, case, s, i, expected, actual, path):
        if isinstance(expected, tuple):
            self.element(case, s, i, path, actual, expected)
        elif isinstance(expected, list):
            items = actual.tolist() if hasattr(actual, 'tolist') else actual
            ok = isinstance(items, (list, tuple)) and len(items) == len(expected)
            for j, e in enumerate(expected):
                self.compare(case, s, i, e, items[j] if ok else _missing(actual), '%s[%d]' % (path, j))
        else:
            for k, e in expected.items():
                child = actual.get(k) if isinstance(actual, dict) else _missing(actual)
                self.compare(case, s, i, e, child, path + '.' + k if path else k)

    def run(self, impl, case):
        if self.only is not None and not self.only(case):
            return
        row = self.row(row_key(case))
        try:
            results = [impl(case, s) for s in case.steps]
        except Exception as e:  # counted against the case, so that one bad case does not hide the others
            row['cases'] += 1
            if len(self.failures) < self.show:
                self.failures.append('%s:%d %s: raised %s: %s' % (
                    _shown(case.path), case.line, case.name, type(e).__name__, e))
            results = [_RAISED] * len(case.steps)
        else:
            if any(r is None for r in results):
                row['skipped'] += 1
                return
            row['cases'] += 1
        for i, (s, actual) in enumerate(zip(case.steps, results)):
            expected = s.expected
            if case.kind == WRAPPER_KIND and isinstance(actual, dict):  # the stages computed; the others skipped
                expected = {stage: e for stage, e in expected.items() if stage in actual}
            self.compare(case, s, i, expected, actual, '')

    def print(self):
        print(self.label)
        width = max([26] + [len(key) for key in self.rows])
        print('  %-*s %6s %9s %9s %7s %10s  %s' % (
            width, 'entry/preset', 'cases', 'elements', 'passed', 'failed', 'bits/class', 'largest error/bound'))
        for key, r in self.rows.items():
            skipped = ' (%d cases skipped)' % r['skipped'] if r['skipped'] else ''
            print('  %-*s %6d %9d %9d %7d %10d  %.3g%s' % (
                width, key, r['cases'], r['elements'], r['elements'] - r['failed'], r['failed'], r['bits'], r['worst'],
                skipped))
        if self.show:
            for line in self.failed_stages():
                print('  ' + line)
        for f in self.failures:
            print('  FAIL ' + f)

    def failed_stages(self):
        """The Keras wrapper's stages that failed, by file in Keras's order: 'stage S of E: F of N elements failed'."""
        counts = collections.defaultdict(lambda: [0, 0])  # (file row, stage) -> [failed, elements]
        for (key, output), (n, failed, _, _) in self.outputs.items():
            if key.endswith('/keras-wrapper'):
                c = counts[(key, output.split('.')[0])]
                c[0], c[1] = c[0] + failed, c[1] + n
        order = sorted(counts, key=lambda k: (k[0], WRAPPER_STAGES.index(k[1])))
        return ['stage %s of %s: %d of %d elements failed' % (stage, key, counts[(key, stage)][0],
                                                               counts[(key, stage)][1])
                for key, stage in order if counts[(key, stage)][0]]

    def failed(self):
        return sum(r['failed'] for r in self.rows.values())

    def elements(self):
        return sum(r['elements'] for r in self.rows.values())


def arguments(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('dir', nargs='?', default=os.path.join(here, '..', '..', 'fixtures', 'steps'))
    p.add_argument('--rule', help='only this entry (e.g. adam)')
    p.add_argument('--preset', help='only this preset (e.g. pytorch)')
    p.add_argument('--impl', help='MODULE:CALLABLE, the step function for the update rules')
    p.add_argument('--compute', help='MODULE:CALLABLE, the function for the regularizers')
    p.add_argument('--wrapper', help="MODULE:CALLABLE, the stages of Keras's optimizer wrapper")
    p.add_argument('--torch', action='store_true', help="PyTorch's torch.optim, float32 and float64 (pytorch preset)")
    p.add_argument('--show', type=int, default=5, help='failures printed per implementation (default 5)')
    return p.parse_args(argv)


def main(argv=None):
    a = arguments(argv)
    try:
        paths = verify_manifest(a.dir)
    except FormatError as e:
        print('malformed fixtures: %s' % e, file=sys.stderr)
        return 2
    chosen = [q for q in paths if (not a.rule or file_preset(q)[0] == a.rule)
              and (not a.preset or file_preset(q)[1] == a.preset)]
    if not chosen:
        print('no fixture file matches --rule %s --preset %s' % (a.rule, a.preset), file=sys.stderr)
        return 2
    user = a.impl or a.compute or a.wrapper
    if user:
        label = ' '.join('--%s %s' % (flag, spec) for flag, spec in
                         (('impl', a.impl), ('compute', a.compute), ('wrapper', a.wrapper)) if spec)
        impl = user_impl(a.impl and load_callable(a.impl), a.compute and load_callable(a.compute),
                         a.wrapper and load_callable(a.wrapper))
        runs = [(Tally(label, a.show), impl)]
    else:
        runs = [(Tally('self-test: the expected values themselves (every element must pass)', a.show),
                 lambda c, s: values(s.expected)),
                (Tally('self-test: the expected values moved beyond their bounds (every element must fail)', 0),
                 lambda c, s: moved(s.expected))]
    if a.torch:
        import torch_optim
        import torch_clip
        for dtype in ('float32', 'float64'):
            tally = Tally(torch_clip.describe(dtype), a.show, torch_clip.applies)
            runs.append((tally, user_impl(None, torch_clip.make_compute(dtype))))
        for dtype in ('float32', 'float64'):
            tally = Tally(torch_optim.describe(dtype), a.show, torch_optim.applies)
            runs.append((tally, user_impl(torch_optim.make_step(dtype), None)))
    try:
        for rel in chosen:
            for case in read_cases(a.dir, rel):
                for tally, impl in runs:
                    tally.run(impl, case)
    except FormatError as e:
        print('malformed fixtures: %s' % e, file=sys.stderr)
        return 2
    passed = True
    for tally, _ in runs[:1] if user else runs[:2]:
        tally.print()
    if user:
        passed = runs[0][0].failed() == 0
    else:
        echo, wrong = runs[0][0], runs[1][0]
        print('self-test: %d of %d moved elements failed, as they must' % (wrong.failed(), wrong.elements()))
        passed = echo.failed() == 0 and wrong.failed() == wrong.elements() > 0
    if a.torch:
        for tally, _ in runs[-4:]:
            tally.print()
        clip_failures = runs[-4][0].failed() + runs[-3][0].failed()
        print('PyTorch clipping: ' + ('every element passed' if clip_failures == 0 else
                                      '%d elements failed (no allowance)' % clip_failures))
        passed = passed and clip_failures == 0
        problems, allowed, unused = torch_optim.beyond_allowances({'float32': runs[-2][0], 'float64': runs[-1][0]})
        for line in allowed:
            print('allowed: ' + line)
        for line in unused:
            print('allowance not needed by these files: ' + line)
        for line in problems:
            print('NOT ALLOWED: ' + line)
        print('PyTorch: ' + ('every disagreement is within an allowance of torch_optim.py' if not problems else
                             '%d disagreements beyond the allowances of torch_optim.py' % len(problems)))
        passed = passed and not problems
    return 0 if passed else 1


if __name__ == '__main__':
    sys.exit(main())
