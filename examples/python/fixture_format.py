"""Reading and judging fixture files of format 1 (docs/fixtures.md), standard library only.

`verify_manifest` checks the manifest against the files, `read_cases` decodes a file's lines (those of
<entry>/<preset>.jsonl.gz, and the Keras wrapper's steps of <entry>/keras-wrapper.jsonl.gz, preset
keras). A float32 is read from its `bits` (authoritative); its `hex` (C99 %a) and `decimal` (shortest)
are checked against them. An expected value carries its IEEE `class`, its certification `mark` and its
allowed absolute error `bound`, and `judge` applies the rule of docs/fixtures.md to one element.
"""
import collections
import hashlib
import json
import math
import os
import re
import struct
import zlib
from fractions import Fraction

FORMAT = 1
STEP_KINDS = ('elementwise-update', 'gradient-function-update')
WRAPPER_KIND = 'keras-wrapper'  # one step of a rule under Keras 3's optimizer wrapper, stage by stage
WRAPPER_FILE = 'keras-wrapper'  # <entry>/keras-wrapper.jsonl.gz holds them (preset keras)
WRAPPER_STAGES = ('clip', 'decay', 'rule', 'ema', 'overwrite')  # Keras's order
_WRAPPER_HYPER = ('weightDecay', 'clipnorm', 'clipvalue', 'globalClipnorm', 'emaMomentum')
Hyper = collections.namedtuple('Hyper', 'decimal float32')
# wrapper: the Keras wrapper's options of a keras-wrapper case ({} otherwise), decimals as Hyper
Case = collections.namedtuple('Case', 'path line entry preset kind name hyper flags steps wrapper')
Step = collections.namedtuple('Step', 't input expected')
_FILE = re.compile(r'^[a-z0-9-]+/[a-z0-9-]+\.jsonl(\.gz)?$')
_BITS = re.compile(r'^0x[0-9a-f]{8}$')
_DECIMAL = re.compile(r'^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$')


class FormatError(Exception):
    """A malformed file: the message names the file, the line (1-based) and the field."""

    def __init__(self, path, line, field, message):
        where = '%s:%d' % (path, line) if line else path
        super().__init__('%s: field %s: %s' % (where, field, message) if field else '%s: %s' % (where, message))


def f32_of_bits(bits):
    """The float32 with these 32 bits, as a Python float (exact)."""
    return struct.unpack('<f', struct.pack('<I', bits))[0]


def bits_of(x):
    """The 32 bits of float32(x), x rounded to nearest even (±∞ beyond the largest finite float32)."""
    try:
        return struct.unpack('<I', struct.pack('<f', x))[0]
    except OverflowError:  # finite x whose float32 rounding is ±∞: struct refuses it
        return 0xFF800000 if x < 0 else 0x7F800000


def to_f32(x):
    """x rounded to the nearest float32 (ties to even), as a Python float."""
    return f32_of_bits(bits_of(float(x)))


def class_of(bits):
    """The IEEE class of a float32 bit pattern, as the fixtures name it."""
    exponent, fraction = (bits >> 23) & 0xFF, bits & 0x7FFFFF
    if exponent == 0xFF:
        return 'nan' if fraction else 'infinite'
    if exponent == 0:
        return 'subnormal' if fraction else 'zero'
    return 'normal'


def _rounds_to(text, bits):
    """Whether the decimal `text` rounds to the finite float32 `bits` (to nearest, ties to even), exactly."""
    if text.startswith('-') != (bits >> 31 == 1):
        return False
    magnitude, m = abs(Fraction(text)), bits & 0x7FFFFFFF
    value = Fraction(f32_of_bits(m))
    up = Fraction(f32_of_bits(m + 1)) if m < 0x7F7FFFFF else Fraction(2) ** 128
    down = Fraction(f32_of_bits(m - 1)) if m > 0 else -up
    low, high = (value + down) / 2, (value + up) / 2
    return low < magnitude < high or (m & 1 == 0 and magnitude in (low, high))


