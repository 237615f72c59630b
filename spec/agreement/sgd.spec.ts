import { describeAgreement } from './agreement.js';

describeAgreement('sgd');
