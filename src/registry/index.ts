/**
 * The registry (./registry.ts), its record types (./records.ts) and the production optimizers it
 * names (./optimizers.ts).
 *
 * @module
 */
export * from './registry.js';
export * from './records.js';
export * from './optimizers.js';
export * from './regularizers.js';
export * from './schedules.js';
