/**
 * Float32 values in words: shortest decimal and C99 hexadecimal, so that a counterexample can be
 * pasted into any language exactly.
 *
 * @module
 */

import { hexText } from '../../oracle/binary32.js';

/** `decimal (hex)` for a binary32 value; −0 keeps its sign. */
export function describeFloat32(x: number): string {
  const decimal = Object.is(x, -0) ? '-0' : String(Math.fround(x));
  return `${decimal} (${hexText(x)})`;
}
