import { describeAgreement } from './agreement.js';

// A third of the default cases: Adafactor's step (row, column and whole-tensor means on tfjs, in the
// bound and in the oracle) costs about three times LAMB's; $OPTIM_ORACLE_RUNS runs them all.
describeAgreement('adafactor', undefined, { share: 1 / 3 });
