/**
 * `defineEntry`: a catalogue entry from `as const` data, with its {@link Schema} inferred from the
 * data itself, so that every preset is checked against the entry's hyperparameters and flags at
 * compile time and every reader gets typed names.
 *
 * @module
 */
import type {
  CatalogueEntry,
  EntryKind,
  FlagSpec,
  FlagValue,
  HyperparameterSpec,
  Preset,
  PresetName,
  SlotSpec,
  StateLayout,
} from './types.js';

type RequiredKeys<H> = { [K in keyof H]: H[K] extends { readonly optional: true } ? never : K }[keyof H] & string;
type OptionalKeys<H> = { [K in keyof H]: H[K] extends { readonly optional: true } ? K : never }[keyof H] & string;

/** Each flag's value union, from the flags' specs; a flag marked {@link optional} may be absent. */
export type FlagValuesOf<F extends Readonly<Record<string, FlagSpec>>> = {
  readonly [K in RequiredKeys<F>]: F[K]['values'][number];
} & { readonly [K in OptionalKeys<F>]?: F[K]['values'][number] };
type AlwaysSlots<Sl> = { [K in keyof Sl]: Sl[K] extends { readonly when: unknown } ? never : K }[keyof Sl] & string;
type SometimesSlots<Sl> = { [K in keyof Sl]: Sl[K] extends { readonly when: unknown } ? K : never }[keyof Sl] & string;

/** The schema of an entry defined by hyperparameters `H`, flags `F` and slots `Sl`. */
export interface SchemaOf<H, F extends Readonly<Record<string, FlagSpec>>, Sl> {
  readonly hyper: RequiredKeys<H>;
  readonly optionalHyper: OptionalKeys<H>;
  readonly flags: FlagValuesOf<F>;
  readonly slots: AlwaysSlots<Sl>;
  readonly optionalSlots: SometimesSlots<Sl>;
}

/** What {@link defineEntry} takes: the entry as data. */
export interface EntryDefinition<
  H extends Readonly<Record<string, HyperparameterSpec>>,
  F extends Readonly<Record<string, FlagSpec>>,
  Sl extends Readonly<Record<string, SlotSpec<FlagValuesOf<F>>>>,
> {
  readonly name: string;
  readonly kind: EntryKind;
  readonly title: string;
  readonly source: string;
  readonly hyperparameters: H;
  readonly flags: F;
  /** The state slots, in the order layouts list them. */
  readonly slots: Sl;
  readonly presets: Readonly<Partial<Record<PresetName, Preset<SchemaOf<H, F, Sl>>>>>;
}

/** Layouts already built, per slot table and set of present slots (every step asks for one). */
const layouts = new WeakMap<object, Map<string, StateLayout>>();
/** The same, per slot table and flags object (presets' flags are shared objects): no key to build. */
const layoutsByFlags = new WeakMap<object, WeakMap<object, StateLayout>>();

/** The slots present under `flags`, in declaration order, as the layout every reader uses (frozen, shared). */
export function layoutOf(slots: Readonly<Record<string, SlotSpec<never>>>, flags: unknown): StateLayout {
  const byFlags = typeof flags === 'object' && flags !== null ? layoutsByFlags.get(slots)?.get(flags) : undefined;
  if (byFlags !== undefined) return byFlags;
  const layout = buildLayout(slots, flags);
  if (typeof flags === 'object' && flags !== null && Object.isFrozen(flags)) {
    let m = layoutsByFlags.get(slots);
    if (m === undefined) {
      m = new WeakMap();
      layoutsByFlags.set(slots, m);
    }
    m.set(flags, layout);
  }
  return layout;
}