class Reader:
    """Decodes the values of one line, naming the field of any malformed one."""

    def __init__(self, path, line):
        self.path, self.line = path, line

    def fail(self, field, message):
        raise FormatError(self.path, self.line, field, message)

    def get(self, obj, key, kind, field):
        if not isinstance(obj, dict) or key not in obj:
            self.fail(field + '.' + key if field else key, 'missing')
        value = obj[key]
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            self.fail(field + '.' + key if field else key, 'expected %s, got %s' % (_name(kind), json.dumps(value)))
        return value

    def f32(self, obj, field):
        """A float32 object {bits, hex, decimal}: its value and its bits."""
        text = self.get(obj, 'bits', str, field)
        if not _BITS.match(text):
            self.fail(field + '.bits', 'expected 0x and 8 lowercase hex digits, got %r' % text)
        bits = int(text, 16)
        x = f32_of_bits(bits)
        hex_text, dec = self.get(obj, 'hex', str, field), self.get(obj, 'decimal', str, field)
        if math.isnan(x):
            ok_hex, ok_dec = hex_text == 'nan', dec == 'NaN'
        elif math.isinf(x):
            ok_hex, ok_dec = hex_text == ('inf' if x > 0 else '-inf'), dec == ('Infinity' if x > 0 else '-Infinity')
        else:
            try:
                h = float.fromhex(hex_text)
                ok_hex = h == x and math.copysign(1, h) == math.copysign(1, x)
            except ValueError:
                ok_hex = False
            ok_dec = bool(_DECIMAL.match(dec)) and _rounds_to(dec, bits) and (dec.startswith('-') == (bits >> 31 == 1))
        if not ok_hex:
            self.fail(field + '.hex', '%r is not the float32 with bits %s' % (hex_text, text))
        if not ok_dec:
            self.fail(field + '.decimal', '%r does not round to the float32 with bits %s' % (dec, text))
        return x, bits

    def expected(self, obj, field):
        """An expected value: (value, bits, class, neighbours, bound text, bound).

        `neighbours` is None when certified, else ((below, its bits), (above, its bits)); `bound` is the
        bound as an exact Fraction.
        """
        x, bits = self.f32(obj, field)
        cls = self.get(obj, 'class', str, field)
        if cls != class_of(bits):
            self.fail(field + '.class', '%r, but bits %08x are %s' % (cls, bits, class_of(bits)))
        mark = obj.get('mark') if isinstance(obj, dict) else None
        neighbours = None
        if mark != 'certified':
            if not isinstance(mark, dict) or not isinstance(mark.get('uncertified'), dict):
                expected = 'expected "certified" or {"uncertified": {"below": ..., "above": ...}}'
                self.fail(field + '.mark', '%s, got %s' % (expected, json.dumps(mark)))
            u = mark['uncertified']
            neighbours = (self.f32(u.get('below'), field + '.mark.uncertified.below'),
                          self.f32(u.get('above'), field + '.mark.uncertified.above'))
        bound_text = self.get(obj, 'bound', str, field)
        if not _DECIMAL.match(bound_text) or bound_text.startswith('-'):
            self.fail(field + '.bound', 'expected a non-negative decimal, got %r' % bound_text)
        bound = Fraction(bound_text)
        self.get(obj, 'ulps', (int, float), field)
        return (x, bits, cls, neighbours, bound_text, bound)

    def tree(self, node, field, leaf):
        """Decodes nested lists and objects whose leaves are float32 objects (those with `bits`)."""
        if isinstance(node, dict) and 'bits' in node:
            return leaf(node, field)
        if isinstance(node, list):
            return [self.tree(v, '%s[%d]' % (field, i), leaf) for i, v in enumerate(node)]
        if isinstance(node, dict):
            return {k: self.tree(v, field + '.' + k, leaf) for k, v in node.items()}
        return node


def _name(kind):
    return ' or '.join(k.__name__ for k in kind) if isinstance(kind, tuple) else kind.__name__


def judge(actual, e):
    """(passed, |actual − expected| / bound) for one element, by the rule of docs/fixtures.md.

    `actual` is a float32 value. NaN and ±∞ are judged by class (any NaN; the same infinity), a finite
    expected value passes a non-finite actual never; an uncertified one passes either neighbour, or
    within the bound of their midpoint; else |actual − expected| ≤ bound, bound 0 meaning the same bits
    (so −0 fails for +0). The ratio is 0 for a pass by bits or class, ∞ for a failure by bits or class.
    """
    x, bits, cls, neighbours, _, bound = e
    a_bits = bits_of(actual)
    if cls == 'nan':
        return (True, 0.0) if math.isnan(actual) else (False, math.inf)
    if cls == 'infinite' or not math.isfinite(actual) or (bound == 0 and neighbours is None):
        return (True, 0.0) if a_bits == bits else (False, math.inf)
    if neighbours is not None and a_bits in (neighbours[0][1], neighbours[1][1]):
        return True, 0.0
    if bound == 0:
        return False, math.inf
    reference = Fraction(x) if neighbours is None else (Fraction(neighbours[0][0]) + Fraction(neighbours[1][0])) / 2
    error = abs(Fraction(actual) - reference)
    return error <= bound, float(error / bound)


