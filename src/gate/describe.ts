/**
 * Float32 values in words: shortest decimal and C99 hexadecimal, so that a counterexample can be
 * pasted into any language exactly.
 *
 * @module
 */

import { bitsOf } from '../../oracle/binary32.js';

/** C99 hexadecimal text of a binary32 value, as glibc's test vectors write them (`-0x1.8p-3`). */
export function hexFloat32(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const bits = bitsOf(Math.abs(x));
  if (bits === 0) return `${sign}0x0p+0`;
  const biased = bits >>> 23;
  const digits = ((bits & 0x7fffff) << 1).toString(16).padStart(6, '0').replace(/0+$/, '');
  const exponent = biased === 0 ? -126 : biased - 127;
  return `${sign}0x${biased === 0 ? 0 : 1}${digits ? '.' + digits : ''}p${exponent >= 0 ? '+' : ''}${exponent}`;
}

/** `decimal (hex)` for a binary32 value; −0 keeps its sign. */
export function describeFloat32(x: number): string {
  const decimal = Object.is(x, -0) ? '-0' : String(Math.fround(x));
  return `${decimal} (${hexFloat32(x)})`;
}
