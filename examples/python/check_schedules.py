#!/usr/bin/env python3
"""Checks the learning-rate schedule fixtures (fixtures/schedules/<entry>/<preset>.jsonl, format 1).

    python3 examples/python/check_schedules.py [DIR] [--impl MODULE:CALLABLE]

DIR defaults to fixtures/schedules in this script's repository. Every line is read and every value's
three texts are checked against its bits (float32: `bits` 0x + 8 hex digits; float64: 0x + 16), as
docs/fixtures.md ("Schedule fixtures") states. Without --impl the checker tests itself: where a value
has the framework's own value (`framework`), that value must lie within `bound` of the exact learning
rate, which the certified float64 encloses to half an ulp (so the test allows that half ulp too), and
the same value moved twice its bound away must fail.

--impl MODULE:CALLABLE: rate(entry, preset, hyper, lists, flags, t) -> float, the learning rate an
implementation computes at step t (0 on the first update); `hyper` maps names to the case's decimal
text, `lists` to lists of decimal text. It passes a value when it equals the certified rounding in the
framework's format (float64 on PyTorch's float64 paths, else float32), or the framework's own value, or
lies within `bound` of the certified float64 (plus its half ulp), computed exactly. Return None to skip.
Exit status: 0 all passed, 1 a failure, 2 a malformed file. Standard library only.
"""
import argparse
import importlib
import importlib.util
import json
import math
import os
import struct
import sys
from fractions import Fraction

sys.dont_write_bytecode = True


def f32(bits_text):
    return struct.unpack('<f', struct.pack('<I', int(bits_text, 16)))[0]


def f64(bits_text):
    return struct.unpack('<d', struct.pack('<Q', int(bits_text, 16)))[0]


class Malformed(Exception):
    pass


def value_of(node, width, where):
    """The float a {bits, hex, decimal} node names, after checking that its texts agree with its bits."""
    bits = node.get('bits', '')
    if len(bits) != 2 + width // 4 or not bits.startswith('0x'):
        raise Malformed('%s: bits %r: expected 0x and %d lowercase hex digits' % (where, bits, width // 4))
    x = f32(bits) if width == 32 else f64(bits)
    if math.isnan(x):
        ok = node['hex'] == 'nan' and node['decimal'] == 'NaN'
    elif math.isinf(x):
        ok = node['hex'] == ('inf' if x > 0 else '-inf')
    else:
        ok = float.fromhex(node['hex']) == x and float(node['decimal']) == x if width == 64 else (
            float.fromhex(node['hex']) == x and struct.unpack('<f', struct.pack('<f', float(node['decimal'])))[0] == x)
    if not ok:
        raise Malformed('%s: hex %s or decimal %s disagrees with bits %s' % (where, node['hex'], node['decimal'], bits))
    return x


def half_ulp(x):
    return Fraction(math.ulp(x)) / 2 if math.isfinite(x) else Fraction(0)


def within(actual, v, where):
    """Whether `actual` passes value v of a case (see --impl), the framework's format deciding."""
    exact = Fraction(value_of(v['float64'], 64, where))
    fw = v.get('framework')
    fmt = fw['format'] if fw else None
    if fw is None:
        return actual in (value_of(v['float32'], 32, where), float(exact))
    width = 32 if fmt == 'float32' else 64
    certified = value_of(v[fmt], width, where)
    framework = value_of(fw['value'], width, where)
    if actual in (certified, framework):
        return True
    return abs(Fraction(actual) - exact) <= Fraction(fw['bound']) + half_ulp(float(exact))


def load(spec):
    module, _, name = spec.rpartition(':')
    if module.endswith('.py'):
        s = importlib.util.spec_from_file_location('schedule_impl', module)
        m = importlib.util.module_from_spec(s)
        s.loader.exec_module(m)
    else:
        m = importlib.import_module(module)
    return getattr(m, name)


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('dir', nargs='?', default=os.path.join(here, '..', '..', 'fixtures', 'schedules'))
    p.add_argument('--impl', help='MODULE:CALLABLE, rate(entry, preset, hyper, lists, flags, t)')
    a = p.parse_args(argv)
    rate = load(a.impl) if a.impl else None
    files = sorted(os.path.join(e, f) for e in os.listdir(a.dir) if os.path.isdir(os.path.join(a.dir, e))
                   for f in os.listdir(os.path.join(a.dir, e)) if f.endswith('.jsonl'))
    counts = {'values': 0, 'passed': 0, 'failed': 0, 'skipped': 0, 'moved': 0}
    failures = []
    try:
        for rel in files:
            entry, preset = rel.split(os.sep)[0], rel.split(os.sep)[1][:-len('.jsonl')]
            with open(os.path.join(a.dir, rel), encoding='utf-8') as fh:
                for n, text in enumerate(fh.read().split('\n')[:-1], 1):
                    case = json.loads(text)
                    if case.get('format') != 1 or case.get('entry') != entry or case.get('preset') != preset:
                        raise Malformed('%s:%d: format, entry or preset is not 1, %s, %s' % (rel, n, entry, preset))
                    hyper = {k: h['decimal'] for k, h in case['hyper'].items()}
                    for v in case['values']:
                        where = '%s:%d t=%d' % (rel, n, v['t'])
                        value_of(v['float32'], 32, where)
                        counts['values'] += 1
                        if rate is None:
                            fw = v.get('framework')
                            width = 32 if fw and fw['format'] == 'float32' else 64
                            actual = value_of(fw['value'], width, where) if fw else value_of(v['float64'], 64, where)
                        else:
                            actual = rate(entry, preset, hyper, case['lists'], case['flags'], v['t'])
                            if actual is None:
                                counts['skipped'] += 1
                                continue
                        ok = within(float(actual), v, where)
                        counts['passed' if ok else 'failed'] += 1
                        if not ok:
                            failures.append('%s %s: %r' % (where, case['case'], actual))
                        fw = v.get('framework')
                        if rate is None and fw:
                            # The framework's value moved twice its bound (and an ulp) away must fail.
                            exact = value_of(v['float64'], 64, where)
                            far = float(Fraction(exact) + 2 * Fraction(fw['bound']) + 4 * half_ulp(exact))
                            counts['moved'] += 1
                            if within(far, v, where):
                                failures.append('%s %s: moved value %r passed' % (where, case['case'], far))
                                counts['failed'] += 1
    except (Malformed, KeyError, ValueError) as e:
        print('malformed schedule fixtures: %s' % e, file=sys.stderr)
        return 2
    print('%d files, %d values: %d passed, %d failed, %d skipped' % (
        len(files), counts['values'], counts['passed'], counts['failed'], counts['skipped']))
    if rate is None:
        print('self-test: %d framework values moved beyond their bounds, every one failed as it must'
              % counts['moved'] if counts['moved'] else 'self-test: no framework value to move')
    for line in failures[:5]:
        print('FAILED ' + line)
    return 0 if counts['failed'] == 0 and counts['passed'] > 0 else 1


if __name__ == '__main__':
    sys.exit(main())
