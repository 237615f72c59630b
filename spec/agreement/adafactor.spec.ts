import { describeAgreement } from './agreement.js';

// An eighth of the default cases: Adafactor's step (row, column and whole-tensor means on tfjs, in the
// bound and in the oracle) costs about what LAMB's does, 15 ms, and npm test has no room for more;
// $OPTIM_ORACLE_RUNS (CI: 1000) runs them all.
describeAgreement('adafactor', undefined, { share: 1 / 8 });
