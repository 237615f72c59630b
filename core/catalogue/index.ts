/**
 * The catalogue's shared pieces: entry types, `defineEntry`, configuration, input checks, step data
 * and objectives. The entries themselves are in `rules/` and `regularizers/` (all of them re-exported,
 * each with its own schema, by `entries.ts`); the one list of them, with their oracles and production
 * implementations, is the registry (src/registry/registry.ts).
 *
 * @module
 */
export * from './types.js';
export * from './define.js';
export * from './errors.js';
export * from './configure.js';
export * from './keras-wrapper.js';
export * from './check-inputs.js';
export * from './matrix-shape.js';
export * from './step-data.js';
export * from './objectives.js';
