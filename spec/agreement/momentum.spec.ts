import { describeAgreement } from './agreement.js';

describeAgreement('momentum');
