/**
 * Agreement of production with the exact oracle within the derived bound, for rotation, both resizes
 * and both colour adjustments, under every preset each has, on every backend present: the property
 * `check` runs (src/gate/augmentations/interpolating.ts), with the largest error measured against the
 * bound printed.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRESET_NAMES } from '../../core/catalogue/index.js';
import { interpolatingProperty } from '../../src/gate/augmentations/interpolating.js';
import { newTally } from '../../src/gate/properties.js';
import { runsFromEnv } from '../../src/gate/seed.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { interpolatingRecords } from '../../src/registry/augmentations-interpolating.js';
import { backends } from '../backends.js';

/** A quarter of the suite's cases per property (50 by default; OPTIM_ORACLE_RUNS scales it). */
const RUNS = Math.max(10, Math.round(runsFromEnv(200) / 4));

describe.each(backends)('interpolating and colour augmentations on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });
  for (const record of interpolatingRecords) {
    for (const preset of PRESET_NAMES.filter((p) => record.entry.presets[p] !== undefined)) {
      it(`${record.entry.name} under ${preset} agrees with the oracle within the derived bound`, () => {
        const tally = newTally();
        fc.assert(interpolatingProperty(record, preset, tally, `optim-oracle on ${backend}`), { numRuns: RUNS });
        expect(tally.steps).toBe(RUNS);
        const measures = Object.entries(tally.outputs);
        expect(measures.reduce((n, [, m]) => n + m.compared, 0)).toBeGreaterThan(0);
        for (const [, m] of measures) expect(m.maxRatio).toBeLessThanOrEqual(1);
        const shown = measures.map(
          ([k, m]) =>
            `${k}: ${m.compared} values, largest error ${m.maxError.toPrecision(3)} against bound ${m.maxBound.toPrecision(3)} (u·S), largest error/bound ${m.maxRatio.toPrecision(3)}`,
        );
        console.log(`${backend} ${record.entry.name}/${preset}, ${tally.steps} cases: ${shown.join('; ')}`);
      });
    }
  }
});
