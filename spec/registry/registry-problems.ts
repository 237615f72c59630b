/**
 * What spec/registry/registry.spec.ts checks of the registry (src/registry/), as a function of the
 * facts it reads, so that the spec can also run it on a broken copy and see it fail. Each problem is
 * one line of text; an empty list means the registry is complete.
 *
 * The conventions it asserts, as the repository keeps them:
 * - an update rule `name` has spec/agreement/<name>.spec.ts, which runs `describeAgreement('<name>')`
 *   (spec/agreement/agreement.ts: one-step, non-finite and trajectory properties under every preset);
 * - a regularizer has spec/regularizers/<name>.spec.ts, except the penalties, which share
 *   spec/regularizers/penalties.spec.ts; the file names the entry by its export from
 *   core/catalogue/entries.ts (`dropConnect`, `elasticNet`, ...);
 * - a monitor, an image transform or a gradient transform is covered by the agreement spec of its family, which runs the
 *   agreement property over every record of the family's list (AGREEMENT_SPECS below), and the record
 *   is in that list;
 * - fixtures/error-bounds.json keys its rows `rule/preset/output`, one per output of every update
 *   rule under every preset it has: `params`, then each element, tensor, row and column slot of the preset's
 *   layout; and one per gradient transform under every preset it has: `grads`
 *   (spec/fixtures/error-bounds.spec.ts); regularizers, monitors and image transforms have no rows.
 *
 * @module
 */
import { PRESET_NAMES, type CatalogueEntry } from '../../core/catalogue/index.js';
import type { RegistryRecord } from '../../src/registry/index.js';

/** What the checker reads: the records, the catalogue's entries, the spec files and the bound table. */
export interface RegistryFacts {
  readonly records: readonly RegistryRecord[];
  /** core/catalogue/entries.ts: each export name with its entry. */
  readonly entries: Readonly<Record<string, CatalogueEntry>>;
  /** The text of a file by its path from the repository root, or undefined when there is none. */
  readonly fileText: (path: string) => string | undefined;
  /** The keys `rule/preset/output` of fixtures/error-bounds.json's rows. */
  readonly boundRows: ReadonlySet<string>;
}

const UPDATE_KINDS: readonly string[] = ['elementwise-update', 'gradient-function-update'];
const REGULARIZER_KINDS: readonly string[] = ['penalty', 'activation-mask', 'weight-mask', 'pooling'];
const DEGREES: readonly unknown[] = [0, 1, 2];

/**
 * The agreement spec of each family of monitors and image transforms: the spec file, the record list
 * it loops over, and whether a record belongs to the family.
 */
const AGREEMENT_SPECS: readonly {
  readonly path: string;
  readonly list: string;
  readonly member: (r: RegistryRecord) => boolean;
}[] = [
  { path: 'spec/monitors/agreement.spec.ts', list: 'monitorRecords', member: (r) => r.kind === 'monitor' },
  {
    path: 'spec/gradient-transforms/agreement.spec.ts',
    list: 'gradientTransformRecords',
    member: (r) => r.kind === 'gradient-transform',
  },
  {
    path: 'spec/augmentations/geometric.spec.ts',
    list: 'geometricRecords',
    member: (r) => r.kind === 'image-transform' && (r.form === 'exact' || r.form === 'random'),
  },
  {
    path: 'spec/augmentations/interpolating-agreement.spec.ts',
    list: 'interpolatingRecords',
    member: (r) => r.kind === 'image-transform' && r.form !== 'exact' && r.form !== 'random',
  },
];

/** The names in `methods` that `x` lacks as functions (all of them when x is not an object). */
function missingMethods(x: unknown, methods: readonly string[]): string[] {
  if (typeof x !== 'object' || x === null) return [...methods];
  const fields = x as Record<string, unknown>;
  return methods.filter((m) => typeof fields[m] !== 'function');
}

/** The record's oracle and production implementation, as the runtime holds them (the types promise them). */
function shapeProblems(record: RegistryRecord): string[] {
  const name = record.entry.name;
  const problems: string[] = [];
  if (record.kind !== record.entry.kind)
    problems.push(`${name}: record kind ${record.kind}, entry kind ${record.entry.kind}`);
  const fields = record as unknown as Record<string, unknown>;
  if (
    REGULARIZER_KINDS.includes(record.kind) ||
    record.kind === 'monitor' ||
    record.kind === 'image-transform' ||
    record.kind === 'gradient-transform'
  ) {
    const absent = ['oracle', 'production'].filter(
      (k) => !['object', 'function'].includes(typeof fields[k]) || fields[k] === null,
    );
    return [...problems, ...absent.map((k) => `${name}: no ${k}`)];
  }
  if (!UPDATE_KINDS.includes(record.kind)) return [...problems, `${name}: kind ${record.kind} has no shape check`];
  const elementwise = record.kind === 'elementwise-update';
  const oracleMethods = ['init', 'initialOutput', 'step', 'exact', ...(elementwise ? ['enclose'] : [])];
  const oracleLacks = missingMethods(fields['oracle'], oracleMethods);
  if (oracleLacks.length > 0) problems.push(`${name}: its oracle lacks ${oracleLacks.join(', ')}`);
  else {
    const served = (fields['oracle'] as { entries?: unknown }).entries;
    if (!Array.isArray(served) || !served.includes(name))
      problems.push(`${name}: its oracle does not serve it (entries)`);
  }
  const production = fields['production'];
  // An update on a given gradient steps element by element, on the whole tensor (LAMB, LARS), or on a
  // whole vector or matrix (Adafactor, which keeps no tensor slots to initialise).
  const productionKinds = elementwise ? ['elementwise', 'tensor', 'matrix'] : ['group'];
  const matrix = (production as { kind?: unknown } | undefined)?.kind === 'matrix';
  const productionMethods = elementwise
    ? [...(matrix ? [] : ['initTensorSlots']), 'coefficients', 'step']
    : ['groupSize', 'coefficients', 'step'];
  const productionLacks = missingMethods(production, productionMethods);
  if (productionLacks.length > 0) problems.push(`${name}: its production rule lacks ${productionLacks.join(', ')}`);
  else if (!productionKinds.includes((production as { kind?: unknown }).kind as string))
    problems.push(`${name}: its production rule is not of kind ${productionKinds.join(' or ')}`);
  return problems;
}

