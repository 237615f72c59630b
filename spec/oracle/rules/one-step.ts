/**
 * One step of an oracle rule on a single element, for the specs that check each framework's form of a
 * rule against its formula evaluated here in plain decimals (the oracle's enclosures, stages and
 * certification play no part in the reference).
 */
import { fc } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { expect } from 'vitest';
import { exactFromFloat32, roundToFloat32 } from '../../../oracle/binary32.js';
import { configure, type HyperValue } from '../../../core/catalogue/index.js';
import { runsFromEnv } from '../../../src/gate/seed.js';
import { entryOf, oracleRuleOf } from '../../../src/registry/index.js';

/** 120 significant digits: every reference below rounds once to float32 (24 bits), far from where this could move it. */
export const D = Decimal.clone({ precision: 120 });

/** A float32 as its exact decimal value. */
export const exact = (x: number): Decimal => new D(exactFromFloat32(x));

/** One element's parameter, gradient and slots, and the step t. */
export interface ElementInput {
  readonly param: number;
  readonly grad: number;
  readonly state: Readonly<Record<string, number>>;
  readonly t: number;
}

/** One element's parameter and slots after the step. */
export interface ElementOutput {
  readonly param: number;
  readonly state: Readonly<Record<string, number>>;
}

/**
 * The oracle's step of `rule` under `preset` with the hyperparameters `hyper`, on one element; `flags`
 * replaces flags of the preset (no preset sets some, such as Nadam's `productNext`, and `configure`
 * takes hyperparameters only).
 */
export function oneStep(
  rule: string,
  preset: string,
  hyper: Readonly<Record<string, HyperValue>>,
  input: ElementInput,
  flags: Readonly<Record<string, string | boolean>> = {},
): ElementOutput {
  const configured = configure(entryOf(rule), preset, hyper);
  const config = { ...configured, flags: { ...configured.flags, ...flags } };
  const state = Object.fromEntries(Object.entries(input.state).map(([k, x]) => [k, Float32Array.of(x)]));
  const out = oracleRuleOf(rule).step(config, {
    params: Float32Array.of(input.param),
    grads: Float32Array.of(input.grad),
    state,
    t: input.t,
  });
  return {
    param: out.params[0]!,
    state: Object.fromEntries(Object.entries(out.state).map(([k, x]) => [k, x[0]!])),
  };
}

/** Expects `actual` to be the float32 nearest `reference` (compared as text, so −0 and +0 differ). */
export function expectRounded(actual: number, reference: Decimal, what: string): void {
  expect(String(Object.is(actual, -0) ? '-0' : actual), what).toBe(
    String(Object.is(roundToFloat32(reference), -0) ? '-0' : roundToFloat32(reference)),
  );
}

/**
 * Expects one step's outputs to be the float32 nearest the reference's: θ′, and exactly the slots the
 * reference defines, each.
 */
export function expectOutputs(
  out: ElementOutput,
  reference: { readonly param: Decimal } & Readonly<Record<string, Decimal | undefined>>,
): void {
  const slots = Object.keys(reference).filter((k) => k !== 'param' && reference[k] !== undefined);
  expect(Object.keys(out.state).sort(), 'state slots').toEqual(slots.sort());
  expectRounded(out.param, reference.param, 'θ′');
  for (const k of slots) expectRounded(out.state[k]!, reference[k]!, `${k}′`);
}

/** Float32 values of moderate magnitude, nonzero, of either sign: 2^−20 ≤ |x| ≤ 2^20. */
export const moderate = fc
  .float({ min: Math.fround(2 ** -20), max: 2 ** 20, noNaN: true })
  .chain((x) => fc.constantFrom(x, -x));

/** Nonnegative float32 values for second-moment slots: 0 or 2^−30 ≤ x ≤ 2^30. */
export const moment = fc.oneof(fc.constant(0), fc.float({ min: Math.fround(2 ** -30), max: 2 ** 30, noNaN: true }));

/** A decay rate as decimal text 0.d…d with one to three digits, never 0. */
export const rate = fc.integer({ min: 1, max: 999 }).map((k) => `0.${String(k).padStart(3, '0')}`);

/** A small positive decimal hyperparameter (a learning rate, ε or λ) as text, 1e−8 to 0.5. */
export const small = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 8 }))
  .map(([digit, exponent]) => `${digit}e-${exponent}`);

/**
 * The cases of a property whose reference is costly (real powers at 120 digits, whole matrices): a
 * quarter of the suite's count ($OPTIM_ORACLE_RUNS, 200 by default), so that deeper runs deepen it too.
 */
export const costly = { numRuns: Math.max(1, Math.round(runsFromEnv(200) / 4)) };
