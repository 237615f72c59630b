/**
 * oracle/float64-tape-columns.ts, the tape's evaluation over columns, against the per-element float64
 * stage it must reproduce: on random programs of every operation the tape records (columns, shared
 * constants, and operations of two constants that the tracer evaluates at once), over random float32
 * inputs of random lengths, each element's ends are exactly the ends Float64Enclosures computes for
 * that element, and an element is marked failed exactly where that computation throws. Lengths vary
 * from call to call, so the buffers kept between calls are reused, grown and read in part. And the
 * tracer (oracle/float64-tape.ts) lets through every error but the one that stops a trace.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Column, trace, Tracer, type Binary, type Unary } from '../../oracle/float64-tape.js';
import { Undecided } from '../../oracle/interval.js';
import { evaluateTape } from '../../oracle/float64-tape-columns.js';
import { Float64Enclosures, type F64 } from '../../oracle/float64.js';

const f = Float64Enclosures.instance;

const UNARY: readonly Unary[] = ['neg', 'abs', 'square', 'sqrt'];
const BINARY: readonly Binary[] = ['add', 'sub', 'mul', 'div', 'max'];
const INPUTS = 3;

/** An operand: value k of the program (its inputs, then one per operation), or a constant. */
type Operand = { readonly value: number } | { readonly constant: string };
type Operation =
  { readonly name: Unary; readonly a: Operand } | { readonly name: Binary; readonly a: Operand; readonly b: Operand };

/** The operations a formula uses, each on an arithmetic whose values are E. */
interface Ops<E> {
  point(v: string): E;
  neg(a: E): E;
  abs(a: E): E;
  square(a: E): E;
  sqrt(a: E): E;
  add(a: E, b: E): E;
  sub(a: E, b: E): E;
  mul(a: E, b: E): E;
  div(a: E, b: E): E;
  max(a: E, b: E): E;
}

/** Every value of the program: its inputs, then each operation's result. */
function run<E>(t: Ops<E>, inputs: readonly E[], program: readonly Operation[]): E[] {
  const values = [...inputs];
  const read = (o: Operand): E => ('constant' in o ? t.point(o.constant) : (values[o.value % values.length] as E));
  for (const op of program) values.push('b' in op ? t[op.name](read(op.a), read(op.b)) : t[op.name](read(op.a)));
  return values;
}

// Constants: exact and inexact decimals (0.1 is no double), a zero to divide by, signs of both kinds.
const constant = fc.constantFrom('0', '-0.5', '0.1', '3', '-1e-30', '1e30', '0.999');
const operand = fc.oneof(
  { weight: 3, arbitrary: fc.nat({ max: 40 }).map((value): Operand => ({ value })) },
  { weight: 1, arbitrary: constant.map((c): Operand => ({ constant: c })) },
);
const operation = fc.oneof(
  fc.record({ name: fc.constantFrom(...UNARY), a: operand }),
  fc.record({ name: fc.constantFrom(...BINARY), a: operand, b: operand }),
) as fc.Arbitrary<Operation>;
const float32 = fc.oneof(
  fc.float({ noDefaultInfinity: false }),
  fc.constantFrom(0, -0, 1, -1, 2 ** -149, -(2 ** -126), 3.4028234663852886e38, NaN),
);

