/**
 * A part of the error-bound table put in place: `bounds --rule R --preset P --write` measures the pairs
 * it selects and replaces their rows, keeping every other row. A pair's cases depend on the seed and
 * the number of cases only (./bound-table.ts), so the result is the table the whole run would write
 * for those pairs, provided the part is measured as the table was: the same implementation (backend),
 * seed and cases per pair, which {@link checkSpliceable} requires before anything is measured.
 *
 * @module
 */
import { OptionError } from '../../core/catalogue/index.js';
import { selectPairs, selectionFlags, type BoundSelection } from './bound-selection.js';
import { measuredConfigurations } from './bound-pairs.js';
import type { BoundTable } from './bound-table.js';

/** What a measurement must share with the table whose rows it replaces. */
export type TableHeader = Pick<BoundTable, 'implementation' | 'seed' | 'casesPerPreset'>;

/**
 * Throws an {@link OptionError} unless a measurement made as `header` says can replace rows of
 * `table` (read from `file`): the same implementation, seed and cases per rule and preset.
 */
export function checkSpliceable(table: TableHeader, header: TableHeader, file: string): void {
  const differences = [
    table.implementation === header.implementation
      ? ''
      : `implementation '${table.implementation}', not '${header.implementation}' (--backend)`,
    table.seed === header.seed ? '' : `seed ${table.seed}, not ${header.seed} (--seed)`,
    table.casesPerPreset === header.casesPerPreset
      ? ''
      : `${table.casesPerPreset} cases per rule and preset, not ${header.casesPerPreset} (--runs)`,
  ].filter((d) => d !== '');
  if (differences.length > 0)
    throw new OptionError(
      `${file} was measured with ${differences.join(', ')}: rows measured otherwise cannot replace its rows; measure with its options, or the whole table`,
    );
}

/** The `rule/preset` a row or a `rule/preset/output: why` label belongs to. */
const pairOf = (label: string) => /^[^/\s]+\/[^/\s:]+/.exec(label)?.[0] ?? label;

/** `items` sorted by the rank of their pair in `pairs` (unknown pairs last), ties in their order. */
function ranked<T>(items: readonly T[], keyOf: (x: T) => string, pairs: readonly string[]): T[] {
  const rank = new Map(pairs.map((k, i) => [k, i]));
  return items
    .map((x, i) => ({ x, i, r: rank.get(keyOf(x)) ?? pairs.length }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((e) => e.x);
}

/**
 * `table` with the rows of the pairs `measured.selection` names replaced by `measured`'s rows (and
 * their `notMeasured` entries dropped), in the catalogue's order; its header (command, implementation,
 * seed, cases) kept, since the rows are what that command measures. Throws an {@link OptionError} when
 * `measured` has no selection (a whole table replaces the file instead) or holds a row outside it.
 */
export function spliceBoundTable(table: BoundTable, measured: BoundTable): BoundTable {
  const selection: BoundSelection | undefined = measured.selection;
  if (selection === undefined) throw new OptionError('a measurement of the whole table replaces the table whole');
  const all = measuredConfigurations().map((c) => ({ rule: c.rule, preset: c.preset }));
  const replaced = new Set(selectPairs(all, selection).map((p) => `${p.rule}/${p.preset}`));
  const stray = measured.rows.find((r) => !replaced.has(`${r.rule}/${r.preset}`));
  if (stray !== undefined)
    throw new OptionError(
      `a row of ${stray.rule}/${stray.preset} is outside the selection${selectionFlags(selection)}`,
    );
  const pairs = all.map((p) => `${p.rule}/${p.preset}`);
  const keyOf = (r: { rule: string; preset: string }) => `${r.rule}/${r.preset}`;
  const kept = table.rows.filter((r) => !replaced.has(keyOf(r)));
  const notMeasured = [
    ...(table.notMeasured ?? []).filter((x) => !replaced.has(pairOf(x))),
    ...(measured.notMeasured ?? []),
  ];
  return {
    command: table.command,
    implementation: table.implementation,
    seed: table.seed,
    casesPerPreset: table.casesPerPreset,
    rows: ranked([...kept, ...measured.rows], keyOf, pairs),
    ...(notMeasured.length === 0 ? {} : { notMeasured: ranked(notMeasured, pairOf, pairs) }),
  };
}
