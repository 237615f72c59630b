/**
 * Hyperparameter arbitraries over a whole domain, as decimal text (what a user writes): the
 * frameworks' usual values, short decimals, values next to the domain's ends (1 − 2^−k for a decay
 * rate), and arbitrary doubles written as their shortest decimal.
 *
 * @module
 */
import fc from 'fast-check';
import { inDomain, type Domain, type HyperparameterSpec } from '../../../core/catalogue/index.js';

/** A decay rate in [0, 1). */
const unitInterval = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('0', '0.5', '0.9', '0.95', '0.99', '0.999', '0.9999'),
    fc
      .integer({ min: 1, max: 8 })
      .chain((digits) =>
        fc.integer({ min: 0, max: 10 ** digits - 1 }).map((n) => `0.${String(n).padStart(digits, '0')}`),
      ),
    fc.integer({ min: 1, max: 52 }).map((k) => String(1 - 2 ** -k)),
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((x) => String(x)),
  );

/** A nonnegative magnitude: zero, the usual values, and powers of ten from 10^−45 to 10^3. */
const nonnegativeReal = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('0', '1e-8', '1e-7', '1e-6', '0.001', '0.01', '0.1', '1'),
    fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -45, max: 3 })).map(([m, e]) => `${m}e${e}`),
    fc.double({ min: 0, max: 1e3, noNaN: true }).map((x) => String(x)),
  );

/** Text values in `domain`, biased towards the values the frameworks use. */
export function hyperparameterValue(spec: HyperparameterSpec): fc.Arbitrary<string> {
  const d: Domain = spec.domain;
  const base = d.min === '0' && d.max === '1' && d.maxOpen ? unitInterval() : nonnegativeReal();
  return base.filter((text) => inDomain(text, d));
}

/** Step counts from 1 to 10^6, small ones often. */
export const stepCount = (): fc.Arbitrary<number> =>
  fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(1, 1_000_000));
