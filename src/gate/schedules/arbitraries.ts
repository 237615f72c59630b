/**
 * Random schedules and steps, one unit per schedule, preset and production path (implementation and
 * arithmetic options): hyperparameters as short decimals and as doubles' shortest decimals over the
 * ranges people use, steps up to where the framework's arithmetic stays meaningful (float32 steps
 * below 2^24), recursive paths to a few thousand steps.
 *
 * @module
 */
import fc from 'fast-check';
import {
  configureSchedule,
  cosineAnnealing,
  exponentialDecay,
  linear,
  multiStep,
  oneCycle,
  piecewiseConstant,
  type ScheduleConfig,
  type ScheduleEntry,
  type ScheduleOverrides,
  type ScheduleSchema,
} from '../../../core/schedules/index.js';
import type { PresetName } from '../../../core/catalogue/index.js';
import { cmp, mul, rational, sub } from '../../../oracle/schedules/rational.js';

/** A configuration and a step. */
export interface ScheduleCase {
  readonly config: ScheduleConfig;
  readonly t: number;
}

/** A schedule, preset and production path, with its random cases. */
export interface ScheduleUnit {
  readonly label: string;
  readonly entry: ScheduleEntry;
  readonly preset: PresetName;
  /** The flags of every case: the preset's, with the unit's production path. */
  readonly flags: Readonly<Record<string, string | boolean>>;
  readonly cases: fc.Arbitrary<ScheduleCase>;
}

/**
 * Decimal text in [min, max]: three-digit decimals and doubles' shortest decimals, those below
 * 10^−30 read as 0 (a divisor that small, optax's peak, may vanish within its float64 bound).
 */
export const decimal = (min: number, max: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.integer({ min: Math.ceil(min * 1000), max: Math.floor(max * 1000) }).map((n) => String(n / 1000)),
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => String(Math.abs(x) < 1e-30 ? 0 : x)),
  );

const int = (min: number, max: number) => fc.integer({ min, max }).map(String);
const step = (max: number) => fc.oneof(fc.integer({ min: 0, max: Math.min(max, 20) }), fc.integer({ min: 0, max }));

function unit<S extends ScheduleSchema>(
  entry: ScheduleEntry<S>,
  preset: PresetName,
  flags: Readonly<Record<string, string | boolean>>,
  parameters: fc.Arbitrary<Omit<ScheduleOverrides, 'flags'>>,
  maxStep: (config: ScheduleConfig<S>) => number,
): ScheduleUnit {
  const shown = Object.values(flags).map(String).join(' ');
  return {
    label: `${entry.name}/${preset}${shown ? ` ${shown}` : ''}`,
    // The unit's cases are configurations of this entry, which code handling any schedule reads.
    entry: entry as unknown as ScheduleEntry,
    preset,
    flags: { ...(entry.presets[preset]?.flags as Readonly<Record<string, string | boolean>> | undefined), ...flags },
    cases: parameters.chain((p) => {
      const config = configureSchedule(entry, preset, { ...p, flags });
      const shownCase = (t: number) => () =>
        JSON.stringify({ preset, hyper: config.hyper, lists: config.lists, flags: config.flags, t });
      return step(maxStep(config)).map((t) => ({
        config: config as unknown as ScheduleConfig,
        t,
        [fc.toStringMethod]: shownCase(t),
      }));
    }),
  };
}

const torchPaths = ['torch-get-lr', 'torch-closed-form'].flatMap((implementation) =>
  ['float64', 'float32'].map((arithmetic) => ({ implementation, arithmetic })),
);
const recursiveSteps = (c: ScheduleConfig<ScheduleSchema>, closed: number) =>
  c.flags['implementation'] === 'torch-get-lr' ? 1500 : closed;

/** Whether OneCycleLR's phases are all nonempty in exact arithmetic (PyTorch divides by their lengths). */
function phasesNonempty(n: string, pct: string, threePhase: boolean): boolean {
  const rise = sub(mul(rational(pct), rational(n)), rational(1));
  const ends = threePhase
    ? [rise, sub(mul(rational(2), mul(rational(pct), rational(n))), rational(2)), sub(rational(n), rational(1))]
    : [rise, sub(rational(n), rational(1))];
  return ends.every((e, i) => cmp(e, i === 0 ? rational(0) : (ends[i - 1] ?? e)) !== 0);
}

