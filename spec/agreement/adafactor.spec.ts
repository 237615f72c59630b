import { describeAgreement } from './agreement.js';

describeAgreement('adafactor');
