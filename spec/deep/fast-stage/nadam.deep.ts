/** The oracle's fast stages against its decimal ladder on nadam (../fast-stage.ts). */
import { deepAgreement } from '../fast-stage.js';

deepAgreement('nadam');
