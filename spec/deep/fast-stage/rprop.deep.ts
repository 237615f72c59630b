/** The oracle's fast stages against its decimal ladder on rprop (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('rprop');
