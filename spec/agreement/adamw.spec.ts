import { describeAgreement } from './agreement.js';

describeAgreement('adamw');
