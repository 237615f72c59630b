/**
 * The JSON Schema (draft 2020-12) of the `--json` report of `check`, `gate` and `merge` (the types of
 * ./check-types.ts), as data: `optim-oracle fixtures` writes it to fixtures/schema/report.schema.json
 * and `fixtures --check` compares it there. JSON has no ∞ or NaN: a ratio that is ∞ (a bitwise
 * comparison that failed) and an error or bound that is NaN (an output missing) are written as null.
 *
 * @module
 */
import { PRESET_NAMES } from '../../core/catalogue/index.js';
import { arrayOf, closed, ref, type JsonSchema } from '../fixtures/schema-defs.js';
import { HISTOGRAM_BINS, HISTOGRAM_LABELS } from '../gate/histogram.js';
import { TIER } from '../gate/failure.js';
import { REPORT_SCHEMA_VERSION } from './check-types.js';

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';
const WRITTEN_BY = 'Written by `optim-oracle fixtures` from src/runs/report-schema.ts; do not edit.';

const COUNT: JsonSchema = { type: 'integer', minimum: 0 };
const NUMBER: JsonSchema = { type: 'number' };
/** A number JSON may have written as null (∞ or NaN). */
const NUMBER_OR_NULL: JsonSchema = { type: ['number', 'null'] };
const TEXT: JsonSchema = { type: 'string' };
const TEXTS: JsonSchema = arrayOf(TEXT);
const byName = (value: JsonSchema): JsonSchema => ({ type: 'object', additionalProperties: value });

/** The fields of a case (src/gate/failure.ts): where, the hyperparameters, t, the float32 inputs by name. */
const CASE_FIELDS: Readonly<Record<string, JsonSchema>> = {
  rule: TEXT,
  preset: TEXT,
  what: { ...TEXT, description: 'where in the case: at t = 3, at step 2 of a trajectory, in the initial state' },
  hyper: { ...byName(TEXT), description: "the hyperparameters as the oracle's exact decimal text" },
  t: { type: 'integer', minimum: 1 },
  inputs: { ...byName(arrayOf(ref('float32'))), description: 'params, grads, state.<slot>' },
};

const DEFS: Readonly<Record<string, JsonSchema>> = {
  float32: closed({
    bits: { type: 'string', pattern: '^0x[0-9a-f]{8}$' },
    decimal: { type: 'string', pattern: '^(-?[0-9.e+-]+|NaN|-?Infinity)$' },
  }),
  measure: closed({
    compared: COUNT,
    classified: COUNT,
    excluded: COUNT,
    uncertified: COUNT,
    maxError: { ...NUMBER, description: 'largest |error| in units of u·S + η' },
    maxBound: { ...NUMBER, description: 'largest bound in units of u·S + η' },
    maxRatio: { ...NUMBER_OR_NULL, description: 'largest err/bound (null: ∞, a bitwise comparison failed)' },
  }),
  histogram: {
    description: `counts of err/bound in the bins ${HISTOGRAM_LABELS.join(', ')}`,
    ...arrayOf(COUNT, HISTOGRAM_BINS),
    maxItems: HISTOGRAM_BINS,
  },
  mismatch: closed({
    output: TEXT,
    index: { type: 'integer', minimum: -1, description: '-1: the output was missing or of the wrong length' },
    inputs: { ...byName(ref('float32')), description: "the case's inputs at this index" },
    expected: { ...ref('float32'), description: "the oracle's correctly rounded value" },
    actual: { ...ref('float32'), description: "the implementation's value" },
    error: NUMBER_OR_NULL,
    bound: { ...NUMBER_OR_NULL, description: 'the derived bound on |error|; 0 means bitwise' },
    ratio: { ...NUMBER_OR_NULL, description: 'error / bound; null: ∞ (bitwise comparison failed) or NaN' },
    why: TEXT,
    tier: { enum: [TIER], description: "faithful-to-preset: the bound of the preset's own operation order" },
  }),
  property: closed(
    {
      name: TEXT,
      passed: { type: 'boolean' },
      runs: COUNT,
      judged: COUNT,
      seed: { type: 'integer' },
      path: TEXT,
      counterexample: TEXT,
      error: TEXT,
      failure: closed({ ...CASE_FIELDS, mismatches: arrayOf(ref('mismatch')) }, ['t']),
      case: {
        type: 'object',
        description: 'the counterexample as a saved case (format optim-oracle-case/1), for gate --case',
      },
      replay: TEXT,
      notChecked: TEXT,
      interrupted: { type: 'boolean' },
    },
    ['path', 'counterexample', 'error', 'failure', 'case', 'replay', 'notChecked', 'interrupted'],
  ),
  tally: closed(
    {
      steps: COUNT,
      outputs: byName(ref('measure')),
      histograms: byName(ref('histogram')),
      worst: {
        description: 'the case with the largest err/bound seen, passing or not',
        ...closed({ ...CASE_FIELDS, ratio: NUMBER_OR_NULL, output: TEXT }, ['t']),
      },
      conforming: { ...COUNT, description: 'steps that passed only within the conforming bound' },
    },
    ['histograms', 'worst', 'conforming'],
  ),
  result: closed(
    {
      rule: TEXT,
      preset: { enum: [...PRESET_NAMES] },
      properties: arrayOf(ref('property')),
      tally: ref('tally'),
      tier: {
        enum: ['exact', 'faithful-to-preset', 'conforming'],
        description: 'gate: the tier the rule and preset were judged at',
      },
    },
    ['tier'],
  ),
};

/** The report's schema. */
export const REPORT_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  title: 'optim-oracle check, gate and merge report (--json)',
  $comment: WRITTEN_BY,
  ...closed(
    {
      schemaVersion: { const: REPORT_SCHEMA_VERSION },
      implementation: TEXT,
      external: { type: 'boolean', description: "true for the gate: an implementation not this project's" },
      backend: TEXT,
      seed: { type: 'integer' },
      runs: { type: 'integer', minimum: 1 },
      results: arrayOf(ref('result')),
      passed: COUNT,
      failed: COUNT,
      stoppedAt: closed({ maxSeconds: NUMBER, checked: COUNT, notChecked: TEXTS }),
      shard: closed({
        index: COUNT,
        count: { type: 'integer', minimum: 1 },
        selection: closed({ rule: TEXT, preset: TEXT, property: TEXT }, ['rule', 'preset', 'property']),
      }),
      broken: closed({ message: TEXT, notChecked: TEXTS }),
      diagnoses: { ...arrayOf({ type: 'object' }), description: 'gate: the diagnosis of each failing rule and preset' },
      findings: arrayOf(closed({ rule: TEXT, preset: TEXT, finding: TEXT })),
    },
    ['external', 'stoppedAt', 'shard', 'broken', 'diagnoses', 'findings'],
  ),
  $defs: DEFS,
};
