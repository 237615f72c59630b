/**
 * The typed helpers the equivalence claims are written with: a property and the names its
 * counterexample is reported under, typed by one tuple of value types (so a missing name, or a
 * predicate taking the wrong values, is a type error), and the float32 comparison of a pair of
 * conventions' one step (src/claims/one-step.ts).
 *
 * @module
 */
import fc from 'fast-check';
import { comparePair, productionParam, type OneStep } from '../one-step.js';
import { checkProperty, f32, int, text, type PropertyClaim } from '../property.js';
import type { ClaimOptions, ClaimResult, NamedValue } from '../types.js';

/** One fast-check arbitrary per value of the tuple `Ts`. */
export type Arbitraries<Ts extends unknown[]> = { [K in keyof Ts]: fc.Arbitrary<Ts[K]> };

/** One name per value of the tuple `Ts`, as the counterexample reports it. */
export type Names<Ts extends unknown[]> = { readonly [K in keyof Ts]: string };

/**
 * A case's values by name: a number is a binary32 value (an integer when its name is `t`), an array
 * of numbers is `name_1`, `name_2`, ..., anything else is text.
 */
export function describeRun<Ts extends unknown[]>(names: Names<Ts>): (args: Ts) => NamedValue[] {
  return (args) =>
    args.flatMap((x, i): NamedValue[] => {
      const name = names[i] ?? `#${i + 1}`;
      if (Array.isArray(x))
        return x.map((g: unknown, k) =>
          typeof g === 'number' ? f32(`${name}_${k + 1}`, g) : text(`${name}_${k + 1}`, String(g)),
        );
      if (typeof x === 'number') return [Number.isInteger(x) && name === 't' ? int(name, x) : f32(name, x)];
      return [text(name, String(x))];
    });
}

/**
 * `fc.property(...arbitraries, predicate)` paired with the description of its counterexample under
 * `names`; the value types `Ts` are inferred from the arbitraries alone.
 */
export function namedProperty<Ts extends [unknown, ...unknown[]]>(
  names: NoInfer<Names<Ts>>,
  arbitraries: Arbitraries<Ts>,
  predicate: (...args: Ts) => boolean,
): Pick<PropertyClaim<Ts>, 'property' | 'describe'> {
  return { property: fc.property(...arbitraries, predicate), describe: describeRun<Ts>(names) };
}

/**
 * A float32 pair claim over 200 cases: `sides` maps a case to one step of convention A and one of
 * convention B, and the claim is |P_A − P_B − (X_A − X_B)| ≤ e_A + e_B (src/claims/one-step.ts), or
 * with `bitwise` that the two float32 results are the same value (Object.is).
 */
export function float32Pair<Ts extends [unknown, ...unknown[]]>(
  arbitraries: Arbitraries<Ts>,
  sides: (...args: Ts) => readonly [OneStep, OneStep],
  names: NoInfer<Names<Ts>>,
  o: ClaimOptions,
  bitwise = false,
): ClaimResult {
  let worst = 0;
  let ulps = 0;
  let judged = 0;
  const claim: PropertyClaim<Ts> = {
    ...namedProperty<Ts>(names, arbitraries, (...args) => {
      const [a, b] = sides(...args);
      if (bitwise) return Object.is(productionParam(o.backend, a), productionParam(o.backend, b));
      const pair = comparePair(o.backend, a, b);
      if (pair === undefined) return true;
      judged++;
      worst = Math.max(worst, pair.ratio);
      ulps = Math.max(ulps, pair.ulps);
      return pair.ratio <= 1;
    }),
    runs: 200,
    ...(bitwise
      ? {}
      : {
          bound: '(X_A − X_B) ± (e_A + e_B)',
          judged: () => judged,
          measured: () =>
            `largest |P_A − P_B − (X_A − X_B)|/(e_A + e_B) over ${judged} cases: ${worst.toFixed(3)}; ` +
            `the conventions' float32 results differ by up to ${ulps} ulp`,
        }),
  };
  return checkProperty(claim, o);
}
