/**
 * PyTorch's clipped norm (torch/nn/utils/clip_grad.py, 1.13, clip_grad_norm_): where it clips
 * (c / (N + 10^−6) < 1), the output's norm is c · N / (N + 10^−6), below c, exactly; and in float32
 * production, where the coefficient and the products round.
 *
 * @module
 */
import fc from 'fast-check';
import { checkProperty } from '../property.js';
import type { Claim } from '../types.js';
import {
  clippingCases,
  D,
  describeClipping,
  exactClip,
  globalSquaredNorm,
  productionClip,
  squaredNorm,
  threshold,
  type ClippingCase,
} from './common.js';

const SOURCE = 'torch/nn/utils/clip_grad.py (1.13), clip_grad_norm_';

/** Whether PyTorch clips the case exactly: N + 10^−6 > c. */
const clips = (c: ClippingCase): boolean => {
  const cut = threshold(c).minus('0.000001');
  return cut.lte(0) || globalSquaredNorm(c.grads).gt(cut.pow(2));
};

/** PyTorch's clipped norm: where it clips (c / (N + 10^−6) < 1), ‖output‖ = c · N / (N + 10^−6) < c, exactly. */
const exactClaim: Claim = {
  id: 'clipping/pytorch-clip-grad-norm/post-clip-norm',
  statement: "PyTorch's clip_grad_norm_: where it clips, the exact clipped norm c · N / (N + 10^−6) is below c",
  source: SOURCE,
  on: 'oracle',
  expected: 'holds',
  check: (o) => {
    let judged = 0;
    return checkProperty(
      {
        property: fc.property(clippingCases('clip-by-global-norm', 'pytorch'), (c) => {
          if (!clips(c)) return true;
          judged++;
          const out = exactClip(c);
          const hi = out.reduce((s, x) => s.plus(D.max(x.lo.abs(), x.hi.abs()).pow(2)), new D(0));
          return hi.lt(threshold(c).pow(2));
        }),
        runs: 100,
        describe: describeClipping,
        judged: () => judged,
        measured: () => `${judged} cases clipped`,
      },
      o,
    );
  },
};

/** The float32 claim: production's output (its exact norm) stays below c where PyTorch clips. */
function float32Claim(): Claim {
  let judged = 0;
  const norm2 = (c: ClippingCase) => squaredNorm(productionClip(c));
  return {
    id: 'clipping/pytorch-clip-grad-norm/post-clip-norm/float32',
    statement:
      "float32 production, PyTorch's clip_grad_norm_: where it clips, the clipped output's norm (exact, of the float32 values) is below c",
    source: SOURCE,
    on: 'float32',
    expected: 'refuted',
    check: (o) => {
      judged = 0;
      return checkProperty(
        {
          property: fc.property(clippingCases('clip-by-global-norm', 'pytorch'), (c) => {
            if (!clips(c)) return true;
            judged++;
            return norm2(c).lt(threshold(c).pow(2));
          }),
          runs: 100,
          describe: describeClipping,
          judged: () => judged,
          measured: () => `${judged} cases clipped`,
          reason: ([c]) =>
            `N² = ${globalSquaredNorm(c.grads).toSignificantDigits(20).toString()} > (c − 10^−6)², but the output's squared norm ${norm2(c).toSignificantDigits(25).toString()} is not below c² = ${threshold(c).pow(2).toSignificantDigits(25).toString()} (c = ${threshold(c).toString()}): 10^−6 / N is below float32's rounding of the coefficient and the products`,
        },
        o,
      );
    },
  };
}

/** The exact claim and its float32 counterpart. */
export const postClipNormClaims: readonly Claim[] = [exactClaim, float32Claim()];
