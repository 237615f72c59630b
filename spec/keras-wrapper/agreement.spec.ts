/**
 * Keras 3's optimizer wrapper (keras/src/optimizers/base_optimizer.py) on every rule with a `keras`
 * preset: each stage of each step (clip, decay, the rule's step, EMA, overwrite) agrees with its oracle
 * on the float32 inputs production gave it, within the stage's derived bound (src/gate/keras-wrapper/).
 * One property over all of them, a few cases per rule by default (the whole count under
 * $OPTIM_ORACLE_RUNS, as CI sets it).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { production } from '../../src/gate/implementation.js';
import { kerasWrapperCase, runKerasCase } from '../../src/gate/keras-wrapper/property.js';
import { newTally } from '../../src/gate/properties.js';
import { RUNS_ENV, runsFromEnv, seedFromEnv } from '../../src/gate/seed.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { updateRecords } from '../../src/registry/index.js';
import { backends } from '../backends.js';

const seed = seedFromEnv();
const deep = (process.env[RUNS_ENV] ?? '') !== '';
const kerasRules = updateRecords.filter((r) => r.kind === 'elementwise-update' && r.entry.presets.keras !== undefined);

describe.each(backends.slice(0, deep ? backends.length : 1))('Keras wrapper on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  it('every stage of every step agrees with its oracle within its bound, on every Keras rule', () => {
    const tally = newTally();
    const impl = production(backend);
    const numRuns = deep ? runsFromEnv(200) : Math.max(kerasRules.length * 2, Math.round(runsFromEnv(200) / 8));
    fc.assert(
      fc.property(
        fc.constantFrom(...kerasRules).chain((r) => kerasWrapperCase(r.entry)),
        (c) => runKerasCase(impl, c, tally),
      ),
      { seed, numRuns },
    );
    const stages = ['clip', 'decay', 'rule', 'ema', 'overwrite'];
    for (const stage of stages) {
      const compared = Object.entries(tally.outputs)
        .filter(([k]) => k.startsWith(stage))
        .reduce((n, [, m]) => n + m.compared, 0);
      expect(compared, stage).toBeGreaterThan(0);
    }
    for (const [k, m] of Object.entries(tally.outputs)) expect(m.maxRatio, k).toBeLessThanOrEqual(1);
  });
});
