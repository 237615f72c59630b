/** The oracle's fast stages against its decimal ladder on adafactor (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('adafactor');
