import { describeAgreement } from './agreement.js';

describeAgreement('nag');
