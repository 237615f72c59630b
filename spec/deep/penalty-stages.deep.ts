/** The penalties' fast stages against their decimal ladder (./penalty-stages.ts), one test per penalty and preset. */
import { describe, expect, it } from 'vitest';
import { PRESET_NAMES } from '../../core/catalogue/index.js';
import { certifyStatistics, resetCertifyStatistics } from '../../oracle/staged.js';
import { seedFromEnv, SEED_ENV } from '../../src/gate/seed.js';
import { penaltyRecords } from '../../src/registry/regularizers.js';
import { deepCases, DEEP_CASES_ENV } from './fast-stage.js';
import { penaltyDisagreements } from './penalty-stages.js';

const cases = deepCases();
const seed = seedFromEnv();

for (const record of penaltyRecords) {
  const presets = PRESET_NAMES.filter((p) => record.entry.presets[p] !== undefined);
  const perPreset = Math.ceil(cases / presets.length);
  describe(`${record.entry.name}: the fast stages agree with the decimal ladder on ${cases} weights`, () => {
    it.each(presets)(
      `%s: ${perPreset} weights, every output equal bit for bit, the same uncertified marks`,
      (preset) => {
        resetCertifyStatistics();
        const { found, compared } = penaltyDisagreements(record, preset, perPreset, seed);
        const replay = `replay: ${SEED_ENV}=${seed} ${DEEP_CASES_ENV}=${cases} npx vitest run --config vitest.deep.config.ts spec/deep/penalty-stages.deep.ts -t '${record.entry.name}.*${preset}'`;
        expect(found.slice(0, 5), `${found.length} outputs differ; ${replay}`).toEqual([]);
        expect(compared).toBeGreaterThanOrEqual(perPreset);
        // A comparison in which the binary64 stage decided nothing would check nothing.
        expect(certifyStatistics()[record.entry.name]?.fast ?? 0, 'the fast stages decided nothing').toBeGreaterThan(0);
      },
    );
  });
}
