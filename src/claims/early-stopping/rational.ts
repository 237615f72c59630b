/**
 * An exact arithmetic for the patience rule that shares nothing with the oracle's decimal.js: a
 * value is a fraction of BigInts (a double m · 2^e read from its bits, decimal text n / 10^k read
 * from its digits), or NaN or ±∞ with IEEE 754's order. The claim that the oracle decides exactly
 * runs the rule on it and compares every decision.
 *
 * @module
 */
import type { Configuration } from '../../../core/catalogue/index.js';
import type { EarlyStoppingSchema } from '../../../core/catalogue/monitors/early-stopping.js';
import type { Comparison } from '../../../core/catalogue/monitors/monitor-types.js';
import type { PatienceArith } from '../../../core/catalogue/monitors/patience-rule.js';
import { required } from '../../../core/required.js';

/** A rational n / d (d > 0), or NaN, +∞, −∞. */
export type Rational = { readonly n: bigint; readonly d: bigint } | { readonly special: number };

/** The exact value of a double, from its bits: (−1)^s · m · 2^(e − 1075). */
export function rationalOfDouble(x: number): Rational {
  if (!Number.isFinite(x)) return { special: x };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  const m = exponent === 0 ? fraction : fraction | (1n << 52n);
  const e = (exponent === 0 ? 1 : exponent) - 1075;
  const n = (bits >> 63n === 1n ? -m : m) * (e > 0 ? 2n ** BigInt(e) : 1n);
  return { n, d: e < 0 ? 2n ** BigInt(-e) : 1n };
}

/** The exact value of decimal text such as `-1.25e-3`. */
export function rationalOfText(text: string): Rational {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (m === null) throw new RangeError(`not decimal text: ${text}`);
  const [, sign, whole = '', fraction = '', exponent = '0'] = m;
  const digits = BigInt(`${whole}${fraction}` || '0') * (sign === '-' ? -1n : 1n);
  const scale = Number(exponent) - fraction.length;
  return scale >= 0 ? { n: digits * 10n ** BigInt(scale), d: 1n } : { n: digits, d: 10n ** BigInt(-scale) };
}

const special = (r: Rational): number | undefined => ('special' in r ? r.special : undefined);

/** a − b on the extended reals (NaN when undefined). */
export function subtract(a: Rational, b: Rational): Rational {
  const [x, y] = [special(a), special(b)];
  if (x !== undefined || y !== undefined) return { special: (x ?? 0) - (y ?? 0) };
  if ('special' in a || 'special' in b) throw new Error('unreachable');
  return { n: a.n * b.d - b.n * a.d, d: a.d * b.d };
}

/** −a. */
export const negate = (a: Rational): Rational => ('special' in a ? { special: -a.special } : { n: -a.n, d: a.d });

/** Sign of a − b, or undefined when unordered (NaN). */
export function order(a: Rational, b: Rational): number | undefined {
  const [x, y] = [special(a), special(b)];
  if (Number.isNaN(x) || Number.isNaN(y)) return undefined;
  if (x !== undefined || y !== undefined) {
    const [p, q] = [x ?? 0, y ?? 0];
    return p === q ? 0 : p < q ? -1 : 1;
  }
  if ('special' in a || 'special' in b) throw new Error('unreachable');
  const c = a.n * b.d - b.n * a.d;
  return c === 0n ? 0 : c < 0n ? -1 : 1;
}

/** The patience rule's numbers as BigInt fractions, for `values` under `config`. */
export function rationalPatienceArith(
  config: Configuration<EarlyStoppingSchema>,
  values: readonly number[],
): PatienceArith<Rational> {
  const given = rationalOfText(config.hyper.minDelta);
  const delta = config.flags.minDelta === 'absolute' && order(given, { n: 0n, d: 1n }) === -1 ? negate(given) : given;
  return {
    value: (epoch) => rationalOfDouble(required(values[epoch], `value ${epoch}`)),
    signedDelta: (direction) => (direction === 'min' ? negate(delta) : delta),
    shifted: subtract,
    constant: (text, neg) => (neg === true ? negate(rationalOfText(text)) : rationalOfText(text)),
    infinity: (sign) => ({ special: sign * Infinity }),
    neg: negate,
    isFinite: (v) => !('special' in v),
    compare: (what, op, left, right): Comparison<Rational> => {
      const c = order(left, right);
      return { what, op, left, right, holds: c !== undefined && (op === '<' ? c < 0 : c > 0) };
    },
  };
}
