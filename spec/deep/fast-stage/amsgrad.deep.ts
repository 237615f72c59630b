/** The oracle's fast stages against its decimal ladder on amsgrad (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('amsgrad');
