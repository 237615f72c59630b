import { describeAgreement } from './agreement.js';

describeAgreement('radam');