/** Every slot's degree under gradient scaling is 0, 1 or 2. */
function slotProblems(entry: CatalogueEntry): string[] {
  return Object.entries(entry.slots as Readonly<Record<string, { degree?: unknown }>>)
    .filter(([, spec]) => !DEGREES.includes(spec.degree))
    .map(([slot, spec]) => `${entry.name}: slot ${slot} has degree ${String(spec.degree)}, not 0, 1 or 2`);
}

/** The export name of `entry` in core/catalogue/entries.ts, if it is exported there. */
function exportNameOf(entry: CatalogueEntry, entries: RegistryFacts['entries']): string | undefined {
  return Object.entries(entries).find(([, e]) => e === entry)?.[0];
}

/** The record's agreement spec, by the conventions above. */
function specProblems(record: RegistryRecord, facts: RegistryFacts): string[] {
  const { name, kind } = record.entry;
  if (UPDATE_KINDS.includes(kind)) {
    const path = `spec/agreement/${name}.spec.ts`;
    const text = facts.fileText(path);
    if (text === undefined) return [`${name}: no agreement spec ${path}`];
    return text.includes(`describeAgreement('${name}'`)
      ? []
      : [`${name}: ${path} does not run describeAgreement('${name}')`];
  }
  const family = AGREEMENT_SPECS.find((f) => f.member(record));
  if (family !== undefined) {
    const text = facts.fileText(family.path);
    if (text === undefined) return [`${name}: no agreement spec ${family.path}`];
    return text.includes(family.list) ? [] : [`${name}: ${family.path} does not run ${family.list}`];
  }
  if (!REGULARIZER_KINDS.includes(kind)) return [`${name}: no agreement spec convention for kind ${kind}`];
  const path = `spec/regularizers/${kind === 'penalty' ? 'penalties' : name}.spec.ts`;
  const text = facts.fileText(path);
  if (text === undefined) return [`${name}: no agreement spec ${path}`];
  const exported = exportNameOf(record.entry, facts.entries);
  if (exported === undefined) return []; // reported as missing from entries.ts
  return new RegExp(`\\b${exported}\\b`).test(text) ? [] : [`${name}: ${path} does not name ${exported}`];
}

/**
 * The error-bound rows an update rule needs (every output under every preset it has), and those a
 * gradient transform needs (its clipped `grads` under every preset it has).
 */
function boundRowProblems(record: RegistryRecord, rows: ReadonlySet<string>): string[] {
  const { entry } = record;
  const update = UPDATE_KINDS.includes(record.kind);
  if (!update && record.kind !== 'gradient-transform') return [];
  const missing = PRESET_NAMES.flatMap((preset) => {
    const flags = entry.presets[preset]?.flags;
    if (flags === undefined) return [];
    if (!update) return [`${entry.name}/${preset}/grads`].filter((key) => !rows.has(key));
    const layout = entry.state(flags);
    return ['params', ...layout.element, ...layout.tensor, ...layout.row, ...layout.column]
      .map((output) => `${entry.name}/${preset}/${output}`)
      .filter((key) => !rows.has(key));
  });
  return missing.length === 0 ? [] : [`${entry.name}: no error-bound row ${missing.join(', ')}`];
}

/** Everything incomplete about the registry, one line each; empty when it is complete. */
export function registryProblems(facts: RegistryFacts): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const record of facts.records) {
    const name = record.entry.name;
    if (seen.has(name)) problems.push(`${name}: two records share the name`);
    seen.add(name);
    problems.push(
      ...shapeProblems(record),
      ...slotProblems(record.entry),
      ...specProblems(record, facts),
      ...boundRowProblems(record, facts.boundRows),
    );
  }
  const registered = new Set<CatalogueEntry>(facts.records.map((r) => r.entry));
  for (const [exported, entry] of Object.entries(facts.entries))
    if (!registered.has(entry))
      problems.push(`core/catalogue/entries.ts exports ${exported} (${entry.name}), which has no record`);
  return problems;
}
