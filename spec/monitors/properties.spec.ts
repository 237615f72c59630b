/**
 * The monitors' properties on the oracle and on production, under every preset: the rule's own
 * statements (stops at the first epoch due, never before patience; restores the best epoch), a
 * strictly improving sequence never stops, shift invariance of the patience rule, scale invariance
 * of GL and PQ, and mode symmetry. Where float production breaks one (the patience rule's float
 * comparisons near min_delta: strictly improving, shift), the spec asserts that fast-check finds the
 * break; spec/monitors/named-cases.spec.ts holds the shrunk cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESET_NAMES } from '../../core/catalogue/index.js';
import { monitorCase } from '../../src/gate/monitors/arbitraries.js';
import {
  modeSymmetry,
  scaleInvariance,
  shiftInvariance,
  strictlyImprovingNeverStops,
} from '../../src/gate/monitors/invariances.js';
import { implementationsOf, ruleProperty } from '../../src/gate/monitors/properties.js';
import { runsFromEnv, seedFromEnv } from '../../src/gate/seed.js';
import { monitorRecords } from '../../src/registry/monitors.js';

const seed = seedFromEnv();
const numRuns = runsFromEnv(200);

const units = monitorRecords.flatMap((record) =>
  PRESET_NAMES.filter((p) => record.entry.presets[p] !== undefined).flatMap((preset) =>
    implementationsOf(record).map((impl) => ({
      record,
      preset,
      impl,
      label: `${record.entry.name}/${preset} ${impl.name}`,
    })),
  ),
);

/** Runs a property and returns fast-check's details, for the spec to assert holds or breaks. */
const run = (p: fc.IProperty<[unknown]>) => fc.check(p, { seed, numRuns });

describe('monitor properties', () => {
  it.each(units)('$label: stops where the rule says and restores the best epoch', ({ record, preset, impl }) => {
    fc.assert(ruleProperty(impl, record, preset), { seed, numRuns });
  });

  /** Where float production breaks a property: the patience presets' float comparisons near min_delta. */
  const floatBreaks = (name: string, impl: string) => impl === 'production' && name === 'early-stopping';

  it.each(units)('$label: a strictly improving sequence never stops', ({ record, preset, impl }) => {
    const r = run(strictlyImprovingNeverStops(impl.run, record.entry, preset) as fc.IProperty<[unknown]>);
    expect(r.failed).toBe(floatBreaks(record.entry.name, impl.name));
  });

  it.each(units.filter((u) => u.record.entry.name === 'early-stopping'))(
    '$label: adding a constant to every value changes nothing',
    ({ record, preset, impl }) => {
      const r = run(shiftInvariance(impl.run, record.entry, preset) as fc.IProperty<[unknown]>);
      expect(r.failed).toBe(floatBreaks(record.entry.name, impl.name));
    },
  );

  it.each(units.filter((u) => ['early-stopping-gl', 'early-stopping-pq'].includes(u.record.entry.name)))(
    '$label: scaling every value by c > 0 changes nothing',
    ({ record, impl }) => {
      fc.assert(scaleInvariance(impl.run, record.entry), { seed, numRuns });
    },
  );

  it.each(units.filter((u) => u.record.entry.name === 'early-stopping'))(
    "$label: mode 'max' on v equals mode 'min' on −v",
    ({ record, preset, impl }) => {
      const r = run(modeSymmetry(impl.run, monitorCase(record.entry, preset)) as fc.IProperty<[unknown]>);
      console.log(
        'mode',
        `${preset}/${impl.name}`,
        r.failed ? fc.stringify(r.counterexample) + ' ' + String(r.errorInstance) : 'holds',
      );
      expect(r.failed).toBe(false);
    },
  );
});
