// Types of ./sgd-math.mjs, for the specs that run it in process.

/** A planted defect (none when undefined). */
export type Bug = 'sign' | 'schedule-step' | 'decay-lr' | 'clip-global' | undefined;

/** A schedule as the protocol carries it. */
export interface Schedule {
  readonly schedule: string;
  readonly hyper: Readonly<Record<string, string | undefined>>;
  readonly flags: Readonly<Record<string, string | boolean | undefined>>;
}

/** A clipping as the protocol carries it. */
export interface Clip {
  readonly transform: string;
  readonly hyper: Readonly<Record<string, string | undefined>>;
  readonly flags: Readonly<Record<string, string | boolean | undefined>>;
}

/** Keras's wrapper options as the protocol carries them. */
export interface KerasOptions {
  readonly weightDecay?: string;
  readonly clip?: { readonly option: string; readonly threshold: string };
  readonly ema?: { readonly momentum: string; readonly overwriteFrequency?: number };
}

/** One variable's stages. */
export interface Stages {
  readonly clipped: number[];
  readonly decayed: number[];
  readonly stepped: number[];
  readonly average: number[] | undefined;
  readonly params: number[];
}

export function learningRate(
  hyper: Readonly<Record<string, string | undefined>>,
  schedule: Schedule | undefined,
  t: number,
  bug?: Bug,
): number;
export function sgd(
  hyper: Readonly<Record<string, string | undefined>>,
  lr: number,
  params: readonly number[],
  grads: readonly number[],
  bug?: Bug,
): number[];
export function clip(clip: Clip, grads: readonly (readonly number[])[], bug?: Bug): number[][];
export function kerasStep(
  step: {
    readonly hyper: Readonly<Record<string, string | undefined>>;
    readonly keras: KerasOptions;
    readonly schedule: Schedule | undefined;
    readonly iterations: number;
    readonly variables: readonly {
      readonly params: readonly number[];
      readonly grads: readonly number[];
      readonly average?: readonly number[];
    }[];
  },
  bug?: Bug,
): Stages[];
