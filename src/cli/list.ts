/**
 * What `optim-oracle list` shows: every rule and regularizer with its kind, its presets and, per
 * preset, its hyperparameters with their defaults (exact decimal text) and its convention flags; each
 * preset with the rules that have it; each learning-rate schedule with each framework's class for it;
 * each claim with its statement and the verdict docs/claims.md
 * reports.
 *
 * @module
 */
import {
  hyperparametersOf,
  PRESET_NAMES,
  type CatalogueEntry,
  type FlagValue,
  type PresetName,
} from '../../core/catalogue/index.js';
import { EMA_MOMENTUM_DEFAULT, KERAS_WRAPPER_OPTIONS } from '../../core/catalogue/keras-wrapper.js';
import { required } from '../../core/required.js';
import { schedules } from '../../core/schedules/index.js';
import { claims } from '../claims/index.js';
import { gradientTransformRecords } from '../registry/gradient-transforms.js';
import { catalogue, regularizers } from '../registry/index.js';

/** One rule or regularizer under one preset. */
export interface ListedPreset {
  readonly preset: PresetName;
  /** Hyperparameter → default, exact decimal text, in the entry's order. */
  readonly hyperparameters: Readonly<Record<string, string>>;
  readonly flags: Readonly<Record<string, FlagValue>>;
}

/** One rule or regularizer. */
export interface ListedRule {
  readonly name: string;
  readonly kind: string;
  readonly title: string;
  readonly presets: readonly ListedPreset[];
}

/** One learning-rate schedule, with each framework's class for it and its defaults. */
export interface ListedSchedule {
  readonly name: string;
  readonly title: string;
  readonly presets: ReadonlyArray<{
    readonly preset: PresetName;
    readonly className: string;
    readonly hyperparameters: Readonly<Record<string, string>>;
    readonly lists: Readonly<Record<string, readonly string[]>>;
    readonly flags: Readonly<Record<string, FlagValue>>;
  }>;
}

/** The sections of `list`. */
export interface Listing {
  readonly rules: readonly ListedRule[];
  readonly schedules: readonly ListedSchedule[];
  readonly presets: ReadonlyArray<{ readonly preset: PresetName; readonly rules: readonly string[] }>;
  readonly claims: ReadonlyArray<{ readonly id: string; readonly statement: string; readonly expected: string }>;
}

/** The section names `list` takes. */
export const LIST_SECTIONS = ['rules', 'schedules', 'presets', 'claims'] as const;

const entries = (): readonly CatalogueEntry[] => [
  ...catalogue,
  ...regularizers,
  ...gradientTransformRecords.map((r) => r.entry),
];

/** An entry's presets, each with its defaults (in the entry's order) and its flags. */
function presetsOf(e: CatalogueEntry): ListedPreset[] {
  return PRESET_NAMES.flatMap((p) => {
    const preset = e.presets[p];
    if (preset === undefined) return [];
    const defaults: Readonly<Record<string, string | undefined>> = preset.defaults;
    const hyperparameters = Object.fromEntries(
      hyperparametersOf(e, p).map((h) => [h, required(defaults[h], `${e.name}/${p} default of '${h}'`)]),
    );
    return [{ preset: p, hyperparameters, flags: { ...preset.flags } }];
  });
}

/** Everything `list` shows, from the registry's update rules and regularizers, and the claims. */
export function listing(): Listing {
  const rules = entries().map((e) => ({ name: e.name, kind: e.kind, title: e.title, presets: presetsOf(e) }));
  const presets = PRESET_NAMES.map((p) => ({
    preset: p,
    rules: entries()
      .filter((e) => e.presets[p] !== undefined)
      .map((e) => e.name),
  }));
  return {
    rules,
    schedules: schedules.map(listedSchedule),
    presets,
    claims: claims.map((c) => ({ id: c.id, statement: c.statement, expected: c.expected })),
  };
}

/** A schedule's presets with their classes, defaults, lists and flags. */
function listedSchedule(s: (typeof schedules)[number]): ListedSchedule {
  const presets = PRESET_NAMES.flatMap((p) => {
    const preset = s.presets[p];
    if (preset === undefined) return [];
    const defaults: Readonly<Record<string, string | undefined>> = preset.defaults;
    const hyperparameters = Object.fromEntries(
      Object.entries(defaults).filter((e): e is [string, string] => e[1] !== undefined),
    );
    return [
      {
        preset: p,
        className: preset.className,
        hyperparameters,
        lists: { ...preset.lists },
        flags: { ...preset.flags },
      },
    ];
  });
  return { name: s.name, title: s.title, presets };
}

const pairs = (r: Readonly<Record<string, unknown>>) =>
  Object.entries(r)
    .map(([k, v]) => `${k} = ${String(v)}`)
    .join(', ');

/**
 * What every update rule on a given gradient also takes under `keras`: Keras 3's optimizer wrapper
 * (core/catalogue/keras-wrapper.ts, docs/keras-wrapper.md); and, with an `lr`, a schedule.
 */
const WRAPPER_LINES: readonly string[] = [
  "  Under keras every rule on a given gradient also takes Keras's optimizer wrapper options:",
  `    ${KERAS_WRAPPER_OPTIONS.join(', ')};`,
  `    emaMomentum = ${EMA_MOMENTUM_DEFAULT}. Any rule with an lr takes a schedule in its place (withSchedule).`,
];

/** One section (or all three) as text. */
export function formatListing(l: Listing, section?: (typeof LIST_SECTIONS)[number]): string {
  const parts: string[] = [];
  if (section === undefined || section === 'rules') {
    parts.push(
      [
        'Rules and regularizers (per preset: hyperparameters with their defaults; flags):',
        ...l.rules.flatMap((r) => [
          `  ${r.name}  (${r.kind}) ${r.title}`,
          ...r.presets.map(
            (p) =>
              `    ${p.preset.padEnd(8)} ${pairs(p.hyperparameters) || '(no hyperparameters)'}${Object.keys(p.flags).length > 0 ? `; flags: ${pairs(p.flags)}` : ''}`,
          ),
        ]),
        ...WRAPPER_LINES,
      ].join('\n'),
    );
  }
  if (section === undefined || section === 'schedules') {
    parts.push(
      [
        "Learning-rate schedules (per preset: the framework's class, defaults, lists; flags):",
        ...l.schedules.flatMap((r) => [
          `  ${r.name}  ${r.title}`,
          ...r.presets.map(
            (p) =>
              `    ${p.preset.padEnd(8)} ${p.className}: ${[pairs(p.hyperparameters), pairs(Object.fromEntries(Object.entries(p.lists).map(([k, v]) => [k, `[${v.join(', ')}]`])))].filter((x) => x !== '').join(', ')}${Object.keys(p.flags).length > 0 ? `; flags: ${pairs(p.flags)}` : ''}`,
          ),
        ]),
      ].join('\n'),
    );
  }
  if (section === undefined || section === 'presets') {
    parts.push(
      [
        'Presets (and the rules that have them):',
        ...l.presets.map((p) => `  ${p.preset.padEnd(8)} ${p.rules.join(', ')}`),
      ].join('\n'),
    );
  }
  if (section === undefined || section === 'claims') {
    parts.push(
      [
        'Claims (id, expected verdict, statement):',
        ...l.claims.map((c) => `  ${c.id}  [${c.expected}]\n      ${c.statement}`),
      ].join('\n'),
    );
  }
  return parts.join('\n\n');
}
