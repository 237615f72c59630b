import { describeAgreement } from './agreement.js';

describeAgreement('asgd');
