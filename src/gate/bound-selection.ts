/**
 * Which rows of the error-bound table a `bounds` run measures (`--rule`, `--preset`), and what each
 * row records of the configuration it was measured under, so that a row measured before its preset
 * changed is told apart from a current one (for an update rule or a clipping, {@link configurationText};
 * for Keras's wrapper, ./keras-wrapper/bound-rows.ts).
 *
 * @module
 */
import { OptionError, PRESET_NAMES, type CatalogueEntry, type PresetName } from '../../core/catalogue/index.js';

/** A subset of the table's rule/preset pairs: one rule, one preset, or one rule under one preset. */
export interface BoundSelection {
  readonly rule?: string | undefined;
  readonly preset?: string | undefined;
}

/** A pair the table measures, as far as a selection reads it. */
interface Pair {
  readonly rule: string;
  readonly preset: PresetName;
}

/**
 * The pairs of `pairs` that `selection` names, in their order: those of `rule` (every preset it has),
 * those under `preset` (every rule that has it), or the one pair. Throws an {@link OptionError} for an
 * unknown rule or preset, or a selection that names no pair.
 */
export function selectPairs<P extends Pair>(pairs: readonly P[], selection: BoundSelection): P[] {
  const { rule, preset } = selection;
  const rules = [...new Set(pairs.map((p) => p.rule))];
  if (rule !== undefined && !rules.includes(rule))
    throw new OptionError(`unknown rule '${rule}'; the table measures: ${rules.join(', ')}`);
  if (preset !== undefined && !(PRESET_NAMES as readonly string[]).includes(preset))
    throw new OptionError(`unknown preset '${preset}'; presets: ${PRESET_NAMES.join(', ')}`);
  const selected = pairs.filter(
    (p) => (rule === undefined || p.rule === rule) && (preset === undefined || p.preset === preset),
  );
  if (selected.length === 0) {
    const own = pairs.filter((p) => p.rule === rule).map((p) => p.preset);
    throw new OptionError(
      rule === undefined
        ? `nothing the table measures has preset '${preset}'`
        : `${rule} has no preset '${preset}'; it has ${own.join(', ')}`,
    );
  }
  return selected;
}

/** Whether `selection` names a subset (a rule or a preset) rather than the whole table. */
export function isPartial(selection: BoundSelection | undefined): selection is BoundSelection {
  return selection?.rule !== undefined || selection?.preset !== undefined;
}

/** The flags that make `selection`: ` --rule R`, ` --preset P`, both, or nothing. */
export function selectionFlags(selection: BoundSelection | undefined): string {
  return [
    ...(selection?.rule === undefined ? [] : [` --rule ${selection.rule}`]),
    ...(selection?.preset === undefined ? [] : [` --preset ${selection.preset}`]),
  ].join('');
}

/**
 * The configuration a row is measured under, as text: the preset's defaults and its flags, each
 * `name=value` in name order, `defaults a=1 b=2; flags f=x` (`flags none` without flags). The table
 * records it in every row; spec/fixtures/error-bounds.spec.ts compares it with the catalogue's, so a
 * row whose preset changed after it was measured fails there. It sees the catalogue only: a change of
 * the production code or of the derived bound leaves it as it was.
 */
export function configurationText(entry: CatalogueEntry, preset: PresetName): string {
  const p = entry.presets[preset];
  if (p === undefined) throw new OptionError(`${entry.name} has no preset '${preset}'`);
  const list = (values: Readonly<Record<string, unknown>>) =>
    Object.keys(values)
      .sort()
      .map((k) => `${k}=${String(values[k])}`)
      .join(' ');
  const flags = list(p.flags as Readonly<Record<string, unknown>>);
  return `defaults ${list(p.defaults as Readonly<Record<string, unknown>>)}; flags ${flags === '' ? 'none' : flags}`;
}
