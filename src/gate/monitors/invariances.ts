/**
 * The monitors' invariances, as fast-check properties on any implementation (the oracle, or
 * production): each compares the outcome (stop, reason, best and restored epochs) of a case with
 * that of its transform, on inputs where the transform itself is exact in the format, so that only
 * the monitor's own arithmetic can break it:
 *
 * - shift: adding c to every value (and to the baseline and thresholds) leaves the patience rule's
 *   decisions unchanged, since (v + c) − δ' < (r + c) ⇔ v − δ' < r; values and c on the grid
 *   2^−10 · Z, so that v + c is exact (|v + c| < 2^14, within float32's 24 bits), shifts often a
 *   power of two 2^10 … 2^23 times the grid, where the format's spacing outgrows the margins, and
 *   min_delta often just below a multiple of the grid (n · 2^−10 − 10^−j, j from 5 to 8 for float32
 *   values and 12 to 15 for float64), so that values a whole number of grid steps apart improve by
 *   less than the spacing; tfjs's values are float64 (JavaScript numbers);
 * - scale: multiplying every E_va and E_tr by c > 0 leaves GL_α and PQ_α unchanged, since GL and P_k
 *   are ratios; values with 12-bit (float32) or 44-bit (float64) significands, c with 8 bits, so that
 *   c · v is exact;
 * - mode: mode 'max' on v decides as mode 'min' on −v (baseline and thresholds negated);
 * - strictly improving: a sequence in which every value improves on the previous by more than |δ|
 *   (exactly), with no baseline and no thresholds, never stops; for Prechelt, a strictly decreasing
 *   E_va never stops.
 *
 * @module
 */
import fc from 'fast-check';
import { configure, type Configuration, type PresetName } from '../../../core/catalogue/index.js';
import type {
  Direction,
  MetricFormat,
  MonitorInput,
  MonitorOutcome,
} from '../../../core/catalogue/monitors/monitor-types.js';
import type { CatalogueEntry } from '../../../core/catalogue/types.js';
import { exactOfDouble } from '../../../oracle/float64-decimal.js';
import { Exact } from '../../../oracle/monitors/exact.js';
import { patienceConfiguration, precheltConfiguration, type MonitorCase } from './arbitraries.js';
import type { MonitorImplementation } from './properties.js';

/** The decisions two runs must share. */
export const outcomeKey = (o: MonitorOutcome<unknown>): string =>
  JSON.stringify([o.stopEpoch ?? null, o.reason ?? null, o.bestEpoch ?? null, o.restoredEpoch ?? null]);

/** Exact decimal text of a double. */
const text = (x: number) => exactOfDouble(x).toString();
const GRID = 2 ** -10;

/** A case of the patience rule on the grid 2^−10 · Z, and a shift c on it. */
export function shiftCase(entry: CatalogueEntry, preset: PresetName): fc.Arbitrary<{ c: MonitorCase; shift: number }> {
  const gridDelta = (format: MetricFormat) =>
    fc
      .tuple(
        fc.integer({ min: 0, max: 100 }),
        fc.integer(format === 'float32' ? { min: 5, max: 8 } : { min: 12, max: 15 }),
      )
      .map(([n, j]) => new Exact(n).times(GRID).minus(new Exact(10).pow(-j)).abs().toString());
  const step = fc.tuple(fc.constantFrom(0, 0, 0, -1, 1), fc.boolean(), fc.integer({ min: -2000, max: 2000 }));
  const format =
    preset === 'tfjs' ? fc.constant<MetricFormat>('float64') : fc.constantFrom<MetricFormat>('float32', 'float64');
  return format.chain((format) =>
    fc
      .record({
        config: patienceConfiguration(entry, preset),
        gridDelta: fc.option(gridDelta(format), { nil: undefined, freq: 4 }),
        format: fc.constant(format),
        mode: fc.constantFrom<Direction>('min', 'max'),
        start: fc.oneof(fc.integer({ min: -(2 ** 12), max: 2 ** 12 }), fc.integer({ min: -(2 ** 20), max: 2 ** 20 })),
        steps: fc.array(step, { maxLength: 16 }),
        baseline: fc.option(fc.integer({ min: -(2 ** 12), max: 2 ** 12 }), { nil: undefined }),
        restore: fc.boolean(),
        shift: fc.oneof(
          { arbitrary: fc.integer({ min: -(2 ** 23), max: 2 ** 23 }), weight: 1 },
          {
            arbitrary: fc
              .tuple(fc.integer({ min: 10, max: 23 }), fc.boolean())
              .map(([k, negative]) => (negative ? -1 : 1) * 2 ** k),
            weight: 3,
          },
        ),
      })
      .map(({ config: drawn, gridDelta, format, mode, start, steps, baseline, restore, shift }) => {
        const config =
          gridDelta === undefined
            ? drawn
            : configure(entry, preset, { ...(drawn.hyper as Record<string, string>), minDelta: gridDelta });
        const d = Math.ceil(Math.abs(Number(config.hyper['minDelta'])) / GRID) * (mode === 'min' ? -1 : 1);
        const ms = [start];
        for (const [units, near, jump] of steps) ms.push((ms.at(-1) ?? start) + (near ? d + units : jump));
        const options = {
          mode,
          ...(baseline === undefined || preset === 'lightning' ? {} : { baseline: text(baseline * GRID) }),
          ...(preset === 'keras' ? { restoreBestWeights: restore } : {}),
          ...(preset === 'lightning' && baseline !== undefined ? { stoppingThreshold: text(baseline * GRID) } : {}),
        };
        return {
          c: { config, input: { values: { format, values: ms.map((m) => m * GRID) }, options } },
          shift: shift * GRID,
        };
      }),
  );
}

