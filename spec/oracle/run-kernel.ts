import { FLOAT64_UNDECIDED, R } from '../../oracle/float64-rounding.js';

/** An enclosure a float64 kernel wrote, [R[0], R[1]] (toEqual tells −0 from +0). */
export type Ends = readonly [number, number];

/** Runs a float64 kernel: the enclosure it wrote, or 'undecided' when it threw the float64 stage's Undecided. */
export function runKernel(kernel: () => void): Ends | 'undecided' {
  try {
    kernel();
  } catch (e) {
    if (e === FLOAT64_UNDECIDED) return 'undecided';
    throw e;
  }
  return [R[0] as number, R[1] as number];
}
