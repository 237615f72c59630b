/** The oracle's fast stages against its decimal ladder on momentum (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('momentum');