/** The case with every value, the baseline and the thresholds moved by `shift` (exact on the grid). */
export function shifted({ config, input }: MonitorCase, shift: number): MonitorCase {
  const move = (t: string | undefined) => (t === undefined ? undefined : new Exact(t).plus(text(shift)).toString());
  const o = input.options ?? {};
  const options = Object.fromEntries(
    Object.entries({
      ...o,
      baseline: move(o.baseline),
      stoppingThreshold: move(o.stoppingThreshold),
      divergenceThreshold: move(o.divergenceThreshold),
    }).filter(([, v]) => v !== undefined),
  );
  return {
    config,
    input: { ...input, values: { ...input.values, values: input.values.values.map((v) => v + shift) }, options },
  };
}

/** How shifting `c` by `shift` changes `impl`'s outcome, if it does. */
export function shiftBreaks(
  impl: MonitorImplementation,
  { c, shift }: { c: MonitorCase; shift: number },
): string | undefined {
  const [a, b] = [impl(c.config, c.input), impl(c.config, shifted(c, shift).input)];
  return outcomeKey(a) === outcomeKey(b) ? undefined : `shift by ${shift}: ${outcomeKey(a)} becomes ${outcomeKey(b)}`;
}

/** Throws `problem` when there is one: a fast-check predicate. */
export function holds(problem: string | undefined): void {
  if (problem !== undefined) throw new Error(problem);
}

/** Shift invariance of the patience rule on `impl`. */
export function shiftInvariance(impl: MonitorImplementation, entry: CatalogueEntry, preset: PresetName) {
  return fc.property(shiftCase(entry, preset), (s) => holds(shiftBreaks(impl, s)));
}

/** The case with mode 'max' on v turned into mode 'min' on −v (baseline and thresholds negated). */
export function mirrored({ config, input }: MonitorCase): MonitorCase {
  const neg = (t: string | undefined) => (t === undefined ? undefined : new Exact(t).neg().toString());
  const o = input.options ?? {};
  const options = Object.fromEntries(
    Object.entries({
      ...o,
      mode: o.mode === 'max' ? 'min' : 'max',
      baseline: neg(o.baseline),
      stoppingThreshold: neg(o.stoppingThreshold),
      divergenceThreshold: neg(o.divergenceThreshold),
    }).filter(([, v]) => v !== undefined),
  );
  return {
    config,
    input: { ...input, values: { ...input.values, values: input.values.values.map((v) => -v) }, options },
  };
}

/** How mirroring `c` changes `impl`'s outcome, if it does. */
export function mirrorBreaks(impl: MonitorImplementation, c: MonitorCase): string | undefined {
  const [a, b] = [impl(c.config, c.input), impl(c.config, mirrored(c).input)];
  return outcomeKey(a) === outcomeKey(b)
    ? undefined
    : `mode ${c.input.options?.mode} on v ${outcomeKey(a)}, mirrored ${outcomeKey(b)}`;
}

/** mode 'max' on v equals mode 'min' on −v, on `impl`, for cases drawn by `cases` (mode min or max). */
export function modeSymmetry(impl: MonitorImplementation, cases: fc.Arbitrary<MonitorCase>) {
  return fc.property(cases, (c) => holds(mirrorBreaks(impl, c)));
}

/** A positive float with a `bits`-bit significand, 2^−8 to 2^8. */
const shortFloat = (bits: number) =>
  fc
    .tuple(fc.integer({ min: 2 ** (bits - 1), max: 2 ** bits - 1 }), fc.integer({ min: -8 - bits, max: 8 - bits }))
    .map(([m, e]) => m * 2 ** e);

