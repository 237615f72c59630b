/**
 * The exact decimal value of a float64, built from its bits (never from its shortest decimal string,
 * which is not exact): the test suite's independent reference for float64 inputs.
 */
import { Decimal } from 'decimal.js';

const Exact = Decimal.clone({ precision: 2000 });

/** The exact value of the float64 `x` (finite), signed zero included. */
export function exactDouble(x: number): Decimal {
  if (x === 0) return new Exact(Object.is(x, -0) ? '-0' : '0');
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  const significand = biased === 0 ? fraction : fraction | (1n << 52n);
  const e = (biased === 0 ? -1022 : biased - 1023) - 52;
  // m · 2^e = m · 5^−e · 10^e for e < 0: at most 767 significant digits, exact in the constructor.
  const magnitude = new Exact(
    e >= 0 ? (significand << BigInt(e)).toString() : `${significand * 5n ** BigInt(-e)}e${e}`,
  );
  return x < 0 ? magnitude.neg() : magnitude;
}

/**
 * The double next to the finite `x` above (`up`) or below, from its bits: the suite's own step,
 * independent of the oracle's nextUp and nextDown. ±0 step to ±2^−1074; ±MAX_VALUE step out to ±∞.
 */
export function adjacentDouble(x: number, up: boolean): number {
  if (x === 0) return up ? 2 ** -1074 : -(2 ** -1074);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, x > 0 === up ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/** The double `n` steps from the finite `x` towards +∞ (`up`) or −∞ by {@link adjacentDouble}, stopping at ±∞. */
export function stepDoubles(x: number, n: number, up: boolean): number {
  let d = x;
  for (let i = 0; i < n && Number.isFinite(d); i++) d = adjacentDouble(d, up);
  return d;
}
