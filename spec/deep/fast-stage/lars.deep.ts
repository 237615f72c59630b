/** The oracle's fast stages against its decimal ladder on lars (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('lars');
