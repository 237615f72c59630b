/** The oracle's fast stages against its decimal ladder on nesterov (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('nesterov');
