/**
 * oracle/elementwise.ts, the driver of every elementwise oracle rule, on updates made for the purpose:
 * each output the decimal ladder cannot decide is marked uncertified under its layout name and element
 * index (tensor slots at index 0, in the initial state too), and an output that every element shares
 * (a constant, not a function of the element) is written to every element, on the tape as one element
 * at a time. The undecidable value is MID + (√2 − √2), with MID = 1 + 2^−24 a float32 midpoint: no
 * stage's enclosure of √2 − √2 is the point 0, so every enclosure of the sum straddles MID.
 */
import { describe, expect, it } from 'vitest';
import { configure, StepInputError, type Configuration, type StepInput } from '../../core/catalogue/index.js';
import * as entries from '../../core/catalogue/entries.js';
import type { AdamSchema } from '../../core/catalogue/rules/adam.js';
import type { Arithmetic, Enclosure } from '../../oracle/enclosure.js';
import { elementwiseRule } from '../../oracle/elementwise.js';
import { TAPE_MIN_ELEMENTS } from '../../oracle/elementwise-stages.js';
import { withoutTape } from '../../oracle/float64-tape.js';
import type { ElementwiseUpdate, StepContext } from '../../oracle/rule.js';
import { certifyStatistics, resetCertifyStatistics } from '../../oracle/staged.js';

type Output = 'params' | 'm' | 'v' | 'b1pow' | 'b2pow';

const MID_TEXT = '1.000000059604644775390625';
const BELOW = 1;
const ABOVE = 1 + 2 ** -23;

/** MID, as a sum whose enclosures always straddle it. */
function undecidable(a: Arithmetic): Enclosure {
  const r = a.sqrt(a.point(2));
  return a.add(a.point(MID_TEXT), a.sub(r, r));
}

/**
 * An update on Adam's TensorFlow.js layout (element slots m, v; tensor slots b1pow, b2pow) whose
 * `undecided` outputs are MID wherever θ = 1 and are exact elsewhere: θ' = θ, m' = m, v' = g, and the
 * tensor slots keep β1, β2. With `constantM`, m' is 1/4 for every element instead.
 */
function madeUpdate(
  undecided: ReadonlySet<Output>,
  constantM = false,
): ElementwiseUpdate<AdamSchema, StepContext<AdamSchema>> {
  /** `exact`, or MID where θ = 1 when `output` is undecided: θ · MID + (1 − θ) · exact for θ ∈ {0, 1}. */
  const maybe = (a: Arithmetic, output: Output, param: Enclosure, exact: Enclosure) =>
    undecided.has(output) ? a.add(a.mul(param, undecidable(a)), a.mul(a.sub(a.point(1), param), exact)) : exact;
  const tensor = (a: Arithmetic, h: StepContext<AdamSchema>['h']) => ({
    b1pow: undecided.has('b1pow') ? undecidable(a) : h.beta1,
    b2pow: undecided.has('b2pow') ? undecidable(a) : h.beta2,
  });
  return {
    name: 'adam',
    entries: ['adam'],
    initTensorSlots: (a, { h }) => tensor(a, h),
    prepare: (_a, context) => context,
    element: (a, { param, grad, slots }) => ({
      param: maybe(a, 'params', param, param),
      slots: {
        m: constantM ? a.point('0.25') : maybe(a, 'm', param, slots.m),
        v: maybe(a, 'v', param, grad),
      },
    }),
    nextTensorSlots: (a, { h }) => tensor(a, h),
  };
}

const config: Configuration = configure(entries.adam, 'tfjs');
const OUTPUTS: readonly Output[] = ['params', 'm', 'v', 'b1pow', 'b2pow'];

/** Elements 0 to n − 1, with θ = 1 (where undecided outputs are MID) at `ones` and 0 elsewhere. */
function input(n: number, ones: readonly number[]): StepInput {
  const params = Float32Array.from({ length: n }, (_, i) => (ones.includes(i) ? 1 : 0));
  const column = (x: number) => new Float32Array(n).fill(x);
  return {
    params,
    grads: column(0.5),
    state: { m: column(0.75), v: column(2), b1pow: Float32Array.of(0.5), b2pow: Float32Array.of(0.25) },
    t: 3,
  };
}

