/** The oracle's fast stages against its decimal ladder on lion (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('lion');
