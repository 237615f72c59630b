import { describeAgreement } from './agreement.js';

describeAgreement('amsgrad');
