/** The oracle's fast stages against its decimal ladder on lamb (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('lamb');
