/** The oracle's fast stages against its decimal ladder on sgd (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('sgd');
