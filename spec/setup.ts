/**
 * Every property in the suite runs with the seed from $OPTIM_ORACLE_SEED (fixed by default), so that a
 * failure replays; fast-check prints `{ seed, path }` with each counterexample.
 */
import fc from 'fast-check';
import { RUNS_ENV, SEED_ENV, runsFromEnv, seedFromEnv } from '../src/gate/seed.js';

const seed = seedFromEnv();
fc.configureGlobal({
  seed,
  numRuns: runsFromEnv(200),
  reporter(details) {
    if (details.failed) {
      throw new Error(
        `${fc.defaultReportMessage(details)}\n${String(details.errorInstance)}\nReplay: ${SEED_ENV}=${seed} (path ${details.counterexamplePath}); deeper runs: ${RUNS_ENV}=N`,
      );
    }
  },
});