def values(node):
    """The values of a decoded tree of expected values (from Reader.expected), as plain floats."""
    if isinstance(node, tuple):
        return node[0]
    if isinstance(node, list):
        return [values(v) for v in node]
    return {k: values(v) for k, v in node.items()}


def stored_text(path, data):
    """The text of a fixture file's bytes (gzip-compressed when its name ends in .gz); FormatError if unreadable."""
    if path.endswith('.gz'):
        z = zlib.decompressobj(wbits=31)
        try:
            data, rest = z.decompress(data), z.unused_data
        except zlib.error as e:
            raise FormatError(path, 0, None, 'not a readable gzip file (%s)' % e)
        if not z.eof:
            raise FormatError(path, data.count(b'\n') + 1, None, 'truncated: the gzip stream ends inside this line')
        if rest:
            raise FormatError(path, 0, None, '%d bytes after the end of the gzip stream' % len(rest))
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError as e:
        raise FormatError(path, data.count(b'\n', 0, e.start) + 1, None, 'not UTF-8 (%s)' % e.reason)


def verify_manifest(root):
    """The manifest's file paths, after checking format, sha256, bytes and case counts; FormatError if not."""
    path = os.path.join(root, 'manifest.json')
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        raise FormatError(path, 0, None, 'cannot read the manifest: %s' % e)
    r = Reader(path, 0)
    if r.get(manifest, 'format', int, '') != FORMAT:
        r.fail('format', 'this checker reads format %d, the manifest says %r' % (FORMAT, manifest['format']))
    files = r.get(manifest, 'files', list, '')
    paths = [r.get(f, 'path', str, 'files[%d]' % i) for i, f in enumerate(files)]
    if paths != sorted(paths):
        r.fail('files', 'not sorted by path')
    for i, (f, rel) in enumerate(zip(files, paths)):
        field = 'files[%d]' % i
        if not _FILE.match(rel):
            r.fail(field + '.path', 'expected <entry>/<preset>.jsonl.gz, got %r' % rel)
        try:
            with open(os.path.join(root, rel), 'rb') as g:
                data = g.read()
        except OSError as e:
            r.fail(field + '.path', 'cannot read %s: %s' % (rel, e))
        text = stored_text(os.path.join(root, rel), data)
        if len(data) != r.get(f, 'bytes', int, field):
            r.fail(field + '.bytes', '%s has %d bytes, the manifest says %d' % (rel, len(data), f['bytes']))
        digest = hashlib.sha256(data).hexdigest()
        if digest != r.get(f, 'sha256', str, field):
            r.fail(field + '.sha256', '%s has sha256 %s, the manifest says %s' % (rel, digest, f['sha256']))
        lines = text.count('\n') + (0 if text.endswith('\n') or not text else 1)
        if lines != r.get(f, 'cases', int, field):
            r.fail(field + '.cases', '%s has %d lines, the manifest says %d cases' % (rel, lines, f['cases']))
    for d, _, names in os.walk(root):
        for n in names:
            rel = os.path.relpath(os.path.join(d, n), root).replace(os.sep, '/')
            if re.search(r'\.jsonl(\.gz)?$', n) and rel not in paths:
                r.fail('files', '%s is not listed' % rel)
    return paths


def _hyper(r, h, field):
    """A hyperparameter {decimal, float32} as Hyper(decimal, float32 value)."""
    f32 = h.get('float32') if isinstance(h, dict) else None
    decimal = r.get(h, 'decimal', str, field)
    return Hyper(decimal, None if f32 is None else r.f32(f32, field + '.float32')[0])


