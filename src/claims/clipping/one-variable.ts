/**
 * Global clipping of one variable is per-variable clipping: Keras's g · c · min(1/N, 1/c) and
 * g · c / max(N, c) are the same real number for one variable (N = ‖g‖ > 0; both g at N = 0), so
 * the oracle's correctly rounded outputs agree bitwise. Float32 production computes them in different
 * orders: checked bitwise (refuted) and within the sum of their derived bounds.
 *
 * @module
 */
import fc from 'fast-check';
import { configure } from '../../../core/catalogue/index.js';
import { clipByGlobalNorm } from '../../../core/catalogue/gradient-transforms/clipping.js';
import { exactText } from '../../../oracle/binary32.js';
import { clipOracle } from '../../../oracle/gradient-transforms/clipping.js';
import { boundClip } from '../../gate/bound/clip-bound.js';
import { tfjsClipArrays } from '../../production/tfjs/clipping.js';
import { gradientTransformRecordOf } from '../../registry/gradient-transforms.js';
import { checkProperty } from '../property.js';
import type { Claim } from '../types.js';
import { clippingCases, describeClipping, SOURCE, type ClippingCase } from './common.js';

/** Per-variable cases on one variable (its first), with the global clipping at the same threshold. */
const oneVariable = clippingCases('clip-by-norm', 'keras').map((c) => ({ ...c, grads: c.grads.slice(0, 1) }));

/** The Keras global-norm configuration with the case's threshold. */
const globalConfig = (c: ClippingCase) => configure(clipByGlobalNorm, 'keras', { maxNorm: c.config.hyper['clipnorm'] });

const perVariable = gradientTransformRecordOf('clip-by-norm');
const global = gradientTransformRecordOf('clip-by-global-norm');

/** Both clippings' production outputs and derived bounds. */
function both(c: ClippingCase) {
  const g = globalConfig(c);
  return {
    a: tfjsClipArrays(perVariable.production, c.config, c.grads),
    b: tfjsClipArrays(global.production, g, c.grads),
    ea: boundClip(perVariable.production, c.config, c.grads)['grads'] ?? [],
    eb: boundClip(global.production, g, c.grads)['grads'] ?? [],
  };
}

/** The three claims: exact, bitwise in float32, within the derived bounds in float32. */
export const equalsPerVariableClaims: readonly Claim[] = [
  {
    id: 'clipping/keras-global-equals-per-variable',
    statement:
      "on one variable, Keras's global_clipnorm equals its clipnorm exactly: the oracle's correctly rounded outputs agree bitwise",
    source: SOURCE,
    on: 'oracle',
    expected: 'holds',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(oneVariable, (c) => {
            const a = clipOracle(perVariable.oracle, c.config, c.grads).grads;
            const b = clipOracle(global.oracle, globalConfig(c), c.grads).grads;
            return a.every((x, k) => Object.is(x, b[k]));
          }),
          runs: 100,
          describe: describeClipping,
        },
        o,
      ),
  },
  {
    id: 'clipping/keras-global-equals-per-variable/float32',
    statement: "float32 production, one variable: Keras's global_clipnorm and clipnorm give the same float32, bitwise",
    source: SOURCE,
    on: 'float32',
    expected: 'refuted',
    check: (o) =>
      checkProperty(
        {
          property: fc.property(oneVariable, (c) => {
            const { a, b } = both(c);
            return a.every((x, k) => Object.is(x, b[k]));
          }),
          runs: 100,
          describe: describeClipping,
          reason: ([c]) => {
            const { a, b } = both(c);
            const k = Array.from(a).findIndex((x, i) => !Object.is(x, b[i]));
            return `element ${k}: clipnorm gives ${exactText(a[k] ?? NaN)}, global_clipnorm ${exactText(b[k] ?? NaN)}`;
          },
        },
        o,
      ),
  },
  {
    id: 'clipping/keras-global-equals-per-variable/float32-bound',
    statement:
      "float32 production, one variable: Keras's global_clipnorm and clipnorm differ by at most the sum of their derived bounds",
    source: SOURCE,
    on: 'float32',
    expected: 'holds with bound',
    check: (o) => {
      let bitwise = 0;
      let largest = 0;
      let cases = 0;
      return checkProperty(
        {
          property: fc.property(oneVariable, (c) => {
            const { a, b, ea, eb } = both(c);
            cases++;
            if (a.every((x, k) => Object.is(x, b[k]))) bitwise++;
            return Array.from(a).every((x, k) => {
              const limit = (ea[k]?.bound ?? NaN) + (eb[k]?.bound ?? NaN);
              const d = Math.abs(x - (b[k] ?? NaN));
              if (limit > 0 && Number.isFinite(limit)) largest = Math.max(largest, d / limit);
              return d <= limit || !Number.isFinite(limit);
            });
          }),
          runs: 100,
          describe: describeClipping,
          bound: '|clipnorm − global_clipnorm| ≤ bound(clipnorm) + bound(global_clipnorm), element by element',
          measured: () =>
            `${bitwise} of ${cases} cases bitwise equal; largest difference ${largest.toPrecision(3)} of the bound`,
        },
        o,
      );
    },
  },
];
