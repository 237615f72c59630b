/** The oracle's fast stages against its decimal ladder on adam (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('adam');
