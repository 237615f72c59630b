/**
 * Homogeneity of a rule's step in the gradient: scaling every gradient by c ≠ 0, and each state slot
 * by c^d for a slot of degree d (|c|^d for a nonnegative slot, as AdaMax's u), multiplies the step
 * Δ = θ − θ' by sign(c) |c|^degree. The slots' degrees and ranges are read from their catalogue
 * entries (`entry.slots[name]`), so a new slot cannot default to any.
 *
 * θ = 0 throughout, so that θ' = −Δ exactly (no rule here reads θ). docs/claims.md has the reasoning.
 *
 * @module
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { exactText } from '../../../oracle/binary32.js';
import {
  configure,
  type CatalogueEntry,
  type Configuration,
  type HyperName,
  type PresetName,
  type Schema,
  type SlotSpec,
} from '../../../core/catalogue/index.js';
import { required } from '../../../core/required.js';
import { moderateFloat32 } from '../../gate/arbitraries/float32.js';
import { production } from '../../gate/implementation.js';
import { elementwiseOracleOf } from '../../registry/index.js';
import { only } from '../one-step.js';
import { checkProperty, f32, int, text } from '../property.js';
import type { ClaimOptions, ClaimResult, NamedValue } from '../types.js';

/** Decimal at 100 significant digits. */
export const D = Decimal.clone({ precision: 100 });

/** A rule under a preset with some hyperparameters given: one case of a homogeneity claim. */
export interface ScaleCase {
  /** `rule (preset)`, as the counterexample names it. */
  readonly name: string;
  readonly config: Configuration;
}

/** The case of `entry` under `preset` with `hyper` overriding the preset's defaults. */
export function scaleCase<S extends Schema>(
  entry: CatalogueEntry<S>,
  preset: PresetName,
  hyper: { readonly [K in HyperName<S>]?: string } = {},
): ScaleCase {
  return { name: `${entry.name} (${preset})`, config: configure(entry, preset, hyper) };
}

/** The catalogue's description of slot `name` of the configuration's entry. */
function slotSpec(config: Configuration, name: string): SlotSpec {
  return required(config.entry.slots[name], `${config.entry.name}'s slot '${name}'`);
}

/** A slot's scale factor for c: c^d for a slot of degree d, |c|^d for a nonnegative one (AdaMax's u: |c|). */
function slotFactor(config: Configuration, slot: string, c: Decimal): Decimal {
  const { degree, range } = slotSpec(config, slot);
  if (degree === 0) return new D(1);
  return (range === 'nonnegative' ? c.abs() : c).pow(degree);
}

/** Exact Δ (θ = 0) of one step, enclosed at 80 digits. */
export function exactDelta(
  config: Configuration,
  g: Decimal | string,
  state: Record<string, Decimal | string>,
  t: number,
): { lo: Decimal; hi: Decimal; near: Decimal } {
  const slots = Object.fromEntries(Object.entries(state).map(([k, v]) => [k, [v]]));
  const out = elementwiseOracleOf(config.entry.name).enclose(
    config,
    { params: ['0'], grads: [g], state: slots, t },
    80,
  );
  const theta = only(out['params'], "the oracle's θ'");
  return { lo: theta.hi.neg(), hi: theta.lo.neg(), near: theta.near.neg() };
}

/**
 * Element and tensor state for a case: nonnegative element slots (second moments, AdaMax's u) from
 * |second|, the others from `first`; tensor slots 0.5.
 */
function stateFor(config: Configuration, first: number, second: number): Record<string, number> {
  const layout = config.entry.state(config.flags);
  const state: Record<string, number> = {};
  for (const k of layout.element) state[k] = slotSpec(config, k).range === 'nonnegative' ? Math.abs(second) : first;
  for (const k of layout.tensor) state[k] = 0.5;
  return state;
}

