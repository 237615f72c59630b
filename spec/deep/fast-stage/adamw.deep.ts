/** The oracle's fast stages against its decimal ladder on adamw (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('adamw');
