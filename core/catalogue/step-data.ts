/**
 * One step's data as plain float32 arrays: the form in which values cross every boundary (oracle,
 * production, gate, fixtures, other languages).
 *
 * @module
 */
import type { Objective } from './objectives.js';

/**
 * State as named slots: element slots have the parameters' length, tensor slots one value, row and
 * column slots one value per row or column of the parameters' {@link StepInput.shape} (one for a vector).
 */
export type State = Record<string, Float32Array>;

/** One step's inputs; `t` counts from 1. */
export interface StepInput {
  readonly params: Float32Array;
  readonly grads: Float32Array;
  readonly state: State;
  readonly t: number;
  /**
   * The parameters' shape, outermost first: absent or `[n]` for a vector, `[rows, cols]` for a matrix
   * (row-major). Only rules with row or column slots (Adafactor) read it; the others see the flat tensor.
   */
  readonly shape?: readonly number[];
  /** For rules that evaluate the gradient themselves (NAG's look-ahead form): what to differentiate. */
  readonly objective?: Objective;
}

/**
 * One output element the oracle could not certify: its exact value lies so close to the rounding
 * boundary between the adjacent float32 values `below` < `above` (within about 10^−2550 relative)
 * that the precisions tried do not tell which side it is on. The value given is one of the two.
 */
export interface UncertifiedElement {
  /** 'params', a state slot's name, or a regularizer's output name. */
  readonly output: string;
  /** Element index within that output (0 for a tensor slot or a scalar output). */
  readonly index: number;
  readonly below: number;
  readonly above: number;
}

/** One step's outputs. */
export interface StepOutput {
  readonly params: Float32Array;
  readonly state: State;
  /**
   * From the oracle: the elements whose rounding it could not decide (absent or empty when it
   * certified every element). Judges accept either neighbour for these.
   */
  readonly uncertified?: readonly UncertifiedElement[];
}
