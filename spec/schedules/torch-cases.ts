/**
 * Running PyTorch's schedulers (examples/pytorch/schedules.py through /usr/bin/python3) on our
 * configurations: the scheduler class and constructor arguments of each PyTorch preset, and the
 * values torch returns after construction and after each step.
 *
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { ScheduleConfig } from '../../core/schedules/index.js';

/** The Python that has PyTorch 1.13 (Debian's python3-torch). */
export const PYTHON = '/usr/bin/python3';
const probe = existsSync(PYTHON)
  ? spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' })
  : undefined;
/** Whether /usr/bin/python3 imports torch, and its version. */
export const torchVersion: string | undefined = probe?.status === 0 ? probe.stdout.trim() : undefined;

/** One scheduler run: class, optimizer lr, arguments, steps, and whether step(epoch) is used. */
export interface TorchCase {
  readonly class: string;
  readonly lr: string;
  readonly floats: Readonly<Record<string, string>>;
  readonly ints: Readonly<Record<string, number | number[]>>;
  readonly other: Readonly<Record<string, string | boolean>>;
  readonly steps: number;
  readonly closed: boolean;
}

/** What torch returned: the values at 0, 1, … (float64), and the exception that stopped it. */
export interface TorchRun {
  readonly values: number[];
  readonly error?: string;
  readonly at?: number;
}

/** The PyTorch scheduler of a configuration (ExponentialLR for exponential decay with decaySteps = 1). */
export function torchCase(config: ScheduleConfig, steps: number): TorchCase {
  const h: Readonly<Record<string, string | undefined>> = config.hyper;
  const text = (k: string) => h[k] ?? '0';
  const closed = config.flags['implementation'] === 'torch-closed-form';
  const base = { lr: text('lr'), steps, closed, floats: {}, ints: {}, other: {} };
  switch (config.entry.name) {
    case 'exponential-decay':
      return text('decaySteps') === '1'
        ? { ...base, class: 'ExponentialLR', floats: { gamma: text('decayRate') } }
        : {
            ...base,
            class: 'StepLR',
            floats: { gamma: text('decayRate') },
            ints: { step_size: Number(text('decaySteps')) },
          };
    case 'multi-step': {
      const lists: Readonly<Record<string, readonly string[]>> = config.lists;
      return {
        ...base,
        class: 'MultiStepLR',
        floats: { gamma: text('decayRate') },
        ints: { milestones: (lists['milestones'] ?? []).map(Number) },
      };
    }
    case 'cosine-annealing':
      return {
        ...base,
        class: 'CosineAnnealingLR',
        floats: { eta_min: text('minimum') },
        ints: { T_max: Number(text('decaySteps')) },
      };
    case 'linear':
      return {
        ...base,
        class: 'LinearLR',
        floats: { start_factor: text('startFactor'), end_factor: text('endFactor') },
        ints: { total_iters: Number(text('totalIters')) },
      };
    case 'one-cycle':
      return {
        ...base,
        lr: '0.1',
        class: 'OneCycleLR',
        floats: {
          max_lr: text('maxLr'),
          pct_start: text('pctStart'),
          div_factor: text('divFactor'),
          final_div_factor: text('finalDivFactor'),
        },
        ints: { total_steps: Number(text('totalSteps')) },
        other: {
          anneal_strategy: String(config.flags['anneal']),
          three_phase: config.flags['threePhase'] === true,
          cycle_momentum: false,
        },
      };
    default:
      throw new Error(`no PyTorch scheduler for ${config.entry.name}`);
  }
}

/** Runs every case in one Python process (importing torch costs about a second). */
export function runTorch(cases: readonly TorchCase[]): TorchRun[] {
  const r = spawnSync(PYTHON, ['examples/pytorch/schedules.py'], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`PyTorch failed: ${r.stderr}`);
  const results = (JSON.parse(r.stdout) as { results: Array<{ values: string[]; error?: string; at?: number }> })
    .results;
  return results.map(({ values, ...rest }) => ({ ...rest, values: values.map(fromHex) }));
}

/** A float.hex text as its double (exact: the mantissa has at most 53 bits). */
export function fromHex(h: string): number {
  const m = /^(-?)0x([01])\.?([0-9a-f]*)p([+-]\d+)$/.exec(h);
  if (m === null) throw new Error(`not a hex float: ${h}`);
  const [, sign = '', lead = '0', fraction = '', exponent = '0'] = m;
  const mantissa = BigInt(`0x${lead}${fraction}`);
  const value = Number(mantissa) * 2 ** (Number(exponent) - 4 * fraction.length);
  return sign === '-' ? -value : value;
}
