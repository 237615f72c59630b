/** The oracle's fast stages against its decimal ladder on adagrad (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('adagrad');
