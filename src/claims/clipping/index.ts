/**
 * The clipping claims (issue 15): clipping never increases a norm, is the identity below its threshold,
 * global clipping of one variable is per-variable clipping, and PyTorch's clipped norm is
 * c · N / (N + 10^−6) < c. Each is checked exactly on the oracle's enclosures, then on float32
 * production, where Keras's g · c / max(N, c) and c · min(1/N, 1/c) round: a claim that fails there is
 * refuted with the counterexample fast-check shrinks to, not weakened.
 *
 * @module
 */
import fc from 'fast-check';
import type { PresetName } from '../../../core/catalogue/index.js';
import { exactText } from '../../../oracle/binary32.js';
import { checkProperty } from '../property.js';
import type { Claim, ClaimOptions, CheckedVerdict } from '../types.js';
import {
  clippingCases,
  D,
  describeClipping,
  exactClip,
  globalSquaredNorm,
  productionClip,
  SOURCE,
  squaredNorm,
  threshold,
  type ClippingCase,
} from './common.js';
import { equalsPerVariableClaims } from './one-variable.js';
import { postClipNormClaims } from './post-clip.js';

/** A norm clipping under a preset, with what its claims are expected to find. */
interface NormClipping {
  readonly name: 'clip-by-norm' | 'clip-by-global-norm';
  readonly preset: PresetName;
  readonly id: string;
  readonly what: string;
  readonly identityFloat32: CheckedVerdict;
  readonly normFloat32: CheckedVerdict;
}

const NORM_CLIPPINGS: readonly NormClipping[] = [
  {
    name: 'clip-by-norm',
    preset: 'keras',
    id: 'keras-clipnorm',
    what: "Keras's clipnorm, g · c / max(‖g‖, c) per variable",
    identityFloat32: 'refuted',
    normFloat32: 'refuted',
  },
  {
    name: 'clip-by-global-norm',
    preset: 'keras',
    id: 'keras-global-clipnorm',
    what: "Keras's global_clipnorm, g · c · min(1/N, 1/c)",
    identityFloat32: 'refuted',
    normFloat32: 'holds',
  },
  {
    name: 'clip-by-global-norm',
    preset: 'pytorch',
    id: 'pytorch-clip-grad-norm',
    what: "PyTorch's clip_grad_norm_, g · min(c / (N + 10^−6), 1)",
    identityFloat32: 'refuted',
    normFloat32: 'holds',
  },
];

/** The variables whose norm the clipping bounds: each one for clipnorm, all together otherwise. */
const groups = (u: NormClipping, c: ClippingCase): number[][] => {
  let start = 0;
  const spans = c.grads.map((g) => {
    const span = Array.from({ length: g.length }, (_, k) => start + k);
    start += g.length;
    return span;
  });
  return u.name === 'clip-by-norm' ? spans : [spans.flat()];
};

/** Whether the case lies below the threshold: N ≤ c (Keras), N + 10^−6 ≤ c (PyTorch), for every group. */
function belowThreshold(u: NormClipping, c: ClippingCase): boolean {
  const cut = u.preset === 'pytorch' ? threshold(c).minus('0.000001') : threshold(c);
  if (cut.lte(0)) return false;
  const flat = c.grads.flatMap((g) => [...g]);
  return groups(u, c).every((ks) => squaredNorm(ks.map((k) => flat[k] ?? NaN)).lte(cut.pow(2)));
}

