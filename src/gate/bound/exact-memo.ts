/**
 * A memo of the exact values the derived bounds compute: ./scalar-bound.ts's 40-digit powers, roots
 * and hyperparameters read from text, and the schedules' bounded readings of hyperparameter texts
 * (../schedules/bounded-ops.ts's `parse`). The properties draw the presets' β and small step counts again and
 * again: on Adam's and Nadam's agreement specs at 1,000 cases, 154,754 powers and roots had 13,201
 * distinct operands, and a 40-digit power or root costs 50–400 µs against about 1 µs for its key.
 * decimal.js values are immutable, so a value taken from the memo is the one the operation returns.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';

/** Entries kept before the memo starts afresh: about 2 MB of 40-digit decimals. */
const LIMIT = 1 << 14;

/** A memo of values by key, emptied when it reaches {@link LIMIT} entries. */
export class ExactMemo<V> {
  private readonly values = new Map<string, V>();

  /** The value under `key`, computing and keeping it on a miss. */
  get(key: string, compute: () => V): V {
    const hit = this.values.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent; when the memo starts afresh changes its memory, not its values.
    if (this.values.size >= LIMIT) this.values.clear();
    this.values.set(key, value);
    return value;
  }

  /** Entries kept now. */
  get size(): number {
    return this.values.size;
  }
}

/**
 * A decimal's key: the precision and rounding its operations take (its constructor's), its sign (−0
 * apart from 0) and its exact digits.
 */
export function keyOf(x: Decimal): string {
  const { precision, rounding } = x.constructor as typeof Decimal;
  return `${precision}/${rounding}:${x.s}:${x.toString()}`;
}
