/**
 * What the error-bound table (../bound-table.ts) measures of Keras 3's optimizer wrapper: its own two
 * stages, under the pair `keras-wrapper/keras`,
 *
 *   decayed   θ* = θ − θ · wd · lr              (the `decay` stage of ./judge.ts)
 *   average   avg' = m · avg + (1 − m) · θ'     (the `ema` stage)
 *
 * on the cases `check`'s `keras-wrapper` property draws for every rule it wraps (./property.ts), the
 * same seed for each rule. The other stages have rows elsewhere or none: the clipping is the
 * clippings' (`clip-by-norm/keras`, ...), the rule's step the rule's, and the copies and the overwrite
 * are bitwise. Sources: keras/src/optimizers/base_optimizer.py (`_apply_weight_decay`,
 * `_update_model_variables_moving_average`).
 *
 * @module
 */
import { EMA_MOMENTUM_DEFAULT, hyperparametersOf, type CatalogueEntry } from '../../../core/catalogue/index.js';
import { updateRecords } from '../../registry/index.js';

/** The pair's name in the table's `rule` column; its preset is `keras`. */
export const KERAS_WRAPPER_ROWS = 'keras-wrapper';

/** Each row's output, and the output of the wrapper's comparison (./judge.ts, `stage:output`) it reports. */
export const KERAS_WRAPPER_OUTPUTS = [
  { output: 'decayed', tallied: 'decay:decayed' },
  { output: 'average', tallied: 'ema:average' },
] as const;

/**
 * The rules `check` runs `keras-wrapper` on, in report order: every update on a given gradient with a
 * `keras` preset (src/runs/check-plan.ts).
 */
export function kerasWrappedEntries(): CatalogueEntry[] {
  return updateRecords
    .filter((r) => r.kind === 'elementwise-update' && r.entry.presets.keras !== undefined)
    .map((r) => r.entry);
}

/**
 * The wrapper's configuration as the table records it: its default EMA momentum, and each wrapped
 * rule with what its `keras` preset gives the two stages: its default `lr` (the decay's rate) and,
 * where it has one, its own weight decay (then the wrapper draws none for it).
 * `defaults emaMomentum=0.99; wraps adadelta (lr=0.001), ..., adamw (lr=0.001, own weightDecay=0.004), ...`
 */
export function kerasWrapperConfigurationText(entries: readonly CatalogueEntry[]): string {
  const wrapped = entries.map((entry) => {
    const defaults = (entry.presets.keras?.defaults ?? {}) as Readonly<Record<string, unknown>>;
    const own = hyperparametersOf(entry, 'keras').includes('weightDecay')
      ? [`own weightDecay=${String(defaults['weightDecay'])}`]
      : [];
    const lr = defaults['lr'] === undefined ? [] : [`lr=${String(defaults['lr'])}`];
    return `${entry.name} (${[...lr, ...own].join(', ')})`;
  });
  return `defaults emaMomentum=${EMA_MOMENTUM_DEFAULT}; wraps ${wrapped.join(', ')}`;
}

/**
 * `cases` dealt out to `rules` rules in order, as evenly as integers allow: ⌊cases/rules⌋ each and one
 * more for the first `cases mod rules`; so the pair runs `cases` wrapper cases in all, as a rule's pair
 * runs `cases` one-step cases, and each rule's share is the first cases its `keras-wrapper` property
 * draws at the seed.
 */
export function casesPerWrappedRule(cases: number, rules: number): number[] {
  return Array.from({ length: rules }, (_, k) => Math.floor(cases / rules) + (k < cases % rules ? 1 : 0));
}
