import { describeAgreement } from './agreement.js';

describeAgreement('lion');