describe('the elementwise driver marks what it cannot decide', () => {
  it.each(OUTPUTS)('%s: under its layout name, at its element (tensor slots at 0)', (output) => {
    const rule = elementwiseRule(madeUpdate(new Set([output])));
    const tensorSlot = output === 'b1pow' || output === 'b2pow';
    const out = rule.step(config, input(4, [1, 3]));
    const marks = (tensorSlot ? [0] : [1, 3]).map((index) => ({ output, index, below: BELOW, above: ABOVE }));
    expect(out.uncertified).toEqual(marks);
    const values = output === 'params' ? out.params : out.state[output];
    for (const m of marks) expect([BELOW, ABOVE]).toContain(values?.[m.index]);
  });

  it('marks the tensor slots of the initial state', () => {
    const rule = elementwiseRule(madeUpdate(new Set(['b2pow'])));
    const out = rule.initialOutput(config, Float32Array.of(1, 2));
    expect(out.uncertified).toEqual([{ output: 'b2pow', index: 0, below: BELOW, above: ABOVE }]);
    expect(out.state['b1pow']).toEqual(Float32Array.of(0.9));
    expect(rule.init(config, Float32Array.of(1, 2))['m']).toEqual(new Float32Array(2));
  });

  it('marks nothing when every output is decided', () => {
    const out = elementwiseRule(madeUpdate(new Set())).step(config, input(3, [0, 1, 2]));
    expect(out.uncertified ?? []).toEqual([]);
    expect(Array.from(out.state['v'] ?? [])).toEqual([0.5, 0.5, 0.5]);
  });
});

describe('an output every element shares', () => {
  const n = TAPE_MIN_ELEMENTS + 1;
  it.each([
    ['on the tape', (f: () => unknown) => f()],
    ['one element at a time', withoutTape],
  ])('is written to every element, %s, decided by the float64 stage', (_, run) => {
    const rule = elementwiseRule(madeUpdate(new Set(), true));
    resetCertifyStatistics();
    const out = run(() => rule.step(config, input(n, []))) as ReturnType<typeof rule.step>;
    expect(Array.from(out.state['m'] ?? [])).toEqual(new Array(n).fill(0.25));
    expect(certifyStatistics()['adam']).toMatchObject({ fast: n + 1, refined: 0, rational: 0, bigFloat: 0 });
  });
});

describe('enclose refuses a decimal input that does not fit the layout, and names what', () => {
  const rule = elementwiseRule(madeUpdate(new Set()));
  const complete = {
    params: ['1', '2'],
    grads: ['0.5', '0.25'],
    state: { m: ['0', '0'], v: ['0', '0'], b1pow: ['0.9'], b2pow: ['0.999'] },
    t: 1,
  };
  const missing = undefined as unknown as string;
  it.each([
    ['a gradient too many', { grads: ['0.5', '0.25', '1'] }, "the decimal input's grads has 3 values; 2 expected"],
    [
      'a tensor slot absent',
      { state: { ...complete.state, b2pow: undefined as unknown as string[] } },
      "the decimal input's state slot 'b2pow' has no values; 1 expected",
    ],
    [
      'an element slot short',
      { state: { ...complete.state, v: ['0'] } },
      "the decimal input's state slot 'v' has 1 value; 2 expected",
    ],
    ['a gradient undefined', { grads: ['0.5', missing] }, "the decimal input's grads has no element 1"],
    [
      'an element slot undefined',
      { state: { ...complete.state, m: [missing, '0'] } },
      "the decimal input's state slot 'm' has no element 0",
    ],
    [
      'a tensor slot undefined',
      { state: { ...complete.state, b1pow: [missing] } },
      "the decimal input's state slot 'b1pow' has no element 0",
    ],
  ])('%s', (_, change, message) => {
    expect(() => rule.enclose(config, { ...complete, ...change }, 40)).toThrow(StepInputError);
    expect(() => rule.enclose(config, { ...complete, ...change }, 40)).toThrow(message);
  });
});