/** The exact claims and their float32 counterparts for one norm clipping. */
function normClippingClaims(u: NormClipping): Claim[] {
  const cases = clippingCases(u.name, u.preset);
  let judged = 0;
  const identity = (on: 'oracle' | 'float32') => (c: ClippingCase) => {
    if (!belowThreshold(u, c)) return true;
    judged++;
    const flat = c.grads.flatMap((g) => [...g]);
    if (on === 'float32') return Array.from(productionClip(c)).every((x, k) => Object.is(x, flat[k]));
    return exactClip(c).every((x, k) => x.lo.eq(x.hi) && x.lo.eq(exactText(flat[k] ?? NaN)));
  };
  const never = (on: 'oracle' | 'float32') => (c: ClippingCase) => {
    const flat = c.grads.flatMap((g) => [...g]);
    if (on === 'float32') {
      const out = productionClip(c);
      return groups(u, c).every((ks) =>
        squaredNorm(ks.map((k) => out[k] ?? NaN)).lte(squaredNorm(ks.map((k) => flat[k] ?? NaN))),
      );
    }
    const out = exactClip(c);
    return groups(u, c).every((ks) => {
      const hi = ks.reduce((s, k) => s.plus(D.max(out[k]?.lo.abs() ?? NaN, out[k]?.hi.abs() ?? NaN).pow(2)), new D(0));
      return (
        hi.lte(squaredNorm(ks.map((k) => flat[k] ?? NaN))) ||
        ks.every((k) => out[k]?.lo.eq(exactText(flat[k] ?? NaN)) && out[k]?.hi.eq(out[k].lo))
      );
    });
  };
  /** Why a float32 case fails: the first element changed below the threshold, or the first group whose norm grew. */
  const reason = (c: ClippingCase): string => {
    const flat = c.grads.flatMap((g) => [...g]);
    const out = productionClip(c);
    const n2 = (xs: ArrayLike<number>, ks: number[]) => squaredNorm(ks.map((k) => xs[k] ?? NaN));
    const grown = groups(u, c).find((ks) => n2(out, ks).gt(n2(flat, ks)));
    if (grown !== undefined)
      return `the output's squared norm ${n2(out, grown).toSignificantDigits(25).toString()} exceeds the input's ${n2(flat, grown).toSignificantDigits(25).toString()} (exact sums of squares of the float32 values; c = ${threshold(c).toString()})`;
    const k = flat.findIndex((x, i) => !Object.is(x, out[i]));
    return `below the threshold (N² = ${globalSquaredNorm(c.grads).toSignificantDigits(25).toString()}, c = ${threshold(c).toString()}) production changes element ${k}: ${exactText(flat[k] ?? NaN)} → ${exactText(out[k] ?? NaN)}`;
  };
  const claim = (
    suffix: string,
    statement: string,
    on: 'oracle' | 'float32',
    expected: CheckedVerdict,
    predicate: (c: ClippingCase) => boolean,
    counted: boolean,
  ): Claim => ({
    id: `clipping/${u.id}/${suffix}${on === 'float32' ? '/float32' : ''}`,
    statement: `${on === 'float32' ? 'float32 production: ' : ''}${u.what}: ${statement}`,
    source: SOURCE,
    on,
    expected,
    check: (o: ClaimOptions) => {
      judged = 0;
      return checkProperty(
        {
          property: fc.property(cases, predicate),
          runs: 100,
          describe: describeClipping,
          ...(on === 'float32' ? { reason: ([c]: [ClippingCase]) => reason(c) } : {}),
          ...(counted ? { judged: () => judged, measured: () => `${judged} cases below the threshold` } : {}),
        },
        o,
      );
    },
  });
  const below = u.preset === 'pytorch' ? 'N + 10^−6 ≤ c' : 'N ≤ c';
  return [
    claim(
      'norm-never-increases',
      'the clipped norm never exceeds the input norm',
      'oracle',
      'holds',
      never('oracle'),
      false,
    ),
    claim(
      'norm-never-increases',
      'the clipped norm (exact, of the float32 output) never exceeds the input norm',
      'float32',
      u.normFloat32,
      never('float32'),
      false,
    ),
    claim(
      'identity-below-threshold',
      `where ${below}, the output is the input exactly`,
      'oracle',
      'holds',
      identity('oracle'),
      true,
    ),
    claim(
      'identity-below-threshold',
      `where ${below}, the output is the input, bitwise`,
      'float32',
      u.identityFloat32,
      identity('float32'),
      true,
    ),
  ];
}

/** The clipping claims, in the order `optim-oracle claims` prints them. */
export const clippingClaims: readonly Claim[] = [
  ...NORM_CLIPPINGS.flatMap(normClippingClaims),
  ...postClipNormClaims,
  ...equalsPerVariableClaims,
];
