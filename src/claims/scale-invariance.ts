/**
 * Scale invariance (Kingma & Ba 2015, section 2.1, and its kin): scaling every gradient by c ≠ 0, and
 * each state slot by its degree of homogeneity in g, multiplies a rule's step Δ = θ − θ' by
 * sign(c) |c|^d, d the rule's degree (0 for the adaptive rules with ε = 0, 1 for SGD and momentum).
 * The checks are in ./scale-invariance/; docs/claims.md has the reasoning.
 *
 * @module
 */
import * as entries from '../../core/catalogue/entries.js';
import { adamEpsilonClaims } from './scale-invariance/adam-epsilon.js';
import { bitwiseClaim, exactClaim, scaleCase, type ScaleCase } from './scale-invariance/homogeneity.js';
import type { Claim } from './types.js';

const SOURCE = 'Kingma & Ba 2015, section 2.1';

/** The rules the paper's claim covers, with ε = 0 (and no weight decay or momentum buffer, which break it). */
export const SCALE_INVARIANT: readonly ScaleCase[] = [
  scaleCase(entries.adam, 'paper', { eps: '0' }),
  scaleCase(entries.adam, 'keras', { eps: '0' }),
  scaleCase(entries.adam, 'tfjs', { eps: '0' }),
  scaleCase(entries.amsgrad, 'pytorch', { eps: '0', weightDecay: '0' }),
  scaleCase(entries.adamax, 'paper'),
  scaleCase(entries.nadam, 'paper', { eps: '0' }),
  scaleCase(entries.nadam, 'keras', { eps: '0' }),
  scaleCase(entries.rmsprop, 'paper', { eps: '0' }),
  scaleCase(entries.rmsprop, 'pytorch', { eps: '0', momentum: '0', weightDecay: '0' }),
  scaleCase(entries.adagrad, 'paper', { eps: '0' }),
];

/** SGD and momentum: homogeneous of degree 1 (the buffer scales by c). */
export const DEGREE_ONE: readonly ScaleCase[] = [
  scaleCase(entries.sgd, 'paper'),
  scaleCase(entries.momentum, 'paper'),
  scaleCase(entries.momentum, 'pytorch', { dampening: '0', weightDecay: '0' }),
];

/** The scale-invariance claims, in the order `optim-oracle claims` prints them. */
export const scaleInvarianceClaims: readonly Claim[] = [
  {
    id: 'scale-invariance/exact',
    statement:
      'with ε = 0, Δ(c g) = sign(c) Δ(g) for every c ≠ 0: Adam (paper, keras, tfjs), AMSGrad, AdaMax, Nadam (paper, keras), RMSProp (paper, pytorch), Adagrad',
    source: SOURCE,
    on: 'oracle',
    expected: 'holds',
    check: (o) => exactClaim(SCALE_INVARIANT, 0, o),
  },
  {
    id: 'scale-invariance/exact/float32',
    statement:
      'the same rules in float32 production are bitwise invariant for c = ±2^k (|k| ≤ 20) on moderate values: scaling by 2^k commutes with rounding',
    source: SOURCE,
    on: 'float32',
    expected: 'holds',
    check: (o) => bitwiseClaim(SCALE_INVARIANT, 0, o),
  },
  {
    id: 'scale-invariance/degree-one',
    statement: 'SGD and momentum (paper, pytorch) are homogeneous of degree 1: Δ(c g) = c Δ(g), the buffer scaled by c',
    source: 'derived here',
    on: 'oracle',
    expected: 'holds',
    check: (o) => exactClaim(DEGREE_ONE, 1, o),
  },
  {
    id: 'scale-invariance/degree-one/float32',
    statement: 'SGD and momentum in float32 production: Δ(2^k g) = 2^k Δ(g) bitwise on moderate values',
    source: 'derived here',
    on: 'float32',
    expected: 'holds',
    check: (o) => bitwiseClaim(DEGREE_ONE, 1, o),
  },
  {
    id: 'scale-invariance/adadelta',
    statement: 'AdaDelta with ε = 0 is invariant (degree 0) with E[Δ²] held fixed',
    source: 'Zeiler 2012, section 3.2 ("units")',
    on: 'oracle',
    expected: 'holds',
    check: (o) => exactClaim([scaleCase(entries.adadelta, 'paper', { eps: '0' })], 0, o),
  },
  {
    id: 'scale-invariance/adadelta-epsilon',
    statement: 'AdaDelta with its ε > 0 (1e-6) is invariant too',
    source: 'Zeiler 2012, section 3.2',
    on: 'oracle',
    expected: 'refuted',
    check: (o) => exactClaim([scaleCase(entries.adadelta, 'paper')], 0, o),
  },
  ...adamEpsilonClaims,
];