def _wrapper(r, obj):
    """The Keras wrapper's options of a keras-wrapper line: decimals as Hyper, useEma and the frequency as they are."""
    options = {}
    for k, v in r.get(obj, 'wrapper', dict, '').items():
        if k in _WRAPPER_HYPER:
            options[k] = _hyper(r, v, 'wrapper.' + k)
        elif k == 'useEma' and v is True or k == 'emaOverwriteFrequency' and type(v) is int and v >= 1:
            options[k] = v
        else:
            r.fail('wrapper.' + k, 'not an option of the Keras wrapper, or not a valid value: %s' % json.dumps(v))
    if sum(k in options for k in ('clipnorm', 'clipvalue', 'globalClipnorm')) > 1:
        r.fail('wrapper', 'more than one of clipnorm, clipvalue and globalClipnorm')
    ema = 'useEma' in options
    if ema != ('emaMomentum' in options) or 'emaOverwriteFrequency' in options and not ema:
        r.fail('wrapper', 'emaMomentum and emaOverwriteFrequency go with useEma, which takes emaMomentum')
    return options


def read_case(path, number, text, entry, preset, wrapped=False):
    """One line as a Case, its float32 values decoded; FormatError naming the field if malformed.

    `wrapped`: the file is <entry>/keras-wrapper.jsonl.gz, which holds keras-wrapper cases and no other kind.
    """
    r = Reader(path, number)
    try:
        obj = json.loads(text)
    except ValueError as e:
        ending = '' if text.endswith('\n') else '; truncated?'
        raise FormatError(path, number, None, 'not a JSON object (%s)%s' % (e, ending))
    if not isinstance(obj, dict):
        r.fail(None, 'not a JSON object')
    if r.get(obj, 'format', int, '') != FORMAT:
        r.fail('format', 'this checker reads format %d, the line says %r' % (FORMAT, obj['format']))
    for key, want in (('entry', entry), ('preset', preset)):
        if r.get(obj, key, str, '') != want:
            r.fail(key, '%r, but the file is %s' % (obj[key], os.path.join(entry, os.path.basename(path))))
    kind, name = r.get(obj, 'kind', str, ''), r.get(obj, 'case', str, '')
    if (kind == WRAPPER_KIND) != wrapped:
        r.fail('kind', '%r, but the file %s' % (kind, 'holds keras-wrapper cases' if wrapped else
                                                'is not <entry>/%s.jsonl.gz' % WRAPPER_FILE))
    hyper = {k: _hyper(r, h, 'hyper.' + k) for k, h in r.get(obj, 'hyper', dict, '').items()}
    flags = r.get(obj, 'flags', dict, '')
    wrapper = _wrapper(r, obj) if wrapped else {}
    steps = []
    for i, s in enumerate(r.get(obj, 'steps', list, '')):
        field = 'steps[%d]' % i
        t = r.get(s, 't', int, field) if kind in STEP_KINDS or wrapped else None
        inp = r.tree(r.get(s, 'input', dict, field), field + '.input', lambda v, f: r.f32(v, f)[0])
        expected = r.tree(r.get(s, 'expected', dict, field), field + '.expected', r.expected)
        if wrapped:
            _check_stages(r, expected, wrapper, field + '.expected')
        steps.append(Step(t, inp, expected))
    if not steps:
        r.fail('steps', 'no step')
    return Case(path, number, entry, preset, kind, name, hyper, flags, steps, wrapper)


def _check_stages(r, expected, wrapper, field):
    """A wrapper step's stages are those its options ask for, in Keras's order."""
    clip = any(k in wrapper for k in ('clipnorm', 'clipvalue', 'globalClipnorm'))
    wanted = [s for s, on in zip(WRAPPER_STAGES, (clip, 'weightDecay' in wrapper, True, 'useEma' in wrapper,
                                                   'emaOverwriteFrequency' in wrapper)) if on]
    if list(expected) != wanted:
        r.fail(field, 'stages %s, but the options ask for %s' % (list(expected), wanted))


def file_preset(rel):
    """(entry, preset, wrapped) of a path <entry>/<preset>.jsonl[.gz] or <entry>/keras-wrapper.jsonl[.gz]."""
    entry, stem = re.sub(r'\.jsonl(\.gz)?$', '', rel).split('/')
    return (entry, 'keras', True) if stem == WRAPPER_FILE else (entry, stem, False)


def read_cases(root, rel):
    """The cases of one file, <entry>/<preset>.jsonl.gz or <entry>/keras-wrapper.jsonl.gz (or plain .jsonl)."""
    entry, preset, wrapped = file_preset(rel)
    path = os.path.join(root, rel)
    with open(path, 'rb') as f:
        text = stored_text(path, f.read())
    parts = text.split('\n')  # lines end in \n alone (a JSON string may hold U+2028)
    lines = [p + '\n' for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    return [read_case(path, n, line, entry, preset, wrapped) for n, line in enumerate(lines, 1)]
