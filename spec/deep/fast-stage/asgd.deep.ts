/** The oracle's fast stages against its decimal ladder on asgd (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('asgd');
