import { describeAgreement } from './agreement.js';

describeAgreement('ftrl');
