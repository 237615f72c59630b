/**
 * What the decimal interval arithmetic (./interval.ts) is made of: its enclosures, the error that sends
 * an evaluation to the next precision, and the tests on ends that choose how an operation is computed.
 *
 * @module
 */
import type { Dec } from './binary32.js';

/** An enclosure of an exact real (or IEEE special) value. */
export interface Interval {
  readonly lo: Dec;
  readonly hi: Dec;
  readonly near: Dec;
}

/** Thrown when the current precision cannot decide an operation; the caller retries at a higher one. */
export class Undecided extends Error {
  constructor(what: string) {
    super(`undecided at this precision: ${what}`);
    this.name = 'Undecided';
  }
}

/** Whether any part of a is NaN. */
export function isNaNInterval(a: Interval): boolean {
  return a.near.isNaN() || a.lo.isNaN() || a.hi.isNaN();
}

/** 1 when a lies in (0, ∞), −1 in (−∞, 0), else 0: where a product or quotient needs two corners, not four. */
export function strictSign(a: Interval): number {
  if (a.lo.gt(0) && a.hi.isFinite()) return 1;
  return a.hi.lt(0) && a.lo.isFinite() ? -1 : 0;
}

/** Whether a is the exact point ±0. */
export function isExactZero(a: Interval): boolean {
  return a.lo.isZero() && a.hi.isZero();
}

/**
 * Whether a holds 0 without being a point: neither the sign of its exact value nor that of its
 * rounded `near` is then certain (a `near` of 0 may stand for a nonzero value).
 */
export function unsignedAround0(a: Interval): boolean {
  return !a.lo.eq(a.hi) && a.lo.lte(0) && a.hi.gte(0);
}
