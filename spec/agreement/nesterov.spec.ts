import { describeAgreement } from './agreement.js';

describeAgreement('nesterov');
