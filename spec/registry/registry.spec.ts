/**
 * The registry (src/registry/) is complete: every record has its oracle and production rule (the
 * types force them; this checks what the runtime holds), its agreement spec, its error-bound rows
 * for every preset, a degree for every slot and a name of its own; and every entry of
 * core/catalogue/entries.ts has a record. The checker (./registry-problems.ts) also runs on broken
 * copies, to show that it fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as catalogueEntries from '../../core/catalogue/entries.js';
import type { CatalogueEntry } from '../../core/catalogue/index.js';
import { BOUND_TABLE_PATH, type BoundTable } from '../../src/gate/bound-table.js';
import { registry, type RegistryRecord } from '../../src/registry/index.js';
import { registryProblems, type RegistryFacts } from './registry-problems.js';

const table: BoundTable = JSON.parse(readFileSync(BOUND_TABLE_PATH, 'utf8'));

const facts: RegistryFacts = {
  records: registry,
  entries: catalogueEntries as Readonly<Record<string, CatalogueEntry>>,
  fileText: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
  boundRows: new Set(table.rows.map((r) => `${r.rule}/${r.preset}/${r.output}`)),
};

/** `facts` with the records replaced by `change(registry)`. */
const withRecords = (change: (records: RegistryRecord[]) => RegistryRecord[]): RegistryFacts => ({
  ...facts,
  records: change([...registry]),
});

/** The registry with the record named `name` replaced by `replace(record)`. */
const replacing = (name: string, replace: (r: RegistryRecord) => RegistryRecord) =>
  withRecords((records) => records.map((r) => (r.entry.name === name ? replace(r) : r)));

describe('the registry', () => {
  it('is complete: oracle and production, agreement spec, error-bound rows, slot degrees, unique names, every entry', () => {
    expect(registryProblems(facts)).toEqual([]);
  });

  it('holds update rules and regularizers, in report order (updates first)', () => {
    const kinds = registry.map((r) => (r.kind.endsWith('-update') ? 'update' : 'regularizer'));
    expect(kinds.indexOf('regularizer')).toBe(kinds.lastIndexOf('update') + 1);
    expect(kinds).toContain('update');
    expect(kinds).toContain('regularizer');
  });
});

describe('the registry checker fails on a broken registry', () => {
  it('a record whose name changed: no agreement spec, no error-bound rows, and its catalogue entry unregistered', () => {
    const problems = registryProblems(
      replacing('adam', (r) => ({ ...r, entry: { ...r.entry, name: 'adam-renamed' } }) as RegistryRecord),
    );
    expect(problems).toContain('adam-renamed: no agreement spec spec/agreement/adam-renamed.spec.ts');
    expect(problems.some((p) => p.startsWith('adam-renamed: no error-bound row adam-renamed/paper/params'))).toBe(true);
    expect(problems).toContain('core/catalogue/entries.ts exports adam (adam), which has no record');
  });

  it('a regularizer whose name changed has no spec of its own', () => {
    const problems = registryProblems(
      replacing('dropout', (r) => ({ ...r, entry: { ...r.entry, name: 'dropout2' } }) as RegistryRecord),
    );
    expect(problems).toContain('dropout2: no agreement spec spec/regularizers/dropout2.spec.ts');
  });

  it('two records with one name', () => {
    const problems = registryProblems(withRecords((records) => [...records, ...records.slice(0, 1)]));
    expect(problems).toContain(`${registry[0]!.entry.name}: two records share the name`);
  });

  it('a record without its oracle, or with a production rule of the wrong kind', () => {
    const noOracle = registryProblems(
      replacing('sgd', (r) => ({ ...r, oracle: undefined }) as unknown as RegistryRecord),
    );
    expect(noOracle).toContain('sgd: its oracle lacks init, initialOutput, step, exact, enclose');
    const nag = registry.find((r) => r.kind === 'gradient-function-update')!;
    const sgd = registry.find((r) => r.entry.name === 'sgd')! as RegistryRecord & { production: unknown };
    const wrong = registryProblems(
      replacing(nag.entry.name, (r) => ({ ...r, production: sgd.production }) as unknown as RegistryRecord),
    );
    expect(wrong.some((p) => p.startsWith(`${nag.entry.name}: its production rule lacks groupSize`))).toBe(true);
  });

  it('a regularizer without its production algorithm', () => {
    const problems = registryProblems(
      replacing('l1', (r) => ({ ...r, production: undefined }) as unknown as RegistryRecord),
    );
    expect(problems).toEqual(['l1: no production']);
  });

  it('a slot without a degree', () => {
    const adam = registry.find((r) => r.entry.name === 'adam')!;
    const slots = { ...adam.entry.slots, m: { ...adam.entry.slots['m']!, degree: undefined } };
    const problems = registryProblems(
      replacing('adam', (r) => ({ ...r, entry: { ...r.entry, slots } }) as unknown as RegistryRecord),
    );
    expect(problems).toContain('adam: slot m has degree undefined, not 0, 1 or 2');
  });

  it('a spec file that no longer runs the rule, and a missing error-bound row', () => {
    const problems = registryProblems({
      ...facts,
      fileText: (path) => (path === 'spec/agreement/sgd.spec.ts' ? '' : facts.fileText(path)),
      boundRows: new Set(
        [...facts.boundRows].filter((k) => k !== 'nag/paper/velocity' && k !== 'clip-by-value/pytorch/grads'),
      ),
    });
    expect(problems).toEqual([
      "sgd: spec/agreement/sgd.spec.ts does not run describeAgreement('sgd')",
      'nag: no error-bound row nag/paper/velocity',
      'clip-by-value: no error-bound row clip-by-value/pytorch/grads',
    ]);
  });

  it('a catalogue entry with no record', () => {
    const problems = registryProblems(withRecords((records) => records.filter((r) => r.entry.kind !== 'pooling')));
    expect(problems).toEqual([
      'core/catalogue/entries.ts exports stochasticPooling (stochastic-pooling), which has no record',
    ]);
  });
});
