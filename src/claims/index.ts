/**
 * Every claim the suite checks, in the order `optim-oracle claims` prints them, and the groups they
 * fall in. docs/claims.md reports each verdict with its proof.
 *
 * @module
 */
import { adamStepSizeClaims } from './adam-step-size/index.js';
import { geometricClaims } from './augmentations/geometric.js';
import { interpolatingClaims } from './augmentations/interpolating.js';
import { clippingClaims } from './clipping/index.js';
import { lambClaims } from './lamb/index.js';
import { lionClaims } from './lion/index.js';
import { radamClaims } from './radam/index.js';
import { earlyStoppingClaims } from './early-stopping/index.js';
import { biasCorrectionClaims } from './bias-correction.js';
import { equivalenceClaims } from './equivalences/index.js';
import { scaleInvarianceClaims } from './scale-invariance.js';
import type { Claim } from './types.js';

import { OptionError } from '../../core/catalogue/errors.js';

export type { CheckedVerdict, Claim, ClaimOptions, ClaimResult, NamedValue, Verdict } from './types.js';
export { formatValue, shortestFloat32Decimal } from './property.js';

/** The groups, by the prefix of their claims' ids. */
export const CLAIM_GROUPS: Readonly<Record<string, string>> = {
  'adam-step': "Adam's step size (Kingma & Ba 2015, section 2.1)",
  'scale-invariance': 'Scale invariance',
  'bias-correction': 'Bias correction (Kingma & Ba 2015, sections 2 and 3)',
  equivalence: 'Equivalences between conventions',
  'early-stopping': 'Early stopping (Keras, tfjs, Lightning; Prechelt 1998)',
  augmentation: 'Data augmentation (TensorFlow, tfjs, torchvision)',
  lion: 'Lion (Chen et al. 2023, Algorithm 2)',
  radam: 'RAdam (Liu et al. 2019, Algorithm 2)',
  lamb: 'LAMB (You et al. 2020, Algorithm 2)',
  clipping: 'Gradient clipping (Keras clipnorm, global_clipnorm; PyTorch clip_grad_norm_)',
};

/** Every claim. */
export const claims: readonly Claim[] = [
  ...adamStepSizeClaims,
  ...scaleInvarianceClaims,
  ...biasCorrectionClaims,
  ...equivalenceClaims,
  ...earlyStoppingClaims,
  ...geometricClaims,
  ...interpolatingClaims,
  ...lionClaims,
  ...radamClaims,
  ...lambClaims,
  ...clippingClaims,
];

/** The group a claim belongs to (the prefix of its id). */
export function groupOf(claim: Pick<Claim, 'id'>): string {
  return claim.id.slice(0, claim.id.indexOf('/'));
}

/**
 * The claim whose id is `prefix` if there is one (an exact id wins over the longer ids it is a
 * prefix of: `adam-step/paper-bound` is not also `adam-step/paper-bound/float32`), else the claims
 * whose id starts with `prefix`; all when it is undefined. Throws an {@link OptionError} when none matches.
 */
export function selectClaims(prefix?: string): readonly Claim[] {
  if (prefix === undefined) return claims;
  const exact = claims.filter((c) => c.id === prefix);
  if (exact.length > 0) return exact;
  const chosen = claims.filter((c) => c.id.startsWith(prefix));
  if (chosen.length === 0)
    throw new OptionError(`no claim matches '${prefix}'; groups: ${Object.keys(CLAIM_GROUPS).join(', ')}`);
  return chosen;
}
