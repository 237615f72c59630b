import { describeAgreement } from './agreement.js';

describeAgreement('adagrad');
