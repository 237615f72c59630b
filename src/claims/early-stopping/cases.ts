/**
 * What the early-stopping claims share: the implementations they are checked on, the arbitraries
 * over every preset, and the description of a counterexample.
 *
 * @module
 */
import fc from 'fast-check';
import { PRESET_NAMES, type PresetName } from '../../../core/catalogue/index.js';
import { earlyStopping } from '../../../core/catalogue/monitors/index.js';
import type { MonitorCase } from '../../gate/monitors/arbitraries.js';
import { implementationsOf, type MonitorImplementation } from '../../gate/monitors/properties.js';
import { monitorRecordOf, type MonitorRecord } from '../../registry/monitors.js';
import { checkProperty, text } from '../property.js';
import type { ClaimOptions, ClaimResult, NamedValue } from '../types.js';

/** The patience rule's presets. */
export const PATIENCE_PRESETS: readonly PresetName[] = PRESET_NAMES.filter(
  (p) => earlyStopping.presets[p] !== undefined,
);

/** The record, oracle and production (plain numbers) of a monitor. */
export function sidesOf(name: string): {
  record: MonitorRecord;
  oracle: MonitorImplementation;
  production: MonitorImplementation;
} {
  const record = monitorRecordOf(name);
  const [oracle, production] = implementationsOf(record);
  if (oracle === undefined || production === undefined) throw new Error(`internal: ${name} has no implementations`);
  return { record, oracle: oracle.run, production: production.run };
}

/** An input as JSON, NaN and ±∞ written out (JSON would print null). */
export const inputText = (input: MonitorCase['input']): string =>
  JSON.stringify(input, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));

/** A case as the claims report it: the entry, preset, hyperparameters and input. */
export function describeCase(c: MonitorCase, extra: Readonly<Record<string, string>> = {}): NamedValue[] {
  return [
    text('monitor', `${c.config.entry.name}/${c.config.preset}`),
    text('hyperparameters', JSON.stringify(c.config.hyper)),
    text('input', inputText(c.input)),
    ...Object.entries(extra).map(([k, v]) => text(k, v)),
  ];
}

/**
 * A claim's verdict from a predicate over drawn values: the predicate returns what broke, or
 * undefined; the counterexample is described by `describe`.
 */
export function checkBreaks<T>(
  arbitrary: fc.Arbitrary<T>,
  breaks: (x: T) => string | undefined,
  describe: (x: T) => NamedValue[],
  runs: number,
  o: ClaimOptions,
): ClaimResult {
  return checkProperty(
    {
      property: fc.property(arbitrary, (x) => {
        const problem = breaks(x);
        if (problem !== undefined) throw new Error(problem);
      }),
      runs,
      describe: ([x]) => describe(x),
      reason: ([x]) => breaks(x) ?? '',
    },
    o,
  );
}
