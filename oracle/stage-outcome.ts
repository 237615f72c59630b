/**
 * What a fast stage of Ziv's strategy (./staged.ts, ./exact-stages.ts) hands on: the float32 values it
 * decided, the outputs it left open, or why the decimal ladder must decide.
 *
 * @module
 */

/** Why the fast stages left a computation to the decimal stage. */
export type FallThroughReason = 'boundary' | 'zero-sign' | 'operation' | 'error';

/** The outcome of the fast stages alone: the decided values, or why they fall through. */
export type FastOutcome<K extends string> =
  | { values: Record<K, number>; stage: 'float64' | 'refined' | 'rational' | 'big-float' }
  | { reason: FallThroughReason };

/** What binary64 left open: outputs at a rounding boundary, or near zero with no sign told. */
export interface Open<K extends string> {
  readonly values: Record<K, number>;
  readonly open: K[];
  /** Why they are open: 'zero-sign' when any is an output whose sign binary64 could not tell, else 'boundary'. */
  readonly why: 'boundary' | 'zero-sign';
}