/** A Prechelt case with short significands, and a scale c > 0 with an 8-bit significand. */
export function scaleCase(entry: CatalogueEntry): fc.Arbitrary<{ c: MonitorCase; scale: number }> {
  return fc.constantFrom<MetricFormat>('float32', 'float64').chain((format) => {
    const v = shortFloat(format === 'float32' ? 12 : 44);
    return fc
      .record({
        config: precheltConfiguration(entry),
        pairs: fc.array(fc.tuple(v, v), { minLength: 1, maxLength: 25 }),
        scale: shortFloat(8),
      })
      .map(({ config, pairs, scale }) => ({
        c: {
          config,
          input: {
            values: { format, values: pairs.map(([a]) => a) },
            training: { format, values: pairs.map(([, b]) => b) },
          },
        },
        scale,
      }));
  });
}

/** How scaling `c` by `scale` changes `impl`'s outcome, if it does. */
export function scaleBreaks(
  impl: MonitorImplementation,
  { c, scale }: { c: MonitorCase; scale: number },
): string | undefined {
  const times = (s: MonitorInput['values']) => ({ ...s, values: s.values.map((x) => x * scale) });
  const input: MonitorInput = {
    ...c.input,
    values: times(c.input.values),
    ...(c.input.training ? { training: times(c.input.training) } : {}),
  };
  const [a, b] = [impl(c.config, c.input), impl(c.config, input)];
  return outcomeKey(a) === outcomeKey(b) ? undefined : `scale by ${scale}: ${outcomeKey(a)} becomes ${outcomeKey(b)}`;
}

/** Scale invariance of GL_α or PQ_α on `impl`. */
export function scaleInvariance(impl: MonitorImplementation, entry: CatalogueEntry) {
  return fc.property(scaleCase(entry), (s) => holds(scaleBreaks(impl, s)));
}

/** A strictly improving sequence under `config` (each value beyond the previous by more than |δ|, exactly). */
export function improvingCase(entry: CatalogueEntry, preset: PresetName): fc.Arbitrary<MonitorCase> {
  const config: fc.Arbitrary<Configuration> =
    entry.name === 'early-stopping'
      ? patienceConfiguration(entry, preset)
      : precheltConfiguration(entry).map((c) => configure(entry, 'paper', c.hyper as Record<string, string>));
  return fc
    .record({
      config,
      format: fc.constantFrom<MetricFormat>('float32', 'float64'),
      mode: fc.constantFrom<Direction>('min', 'max'),
      start: fc.double({ min: 1, max: 1e4, noNaN: true }),
      gaps: fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0, max: 0.1, noNaN: true })), {
        maxLength: 20,
      }),
    })
    .map(({ config, format, mode, start, gaps }) => {
      const round = (x: number) => (format === 'float32' ? Math.fround(x) : x);
      const delta = entry.name === 'early-stopping' ? Math.abs(Number(config.hyper['minDelta'])) : 0;
      const exactDelta =
        entry.name === 'early-stopping' ? new Exact(config.hyper['minDelta'] ?? '0').abs() : new Exact(0);
      const values = [round(start)];
      for (const g of gaps) {
        const last = values.at(-1) ?? start;
        let v = round(last - delta - (Number.isInteger(g) ? g * Math.abs(last) * 2 ** -23 : g * Math.abs(last)));
        while (!exactOfDouble(v).plus(exactDelta).lt(exactOfDouble(last)))
          v = round(v - Math.abs(v) * 2 ** -22 - 1e-300);
        if (v <= 0) break;
        values.push(v);
      }
      const signed = mode === 'max' ? values.map((v) => -v) : values;
      const input: MonitorInput =
        entry.name === 'early-stopping'
          ? { values: { format, values: signed }, options: { mode } }
          : { values: { format, values }, training: { format, values: values.map((v) => v / 2) } };
      return { config, input };
    });
}

/** Where `impl` stops on the strictly improving `c`, if it does. */
export function improvingBreaks(impl: MonitorImplementation, c: MonitorCase): string | undefined {
  const o = impl(c.config, c.input);
  return o.stopEpoch === undefined
    ? undefined
    : `stopped at epoch ${o.stopEpoch} (${o.reason}) on a strictly improving sequence`;
}

/** A strictly improving sequence never stops, on `impl`. */
export function strictlyImprovingNeverStops(impl: MonitorImplementation, entry: CatalogueEntry, preset: PresetName) {
  return fc.property(improvingCase(entry, preset), (c) => holds(improvingBreaks(impl, c)));
}
