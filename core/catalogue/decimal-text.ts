/**
 * Reading a hyperparameter as the exact decimal the user wrote, and checking it against a domain
 * (used by `configure`, ./configure.ts, and by the Keras wrapper's options, ./keras-wrapper.ts).
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { HyperparameterError } from './errors.js';
import type { Domain } from './types.js';

/** A hyperparameter as a user gives it: a finite number or decimal text. */
export type HyperValue = number | string;

/** What {@link decimalText} accepts, for its messages. */
const ACCEPTED = "give a finite number or decimal text (0.001 or '1e-3')";

/** The largest finite float32, (2 − 2^−23) · 2^127, exactly. */
export const FLOAT32_MAX = '340282346638528859811704183484516925440';

/** A value of any type as a message shows it: strings quoted, arrays and objects as JSON. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
  return String(value);
}

/** What kind of value a rejected non-number, non-string is, for the message. */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'not a number';
  if (Array.isArray(value)) return 'an array, not a number';
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}, not a number`;
}

/**
 * Exact decimal text of a user's hyperparameter, or a {@link HyperparameterError} naming the rule,
 * the hyperparameter, the value given and what is accepted.
 *
 * Accepted: a finite JavaScript number (read as its shortest round-trip decimal, so 0.999 is
 * 999/1000) or text decimal.js reads as a finite number ("1e-3", " 0.5 "). Rejected: null,
 * undefined, booleans, bigints, arrays and other objects; NaN and ±Infinity; empty or non-numeric
 * text; and magnitudes beyond the largest finite float32, |x| > (2 − 2^−23) · 2^127 ≈
 * 3.4028234663852886e38 ('1e400', say): production holds hyperparameters as float32 (or float64
 * coefficients rounded to float32), where such a value is ±∞ or overflows, while the oracle would
 * judge it against the finite decimal. Nonzero magnitudes below float32's smallest subnormal 2^−149
 * are accepted: production holds them as 0 or 2^−149 and the derived bounds allow for that rounding,
 * as for any hyperparameter that float32 cannot hold exactly.
 */
export function decimalText(rule: string, name: string, value: HyperValue): string {
  const given: unknown = value;
  if (typeof given !== 'number' && typeof given !== 'string') {
    throw new HyperparameterError(rule, name, `${name} = ${shown(given)} is ${kindOf(given)}; ${ACCEPTED}`);
  }
  const text = typeof given === 'number' ? String(given) : given.trim();
  let d: Decimal;
  try {
    d = new Decimal(text);
  } catch {
    throw new HyperparameterError(rule, name, `${name} = ${shown(given)} is not a number; ${ACCEPTED}`);
  }
  if (!d.isFinite()) throw new HyperparameterError(rule, name, `${name} = ${text} is not a finite number; ${ACCEPTED}`);
  if (d.abs().gt(FLOAT32_MAX)) {
    throw new HyperparameterError(
      rule,
      name,
      `${name} = ${d.toString()} is beyond float32's range |x| ≤ 3.4028234663852886e38, in which production holds hyperparameters`,
    );
  }
  return d.isZero() ? '0' : d.toString();
}

/** The domain written as an interval, e.g. `[0, 1)` or `integers in [1, ∞)`. */
export function domainText(domain: Domain): string {
  const lo = domain.min === undefined ? '(−∞' : `${domain.minOpen ? '(' : '['}${domain.min}`;
  const hi = domain.max === undefined ? '∞)' : `${domain.max}${domain.maxOpen ? ')' : ']'}`;
  return `${domain.integer ? 'integers in ' : ''}${lo}, ${hi}`;
}

/** True when the exact decimal `text` lies in `domain`. */
export function inDomain(text: string, domain: Domain): boolean {
  const d = new Decimal(text);
  if (domain.integer && !d.isInteger()) return false;
  if (domain.min !== undefined) {
    const c = d.cmp(domain.min);
    if (c < 0 || (c === 0 && domain.minOpen)) return false;
  }
  if (domain.max !== undefined) {
    const c = d.cmp(domain.max);
    if (c > 0 || (c === 0 && domain.maxOpen)) return false;
  }
  return true;
}
