/** The oracle's fast stages against its decimal ladder on rmsprop-centered (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('rmsprop-centered');