describe('the tape over columns', () => {
  test.prop([
    fc.array(operation, { minLength: 1, maxLength: 12 }),
    fc
      .integer({ min: 1, max: 40 })
      .chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.array(fc.array(float32, { minLength: n + 2, maxLength: n + 2 }), { minLength: INPUTS, maxLength: INPUTS }),
        ),
      ),
  ])(
    'gives each element the ends the per-element stage gives it, and fails it where that stage throws',
    (program, [n, columns]) => {
      let traced: ReturnType<typeof trace<F64[] | (Column | F64)[]>>;
      try {
        traced = trace(INPUTS, (t) =>
          run<Column | F64>(
            t as Ops<Column | F64>,
            Array.from({ length: INPUTS }, (_, i) => new Column(i)),
            program,
          ),
        );
      } catch {
        // An operation of two constants, evaluated while tracing, threw: so does every element's.
        expect(() =>
          run<F64>(
            f,
            [0, 0, 0].map(() => f.point('1')),
            program,
          ),
        ).toThrow();
        return;
      }
      const inputs = columns.map((c) => Float32Array.from(c));
      const { lo, hi, failed } = evaluateTape(traced!.tracer, inputs, n);
      expect(failed.length).toBe(n);
      for (let i = 0; i < n; i++) {
        let expected: F64[] | undefined;
        try {
          expected = run<F64>(
            f,
            inputs.map((c) => f.fromFloat32(c[i]!)),
            program,
          );
        } catch {
          expected = undefined;
        }
        expect(failed[i], `element ${i}`).toBe(expected === undefined ? 1 : 0);
        if (expected === undefined) continue;
        traced!.outputs.forEach((out, k) => {
          const ends = out instanceof Column ? [lo[out.index]![i], hi[out.index]![i]] : [out.lo, out.hi];
          expect(ends, `element ${i}, value ${k}`).toEqual([expected[k]!.lo, expected[k]!.hi]);
        });
      }
    },
  );
});

describe('the tape over columns, where an operation is undecided', () => {
  // x · 0.1 − x · 0.1 straddles 0 for finite x ≠ 0 (0.1 is no double), where its square root and a
  // quotient by it are undecided.
  const x = Float32Array.of(Infinity, 1, -Infinity, 0, 2.5);
  const y = Float32Array.of(-Infinity, 2, -Infinity, Infinity, 0);
  const tenth = (t: Ops<Column | F64>, v: Column | F64) => t.mul(v, t.point('0.1'));
  it.each<[string, (t: Ops<Column | F64>, a: Column | F64, b: Column | F64) => Column | F64]>([
    ['div', (t, a, b) => t.div(a, t.sub(tenth(t, b), tenth(t, b)))],
    ['sqrt', (t, a) => t.sqrt(t.sub(tenth(t, a), tenth(t, a)))],
  ])('%s: the elements it fails are those the per-element stage throws on, the others equal', (_, formula) => {
    const traced = trace(2, (t) => formula(t as Ops<Column | F64>, new Column(0), new Column(1)))!;
    const out = traced.outputs as Column;
    const { lo, hi, failed } = evaluateTape(traced.tracer, [x, y], x.length);
    const throws: number[] = [];
    x.forEach((xi, i) => {
      try {
        const e = formula(f as Ops<Column | F64>, f.fromFloat32(xi), f.fromFloat32(y[i]!)) as F64;
        expect([lo[out.index]![i], hi[out.index]![i]]).toEqual([e.lo, e.hi]);
      } catch {
        throws.push(i);
      }
    });
    expect(throws.length).toBeGreaterThan(0);
    expect(Array.from(failed).flatMap((v, i) => (v === 1 ? [i] : []))).toEqual(throws);
  });
});

describe('tracing', () => {
  it('reads a float32 exactly, and takes a real power of shared values only', () => {
    const t = new Tracer(1);
    expect(t.fromFloat32(0.1)).toEqual(f.fromFloat32(0.1));
    expect(t.powReal(t.point(2), t.point('0.5'))).toEqual(f.powReal(f.point(2), f.point('0.5')));
    expect(trace(1, (u) => u.powReal(new Column(0), u.point(2)))).toBeUndefined();
    expect(trace(1, (u) => u.powReal(u.point(2), new Column(0)))).toBeUndefined();
  });

  it('lets any error of the formula but an element branch through', () => {
    // 0.1 is no double: its enclosure is two doubles wide, so 0.1 − 0.1 straddles 0 and the quotient is undecided.
    const undecided = (t: Tracer) => t.div(t.point(1), t.sub(t.point('0.1'), t.point('0.1')));
    expect(() => undecided(new Tracer(1))).toThrow(Undecided);
    expect(() => trace(1, undecided)).toThrow(Undecided);
  });
});