/** Δ(g) and Δ(c g) for one case, exact (80 digits); tensor slots (degree 0) are not scaled. */
function scaledPair(which: ScaleCase, g: number, first: number, second: number, c: number, t: number) {
  const { config } = which;
  const state = stateFor(config, first, second);
  const C = new D(exactText(c));
  const scaled = Object.fromEntries(
    Object.entries(state).map(([k, x]) => [k, new D(exactText(x)).times(slotFactor(config, k, C))]),
  );
  const base = exactDelta(
    config,
    exactText(g),
    Object.fromEntries(Object.entries(state).map(([k, x]) => [k, exactText(x)])),
    t,
  );
  const moved = exactDelta(config, C.times(exactText(g)), scaled, t);
  return { base, moved, C };
}

/** `Δ(c g) = sign(c) |c|^degree Δ(g)`, exactly, for the cases. */
export function exactClaim(cases: readonly ScaleCase[], degree: number, o: ClaimOptions): ClaimResult {
  const factorOf = (C: Decimal) => C.abs().pow(degree).times(C.s);
  return checkProperty(
    {
      property: fc.property(
        fc.constantFrom(...cases),
        moderateFloat32(),
        moderateFloat32(),
        moderateFloat32(),
        moderateFloat32(),
        fc.integer({ min: 1, max: 1000 }),
        (which, g, first, second, c, t) => {
          const { base, moved, C } = scaledPair(which, g, first, second, c, t);
          const factor = factorOf(C);
          const width = Decimal.max(moved.hi.minus(moved.lo), base.hi.minus(base.lo).times(factor.abs()));
          return (
            moved.near.minus(base.near.times(factor)).abs().lte(width.times(2)) &&
            width.lte(moved.near.abs().times('1e-60'))
          );
        },
      ),
      runs: 200,
      describe: ([which, g, first, second, c, t]): NamedValue[] => [
        text('rule', which.name),
        f32('g', g),
        f32('first moment', first),
        f32('second moment', Math.abs(second)),
        f32('c', c),
        int('t', t),
      ],
      reason: ([which, g, first, second, c, t]) => {
        const { base, moved, C } = scaledPair(which, g, first, second, c, t);
        return `Δ(c g) = ${moved.near.toSignificantDigits(15).toString()} against sign(c) |c|^${degree} Δ(g) = ${base.near.times(factorOf(C)).toSignificantDigits(15).toString()}`;
      },
    },
    o,
  );
}

/** Production's Δ (θ = 0) of one step. */
export function float32Delta(
  backend: string,
  config: Configuration,
  g: number,
  state: Record<string, number>,
  t: number,
): number {
  const s = Object.fromEntries(Object.entries(state).map(([k, x]) => [k, Float32Array.of(x)]));
  const out = production(backend).step(config, {
    params: Float32Array.of(0),
    grads: Float32Array.of(g),
    state: s,
    t,
  });
  return -only(out.params, "production's θ'");
}

/** `Δ(2^k g) = ±2^(k·degree) Δ(g)` bitwise in production, moderate values. */
export function bitwiseClaim(cases: readonly ScaleCase[], degree: number, o: ClaimOptions): ClaimResult {
  return checkProperty(
    {
      property: fc.property(
        fc.constantFrom(...cases),
        moderateFloat32(),
        moderateFloat32(),
        moderateFloat32(),
        fc.integer({ min: -20, max: 20 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 100 }),
        (which, g, first, second, k, negative, t) => {
          const { config } = which;
          const c = (negative ? -1 : 1) * 2 ** k;
          const state = stateFor(config, first, second);
          const scaled = Object.fromEntries(
            Object.entries(state).map(([slot, x]) => [slot, x * slotFactor(config, slot, new D(c)).toNumber()]),
          );
          const base = float32Delta(o.backend, config, g, state, t);
          const moved = float32Delta(o.backend, config, g * c, scaled, t);
          return Object.is(moved, Math.sign(c) * Math.abs(c) ** degree * base);
        },
      ),
      runs: 200,
      describe: ([which, g, first, second, k, negative, t]): NamedValue[] => [
        text('rule', which.name),
        f32('g', g),
        f32('first moment', first),
        f32('second moment', Math.abs(second)),
        f32('c', (negative ? -1 : 1) * 2 ** k),
        int('t', t),
      ],
    },
    o,
  );
}