/** Every unit the agreement properties run. */
export const scheduleUnits: readonly ScheduleUnit[] = [
  ...torchPaths.map((flags) =>
    unit(
      exponentialDecay,
      'pytorch',
      flags,
      fc.record({
        hyper: fc.record({
          lr: decimal(1e-6, 10),
          // γ > 1 overflows γ^k in the closed form (Python raises OverflowError), not in the recursion.
          decayRate:
            flags.implementation === 'torch-get-lr'
              ? fc.oneof(decimal(0.001, 1), fc.constant('1.05'))
              : decimal(0.001, 1),
          decaySteps: int(1, 50),
        }),
      }),
      (c) => recursiveSteps(c, 1_000_000),
    ),
  ),
  ...[false, true].map((staircase) =>
    unit(
      exponentialDecay,
      'keras',
      { staircase },
      fc.record({
        hyper: fc.record({ lr: decimal(1e-4, 10), decayRate: decimal(0.01, 1), decaySteps: int(1, 100_000) }),
      }),
      () => 2 ** 24 - 1,
    ),
  ),
  ...torchPaths.map((flags) =>
    unit(
      multiStep,
      'pytorch',
      flags,
      fc.record({
        hyper: fc.record({ lr: decimal(1e-6, 10), decayRate: decimal(0.001, 1) }),
        lists: fc.record({ milestones: fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 5 }) }),
      }),
      () => 400,
    ),
  ),
  unit(
    piecewiseConstant,
    'keras',
    {},
    fc.uniqueArray(fc.integer({ min: -10, max: 2000 }), { minLength: 1, maxLength: 4 }).chain((bs) =>
      fc.array(decimal(0, 10), { minLength: bs.length + 1, maxLength: bs.length + 1 }).map((values) => ({
        lists: { boundaries: [...bs].sort((x, y) => x - y), values },
      })),
    ),
    () => 2500,
  ),
  ...torchPaths.map((flags) =>
    unit(
      cosineAnnealing,
      'pytorch',
      flags,
      fc.record({
        hyper: fc.record({
          lr: decimal(1e-4, 10),
          decaySteps: int(1, 1000),
          minimum: fc.oneof(fc.constant('0'), decimal(0, 1)),
        }),
      }),
      (c) => recursiveSteps(c, 1_000_000),
    ),
  ),
  unit(
    cosineAnnealing,
    'keras',
    {},
    fc.record({
      hyper: fc.record(
        {
          lr: decimal(0, 10),
          decaySteps: int(1, 100_000),
          alpha: fc.oneof(fc.constant('0'), decimal(0, 1)),
          peak: decimal(0, 10),
          warmupSteps: int(0, 5000),
        },
        { requiredKeys: ['lr', 'decaySteps', 'alpha', 'warmupSteps'] },
      ),
    }),
    () => 200_000,
  ),
  unit(
    cosineAnnealing,
    'optax',
    {},
    fc
      .record({ W: fc.integer({ min: 0, max: 2000 }), D: fc.integer({ min: 1, max: 100_000 }), peak: decimal(0, 10) })
      .chain(({ W, D, peak }) =>
        fc.record({
          hyper: fc.record({
            lr: decimal(0, 1),
            peak: fc.constant(peak),
            warmupSteps: fc.constant(String(W)),
            decaySteps: fc.constant(String(W + D)),
            end: fc.oneof(fc.constant('0'), decimal(0, Number(peak))),
            exponent: fc.oneof(fc.constant('1'), decimal(0.1, 4)).filter((k) => Number(k) > 0),
          }),
        }),
      ),
    (c) => Number(c.hyper.decaySteps) + 100,
  ),
  ...torchPaths.map((flags) =>
    unit(
      linear,
      'pytorch',
      flags,
      fc.record({
        hyper: fc.record({
          lr: decimal(1e-4, 10),
          startFactor: decimal(0.001, 1),
          endFactor: decimal(0, 1),
          totalIters: int(1, 200),
        }),
      }),
      () => 300,
    ),
  ),
  ...['cos', 'linear'].flatMap((anneal) =>
    [false, true].flatMap((threePhase) =>
      ['float64', 'float32'].map((arithmetic) =>
        unit(
          oneCycle,
          'pytorch',
          { anneal, threePhase, arithmetic },
          fc
            .record({
              maxLr: decimal(1e-4, 10),
              totalSteps: int(2, 5000),
              pctStart: decimal(0.01, 0.99),
              divFactor: decimal(1, 100),
              finalDivFactor: decimal(1, 100_000),
            })
            .filter((h) => phasesNonempty(h.totalSteps, h.pctStart, threePhase))
            .map((hyper) => ({ hyper })),
          (c) => Number(c.hyper.totalSteps),
        ),
      ),
    ),
  ),
];
