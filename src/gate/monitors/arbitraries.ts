/**
 * Cases for the monitors: configurations with small patience and the frameworks' usual min_delta,
 * per-run options, and metric sequences built to meet the thresholds: besides random walks, values
 * a few units in the last place from best − δ' (where a float comparison can decide otherwise than
 * the exact one), plateaus, NaN and ±∞. Prechelt's series are positive: a validation error that
 * falls then rises, a training error that falls, with values placed near E_opt (1 + α/100).
 *
 * @module
 */
import fc from 'fast-check';
import { configure, type Configuration, type PresetName } from '../../../core/catalogue/index.js';
import type {
  Direction,
  EarlyStoppingOptions,
  MetricFormat,
  MetricSequence,
  MonitorInput,
} from '../../../core/catalogue/monitors/monitor-types.js';
import type { CatalogueEntry } from '../../../core/catalogue/types.js';

/** A configuration and an input. */
export interface MonitorCase {
  readonly config: Configuration;
  readonly input: MonitorInput;
}

/** How a sequence is built, value by value. */
type Step =
  | { readonly kind: 'near'; readonly units: number; readonly fromBest: boolean }
  | { readonly kind: 'move'; readonly factor: number }
  | { readonly kind: 'special'; readonly value: number };

const rounder = (format: MetricFormat) => (x: number) => (format === 'float32' ? Math.fround(x) : x);

/** The spacing of `format` at x. */
export function spacing(x: number, format: MetricFormat): number {
  const a = Math.abs(x);
  const [bits, minExponent] = format === 'float32' ? [24, -126] : [53, -1022];
  if (!Number.isFinite(a) || a === 0) return 2 ** (minExponent - bits + 1);
  return 2 ** (Math.max(Math.floor(Math.log2(a)), minExponent) - bits + 1);
}

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('near' as const),
      units: fc.integer({ min: -3, max: 3 }),
      fromBest: fc.boolean(),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      factor: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('special' as const),
      value: fc.constantFrom(NaN, Infinity, -Infinity, 0),
    }),
    weight: 1,
  },
);

/**
 * A sequence of `format` floats from `start` by `steps`: a `near` step lands `units` ulps from
 * r − δ' (r the running best in `direction`, or the previous value), a `move` changes the value by a
 * relative factor, a `special` step is NaN, ±∞ or 0.
 */
export function buildSequence(
  start: number,
  steps: readonly Step[],
  signedDelta: number,
  direction: Direction,
  format: MetricFormat,
): MetricSequence {
  const round = rounder(format);
  const values = [round(start)];
  let best = round(start);
  let previous = best;
  for (const s of steps) {
    let v: number;
    if (s.kind === 'special') v = s.value;
    else if (s.kind === 'move') v = round(previous + s.factor * (Math.abs(previous) + 1));
    else {
      const r = s.fromBest ? best : previous;
      const target = round(r + signedDelta);
      v = round(target + s.units * spacing(target, format));
    }
    if (!Number.isFinite(v) || Number.isNaN(v)) values.push(v);
    else {
      values.push(v);
      previous = v;
      if (direction === 'min' ? v < best : v > best) best = v;
    }
  }
  return { format, values };
}

/** min_delta as the frameworks' users write it, and arbitrary small decimals; negative now and then. */
export const minDeltaText = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('0', '0.001', '0.0001', '0.01', '0.1', '1e-7', '0.5'),
    fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 8 })).map(([m, e]) => `${m}e-${e}`),
    fc.constantFrom('-0.001', '-0.01'),
  );

/** A decimal near x, as a user would write a baseline or threshold (4 significant digits, or exact). */
const decimalNear = (x: number): fc.Arbitrary<string> =>
  fc.oneof(fc.constant(x.toPrecision(4)), fc.constant(String(x)), fc.constant(String(x * 0.9)));

/** Options for the patience rule under `preset`, with a direction. */
function patienceOptions(preset: PresetName, near: number): fc.Arbitrary<EarlyStoppingOptions & { mode: Direction }> {
  const mode = fc.constantFrom<Direction>('min', 'max');
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
  const clean = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  switch (preset) {
    case 'keras':
      return fc.record({ mode, baseline: maybe(decimalNear(near)), restoreBestWeights: fc.boolean() }).map(clean);
    case 'lightning':
      return fc
        .record({
          mode,
          stoppingThreshold: maybe(decimalNear(near)),
          divergenceThreshold: maybe(decimalNear(near)),
          checkFinite: fc.boolean(),
        })
        .map(clean);
    default:
      return fc.record({ mode, baseline: maybe(decimalNear(near)) }).map(clean);
  }
}

/** A configuration of the patience rule: patience 0 to 4, min_delta as users write it, start 0 to 2 (Keras). */
export function patienceConfiguration(entry: CatalogueEntry, preset: PresetName): fc.Arbitrary<Configuration> {
  const start: Record<string, fc.Arbitrary<string>> = preset === 'keras'
    ? { startFromEpoch: fc.oneof(fc.constant('0'), fc.constantFrom('1', '2')) }
    : {};
  return fc
    .record({ patience: fc.integer({ min: 0, max: 4 }).map(String), minDelta: minDeltaText(), ...start })
    .map((h: Record<string, string>) => configure(entry, preset, h));
}

