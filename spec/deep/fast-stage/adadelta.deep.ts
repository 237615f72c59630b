/** The oracle's fast stages against its decimal ladder on adadelta (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('adadelta');
