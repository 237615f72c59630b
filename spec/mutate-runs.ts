/**
 * Cases per property under `npm run mutate` (vitest.mutate.config.ts): 50 by default, to keep a
 * mutant's run short; LAMB's agreement spec needs 200, since its pooled check that most outputs were
 * compared (not excluded from the analysed domain) fails below about 200 (272 of 666 parameters
 * compared at 50, 333 needed), which stopped Stryker's first run. $OPTIM_ORACLE_RUNS, when set, wins.
 */
import { expect } from 'vitest';

const LAMB_RUNS = '200';
const DEFAULT_RUNS = '50';

if (process.env['OPTIM_ORACLE_RUNS'] === undefined || process.env['OPTIM_ORACLE_MUTATE_DEFAULT'] === '1') {
  process.env['OPTIM_ORACLE_MUTATE_DEFAULT'] = '1';
  const path = expect.getState().testPath ?? '';
  process.env['OPTIM_ORACLE_RUNS'] = path.endsWith('agreement/lamb.spec.ts') ? LAMB_RUNS : DEFAULT_RUNS;
}
