/** The oracle's fast stages against its decimal ladder on nag (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('nag');
