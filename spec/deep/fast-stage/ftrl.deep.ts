/** The oracle's fast stages against its decimal ladder on ftrl (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('ftrl');
