/**
 * The pairs the error-bound table measures (./bound-table.ts), in report order, each with the
 * configuration its rows record, the outputs they have and the properties that measure them, the
 * same ones `check` runs:
 *
 *   update             every update rule under every preset it has: `one-step` from finite states;
 *                      outputs θ and each state slot
 *   gradient-transform every clipping under every preset it has (`clip-by-norm/keras`, ...): its
 *                      `agreement` property; output `grads`
 *   keras-wrapper      Keras 3's wrapper's own stages (`keras-wrapper/keras`): `keras-wrapper` on
 *                      every rule it wraps; outputs `decayed` and `average`
 *                      (./keras-wrapper/bound-rows.ts)
 *
 * @module
 */
import type fc from 'fast-check';
import { PRESET_NAMES, type CatalogueEntry, type PresetName } from '../../core/catalogue/index.js';
import { catalogue } from '../registry/index.js';
import { gradientTransformRecords } from '../registry/gradient-transforms.js';
import { configurationText } from './bound-selection.js';
import { gradientTransformProperty } from './gradient-transforms/agreement.js';
import type { Implementation } from './implementation.js';
import {
  casesPerWrappedRule,
  KERAS_WRAPPER_OUTPUTS,
  KERAS_WRAPPER_ROWS,
  kerasWrappedEntries,
  kerasWrapperConfigurationText,
} from './keras-wrapper/bound-rows.js';
import { kerasWrapperProperty } from './keras-wrapper/property.js';
import { oneStepProperty, type Tally } from './properties.js';

/** One output of a pair's rows: its name in the table, and the tally's output it reports. */
export interface RowOutput {
  readonly output: string;
  readonly tallied: string;
}

/** A property and how many of its cases to run. */
export interface PropertyRun {
  readonly property: fc.IProperty<unknown[]>;
  readonly numRuns: number;
}

/** A pair the table measures: its `rule` and `preset` columns, what its rows record, and how it is measured. */
export interface MeasuredConfiguration {
  readonly kind: 'update' | 'gradient-transform' | 'keras-wrapper';
  readonly rule: string;
  readonly preset: PresetName;
  /** What its rows record in `configuration`, from the catalogue (./bound-selection.ts). */
  readonly configuration: string;
  /** Its rows' outputs, in the table's order. */
  readonly outputs: readonly RowOutput[];
  /** The properties that measure `cases` cases of the pair on `impl`, folding into `tally`. */
  runs(impl: Implementation, cases: number, tally: Tally): PropertyRun[];
}

const own = (output: string): RowOutput => ({ output, tallied: output });

function presetsOf(entry: CatalogueEntry): PresetName[] {
  return PRESET_NAMES.filter((p) => entry.presets[p] !== undefined);
}

/** An update rule under a preset: θ and every state slot, from `one-step`. */
function updatePair(entry: CatalogueEntry, preset: PresetName): MeasuredConfiguration {
  const layout = entry.state(entry.presets[preset]?.flags ?? {});
  return {
    kind: 'update',
    rule: entry.name,
    preset,
    configuration: configurationText(entry, preset),
    outputs: ['params', ...layout.element, ...layout.tensor, ...layout.row, ...layout.column].map(own),
    runs: (impl, cases, tally) => [{ property: oneStepProperty(impl, entry, preset, tally), numRuns: cases }],
  };
}

/**
 * Every pair, in report order: the update rules under their presets, the clippings under theirs, then
 * Keras's wrapper.
 */
export function measuredConfigurations(): MeasuredConfiguration[] {
  const updates = catalogue.flatMap((entry) => presetsOf(entry).map((preset) => updatePair(entry, preset)));
  const clippings = gradientTransformRecords.flatMap((record) =>
    presetsOf(record.entry).map((preset): MeasuredConfiguration => ({
      kind: 'gradient-transform',
      rule: record.entry.name,
      preset,
      configuration: configurationText(record.entry, preset),
      outputs: [own('grads')],
      runs: (impl, cases, tally) => [
        {
          property: gradientTransformProperty(
            record,
            preset,
            tally,
            impl.name,
            impl.transform?.bind(impl),
          ) as fc.IProperty<unknown[]>,
          numRuns: cases,
        },
      ],
    })),
  );
  const wrapped = kerasWrappedEntries();
  const wrapper: MeasuredConfiguration = {
    kind: 'keras-wrapper',
    rule: KERAS_WRAPPER_ROWS,
    preset: 'keras',
    configuration: kerasWrapperConfigurationText(wrapped),
    outputs: KERAS_WRAPPER_OUTPUTS,
    runs: (impl, cases, tally) => {
      const shares = casesPerWrappedRule(cases, wrapped.length);
      return wrapped.flatMap((entry, k) => {
        const numRuns = shares[k] ?? 0;
        return numRuns === 0
          ? []
          : [{ property: kerasWrapperProperty(impl, entry, tally) as fc.IProperty<unknown[]>, numRuns }];
      });
    },
  };
  return [...updates, ...clippings, wrapper];
}
