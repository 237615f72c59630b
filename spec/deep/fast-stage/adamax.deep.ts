/** The oracle's fast stages against its decimal ladder on adamax (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('adamax');
