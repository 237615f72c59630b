/**
 * Part 2 of 3 of the fast stages against the decimal ladder's recorded outputs on 10^5 element-steps
 * per update rule, in `npm test` (./recorded-ladder.ts, ./ladder-record.ts).
 */
import { describeRecorded } from './recorded-ladder.js';

describeRecorded(2);
