/** The oracle's fast stages against its decimal ladder on radam (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('radam');