function buildLayout(slots: Readonly<Record<string, SlotSpec<never>>>, flags: unknown): StateLayout {
  const all = Object.entries(slots as Readonly<Record<string, SlotSpec>>);
  const present = all.filter(([, s]) => s.when === undefined || s.when(flags as Readonly<Record<string, FlagValue>>));
  const key = present.map(([k]) => k).join(',');
  let built = layouts.get(slots);
  if (built === undefined) {
    built = new Map();
    layouts.set(slots, built);
  }
  const known = built.get(key);
  if (known !== undefined) return known;
  const named = (keep: (s: SlotSpec) => boolean) => Object.freeze(present.filter(([, s]) => keep(s)).map(([k]) => k));
  const initial = present.filter(([, s]) => s.initialFrom !== undefined).map(([k, s]) => [k, s.initialFrom]);
  const layout: StateLayout = Object.freeze({
    element: named((s) => s.per === 'element'),
    tensor: named((s) => s.per === 'tensor'),
    row: named((s) => s.per === 'row'),
    column: named((s) => s.per === 'column'),
    nonnegative: named((s) => s.range === 'nonnegative'),
    unitInterval: named((s) => s.range === 'unit-interval'),
    ...(initial.length > 0 ? { initialFrom: Object.freeze(Object.fromEntries(initial)) } : {}),
  });
  built.set(key, layout);
  return layout;
}

/**
 * A catalogue entry from its data. `as const` is implied: flag values and names keep their literal
 * types, so `config.flags.form === 'efficent'` does not compile, nor does a preset that misses a
 * hyperparameter every preset must give.
 */
export function defineEntry<
  const H extends Readonly<Record<string, HyperparameterSpec>>,
  const F extends Readonly<Record<string, FlagSpec>>,
  const Sl extends Readonly<Record<string, SlotSpec<FlagValuesOf<F>>>>,
>(definition: EntryDefinition<H, F, Sl>): CatalogueEntry<SchemaOf<H, F, Sl>> {
  type Entry = CatalogueEntry<SchemaOf<H, F, Sl>>;
  // Presets are data: their flags objects are frozen, so a layout can be remembered per flags object.
  for (const preset of Object.values(definition.presets)) if (preset !== undefined) Object.freeze(preset.flags);
  return {
    ...definition,
    // The keys of FlagValuesOf<F> are F's, split into required and optional, which the compiler cannot relate.
    flags: definition.flags as unknown as Entry['flags'],
    state: (flags) => layoutOf(definition.slots, flags),
  };
}

/** A hyperparameter that some presets of the entry do not take, or a flag that presets need not set. */
export const optional = <const H extends HyperparameterSpec | FlagSpec>(spec: H): H & { readonly optional: true } => ({
  ...spec,
  optional: true,
});

/** Slot specs for the common cases. */
export const slot = {
  /** An element slot of the given degree, any sign (m, momentum buffers). */
  signed: (degree: 0 | 1 | 2) => ({ per: 'element', degree }) as const,
  /** An element slot that is ≥ 0 by construction (v, accumulators). */
  nonnegative: (degree: 0 | 1 | 2) => ({ per: 'element', degree, range: 'nonnegative' }) as const,
  /** A tensor slot holding a running product of decay rates, in [0, 1]. */
  runningProduct: () => ({ per: 'tensor', degree: 0, range: 'unit-interval' }) as const,
  /** One value per row of a matrix parameter, ≥ 0 (Adafactor's row means of g²). */
  rowMoment: () => ({ per: 'row', degree: 2, range: 'nonnegative' }) as const,
  /** One value per column of a matrix parameter, ≥ 0 (Adafactor's column means of g²). */
  columnMoment: () => ({ per: 'column', degree: 2, range: 'nonnegative' }) as const,
};

/** The findings the flags `flags` of `entry` encode (a framework's defects; see FlagSpec.defects). */
export function defectsOf(entry: { readonly flags: object }, flags: object): string[] {
  const values = flags as Readonly<Record<string, FlagValue>>;
  return Object.entries(entry.flags as Readonly<Record<string, FlagSpec>>).flatMap(([name, spec]) =>
    (spec.defects ?? [])
      .filter((d) => values[name] === d.value)
      .filter((d) => Object.entries(d.when ?? {}).every(([other, v]) => values[other] === v))
      .map((d) => d.finding),
  );
}