/** A start value: moderate losses mostly, any float now and then. */
const startValue = (format: MetricFormat) =>
  fc.oneof(
    { arbitrary: fc.double({ min: 1e-3, max: 10, noNaN: true }), weight: 6 },
    { arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }), weight: 2 },
    {
      arbitrary:
        format === 'float32'
          ? fc.float({ noNaN: true, noDefaultInfinity: true })
          : fc.double({ noNaN: true, noDefaultInfinity: true }),
      weight: 1,
    },
  );

/** A case of the patience rule under `preset`: configuration, options and a sequence of up to 24 values. */
export function patienceCase(
  entry: CatalogueEntry,
  preset: PresetName,
  formats: readonly MetricFormat[] = ['float32', 'float64'],
): fc.Arbitrary<MonitorCase> {
  return fc
    .record({
      config: patienceConfiguration(entry, preset),
      format: fc.constantFrom(...formats),
      steps: fc.array(step, { maxLength: 23 }),
    })
    .chain(({ config, format, steps }) =>
      startValue(format).chain((start) =>
        patienceOptions(preset, Number.isFinite(Math.fround(start)) ? Math.fround(start) : 1).map((options) => {
          const delta = Math.abs(Number(config.hyper['minDelta']));
          const signed = options.mode === 'min' ? -delta : delta;
          return { config, input: { values: buildSequence(start, steps, signed, options.mode, format), options } };
        }),
      ),
    );
}

/** Prechelt's α for GL (percent) or PQ, as written: the paper's values, small decimals, arbitrary doubles. */
const alphaText = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('0', '0.5', '1', '2', '3', '5'),
    fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 3 })).map(([m, e]) => `${m}e-${e}`),
    fc.double({ min: 0, max: 50, noNaN: true }).map(String),
  );

/** A configuration of one of Prechelt's criteria: α, k from 1 to 5, s from 1 to 3. */
export function precheltConfiguration(entry: CatalogueEntry): fc.Arbitrary<Configuration> {
  const k = fc.integer({ min: 1, max: 5 }).map(String);
  const hyper: Record<string, fc.Arbitrary<string>> = entry.name === 'early-stopping-gl'
    ? { alpha: alphaText() }
    : entry.name === 'early-stopping-pq'
      ? { alpha: alphaText(), k }
      : { s: fc.integer({ min: 1, max: 3 }).map(String), k };
  return fc.record(hyper).map((h: Record<string, string>) => configure(entry, 'paper', h));
}

/**
 * Prechelt's series of up to 30 epochs: the training error falls by random factors, or stays flat
 * (so that P_k = 0); the validation error moves by random factors, or lands a few ulps from
 * E_opt (1 + α/100) (the GL threshold), in `format`.
 */
export function precheltCase(
  entry: CatalogueEntry,
  formats: readonly MetricFormat[] = ['float32', 'float64'],
): fc.Arbitrary<MonitorCase> {
  const move = fc.oneof(
    { arbitrary: fc.double({ min: -0.2, max: 0.2, noNaN: true }), weight: 3 },
    { arbitrary: fc.integer({ min: -2, max: 2 }).map((u) => ({ units: u })), weight: 2 },
  );
  const flat = fc.oneof(
    { arbitrary: fc.double({ min: 0, max: 0.2, noNaN: true }), weight: 3 },
    { arbitrary: fc.constant(0), weight: 1 },
  );
  return fc
    .record({
      config: precheltConfiguration(entry),
      format: fc.constantFrom(...formats),
      start: fc.double({ min: 1e-3, max: 10, noNaN: true }),
      moves: fc.array(fc.tuple(move, flat), { maxLength: 29 }),
    })
    .map(({ config, format, start, moves }) => {
      const round = rounder(format);
      const alpha = Number(config.hyper['alpha'] ?? '0');
      const va = [round(start)];
      const tr = [round(start)];
      let opt = round(start);
      for (const [m, f] of moves) {
        const last = va[va.length - 1] ?? opt;
        let v: number;
        if (typeof m === 'number') v = round(last * (1 + m));
        else {
          const target = round(opt * (1 + alpha / 100));
          v = round(target + m.units * spacing(target, format));
        }
        v = v > 0 && Number.isFinite(v) ? v : last;
        va.push(v);
        opt = Math.min(opt, v);
        const previous = tr[tr.length - 1] ?? 1;
        const t = round(previous * (1 - f));
        tr.push(t > 0 ? t : previous);
      }
      return { config, input: { values: { format, values: va }, training: { format, values: tr } } };
    });
}

/** A case for any monitor entry under `preset`. */
export function monitorCase(
  entry: CatalogueEntry,
  preset: PresetName,
  formats?: readonly MetricFormat[],
): fc.Arbitrary<MonitorCase> {
  return entry.name === 'early-stopping' ? patienceCase(entry, preset, formats) : precheltCase(entry, formats);
}
