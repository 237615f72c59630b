import { describeAgreement } from './agreement.js';

describeAgreement('rmsprop');
