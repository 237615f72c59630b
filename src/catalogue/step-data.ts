/**
 * One step's data as plain float32 arrays: the form in which values cross every boundary (oracle,
 * production, gate, fixtures, other languages).
 *
 * @module
 */
import type { Objective } from './objectives.js';

/** State as named slots: element slots have the parameters' length, tensor slots one value. */
export type State = Record<string, Float32Array>;

/** One step's inputs; `t` counts from 1. */
export interface StepInput {
  readonly params: Float32Array;
  readonly grads: Float32Array;
  readonly state: State;
  readonly t: number;
  /** For rules that evaluate the gradient themselves (NAG's look-ahead form): what to differentiate. */
  readonly objective?: Objective;
}

/** One step's outputs. */
export interface StepOutput {
  readonly params: Float32Array;
  readonly state: State;
}
