/**
 * The monitors' agreement property (what `check` runs): production against the exact oracle under
 * every preset, decisions equal except within rounding of a threshold, which is counted; and the
 * Keras numpy backend (float64 comparisons) too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESET_NAMES } from '../../core/catalogue/index.js';
import { monitorAgreementProperty, MONITOR_OUTPUTS } from '../../src/gate/monitors/agreement.js';
import { monitorProperty } from '../../src/gate/monitors/index.js';
import { newTally } from '../../src/gate/properties.js';
import { runsFromEnv, seedFromEnv } from '../../src/gate/seed.js';
import { monitorRecordOf, monitorRecords } from '../../src/registry/monitors.js';

const seed = seedFromEnv();
const numRuns = runsFromEnv(200);

describe('monitor agreement', () => {
  const units = monitorRecords.flatMap((r) =>
    PRESET_NAMES.filter((p) => r.entry.presets[p] !== undefined).map((p) => [r.entry.name, p] as const),
  );
  it.each(units)('%s under %s agrees with the oracle except within rounding', (name, preset) => {
    const tally = newTally();
    fc.assert(monitorProperty(monitorRecordOf(name), preset, tally, 'optim-oracle'), { seed, numRuns });
    expect(tally.steps).toBe(numRuns);
    const cmp = tally.outputs[MONITOR_OUTPUTS.comparisons];
    expect(cmp?.compared ?? 0).toBeGreaterThan(0);
    expect(cmp?.maxRatio ?? 0).toBeLessThanOrEqual(1);
    console.log(name, preset, JSON.stringify(tally.outputs));
  });

  it('Keras on the numpy backend (float64 comparisons) agrees too', () => {
    const tally = newTally();
    fc.assert(
      monitorAgreementProperty(monitorRecordOf('early-stopping'), 'keras', tally, 'keras numpy', {
        production: { kerasComparison: 'float64' },
      }),
      { seed, numRuns },
    );
    console.log('keras numpy', JSON.stringify(tally.outputs));
  });
});
