/**
 * The backends present on this machine, for `describe.each`: every production test runs on each.
 */
import { availableBackends } from '../src/production/tfjs/backend.js';

export const backends = await availableBackends();
