/**
 * Rotation by any angle with nearest sampling, exact (docs/augmentation.md, section Interpolating
 * operations). Output pixel (x, y) takes the input pixel at (round(X), round(Y)),
 *
 *   X = c_x + (x − c_x) cos θ − (y − c_y) sin θ,   Y = c_y + (x − c_x) sin θ + (y − c_y) cos θ,
 *
 * or the fill value where that pixel is outside the image; θ is the angle in degrees as written. The
 * rounding is decided exactly: where cos θ and sin θ are rational or a rational plus a rational
 * multiple of √2/2 or √3/2 (every multiple of 30° and of 45°), X and Y are P + Q ρ with P, Q rational,
 * exact when Q = 0 (where halves are rounded by the entry's convention); otherwise they are irrational
 * and an enclosure at increasing precision separates them from the nearest half-integer.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import type { Configuration } from '../../core/catalogue/index.js';
import { checkImage, type HwcImage } from '../../core/catalogue/augmentations/geometric.js';
import type { RotateSchema } from '../../core/catalogue/augmentations/interpolating.js';
import { ConfigurationError } from '../../core/catalogue/errors.js';
import { required } from '../../core/required.js';
import { checkEntry } from '../marks.js';
import { RationalArithmetic, type Rational } from '../rational.js';
import {
  floorRational,
  imageOf,
  pixel,
  ratio,
  rationalOfText,
  roundRational,
  type HalfRounding,
} from './interpolating-image.js';

const Q = RationalArithmetic.instance;

/** The centre convention of rotation. */
export type CentreConvention = RotateSchema['flags']['centre'];

/** The centre in pixel-index coordinates from the fraction f and the size n: f n, f n − 1/2 or f (n − 1). */
export function centreIndex(convention: CentreConvention, fraction: string, n: number): Rational {
  const f = rationalOfText(fraction);
  if (convention === 'size') return Q.mul(f, ratio(n, 1));
  if (convention === 'edges') return Q.sub(Q.mul(f, ratio(n, 1)), ratio(1, 2));
  return Q.mul(f, ratio(n - 1, 1));
}

/**
 * cos θ = cr + cs ρ and sin θ = sr + ss ρ with ρ = √root / 2 and cr, cs, sr, ss rational: the multiples
 * of 30° and 45° (Niven's theorem: no other rational-degree angle has a rational sine).
 */
interface SurdTrig {
  readonly cr: Rational;
  readonly cs: Rational;
  readonly sr: Rational;
  readonly ss: Rational;
  readonly root: 2 | 3;
}

const R = (n: number, d = 1): Rational => ratio(n, d);

/** cos and sin of `angle` degrees as {@link SurdTrig}, for multiples of 30° and 45°; undefined otherwise. */
export function surdTrig(angle: Rational): SurdTrig | undefined {
  const turn = Q.sub(angle, Q.mul(R(360), R(Number(floorRational(Q.div(angle, R(360)))))));
  const step = (k: number): number | undefined => {
    const q = Q.div(turn, R(k));
    return q.num % q.den === 0n ? Number(q.num / q.den) : undefined;
  };
  const right = step(90);
  if (right !== undefined) {
    // right is 0, 1, 2 or 3: turn lies in [0, 360).
    const c = required([1, 0, -1, 0][right], 'cos of a right angle');
    const s = required([0, 1, 0, -1][right], 'sin of a right angle');
    return { cr: R(c), cs: R(0), sr: R(s), ss: R(0), root: 2 };
  }
  const diagonal = step(45);
  if (diagonal !== undefined) {
    const c = diagonal === 1 || diagonal === 7 ? 1 : -1;
    const s = diagonal <= 3 ? 1 : -1;
    return { cr: R(0), cs: R(c), sr: R(0), ss: R(s), root: 2 };
  }
  const sixth = step(30);
  if (sixth === undefined) return undefined;
  const degrees = sixth * 30;
  const half = (sign: number) => R(sign, 2);
  // degrees is one of 30, 60, 120, 150, 210, 240, 300, 330 (0, 90, 180 and 270 are right angles, taken above).
  const cosSign = degrees <= 60 || degrees >= 300 ? 1 : -1;
  const sinSign = degrees <= 150 ? 1 : -1;
  const nearAxisX = degrees % 180 === 30 || degrees % 180 === 150; // |cos| = √3/2, |sin| = 1/2
  return nearAxisX
    ? { cr: R(0), cs: R(cosSign), sr: half(sinSign), ss: R(0), root: 3 }
    : { cr: half(cosSign), cs: R(0), sr: R(0), ss: R(sinSign), root: 3 };
}

/** Precisions (digits) tried for an irrational position; decimal.js's trigonometry stops near 1000. */
const PRECISIONS = [30, 60, 120, 240, 480, 900] as const;

const clones = new Map<number, typeof Decimal>();

/** decimal.js at `precision` digits, rounding to nearest (cached). */
function decimalAt(precision: number): typeof Decimal {
  const D = clones.get(precision) ?? Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN });
  clones.set(precision, D);
  return D;
}

/** The rounding of a value enclosed in [lo, hi], when no half-integer lies in it. */
function decided(lo: Decimal, hi: Decimal): bigint | undefined {
  const kLo = lo.plus(0.5).floor();
  const kHi = hi.plus(0.5).floor();
  if (!kLo.eq(kHi) || lo.plus(0.5).eq(kLo)) return undefined;
  return BigInt(kLo.toFixed(0));
}

/** [v − slack, v + slack] around a decimal at the working precision. */
const around = (v: Decimal, slack: Decimal): [Decimal, Decimal] => [v.minus(slack), v.plus(slack)];

/** c0 + Σ c_k t_k for exact rationals c and reals t enclosed in [lo, hi]: an enclosure (ends rounded outward). */
function enclose(
  D: typeof Decimal,
  c0: Rational,
  terms: readonly [Rational, [Decimal, Decimal]][],
): [Decimal, Decimal] {
  const value = (r: Rational) => new D(r.num.toString()).div(r.den.toString());
  const unit = new D(10).pow(-(D.precision - 4));
  let lo = value(c0);
  let hi = lo;
  for (const [c, [tlo, thi]] of terms) {
    const cv = value(c);
    const a = cv.times(tlo);
    const b = cv.times(thi);
    lo = lo.plus(Decimal.min(a, b));
    hi = hi.plus(Decimal.max(a, b));
  }
  const pad = Decimal.max(lo.abs(), hi.abs(), 1).times(unit);
  return [lo.minus(pad), hi.plus(pad)];
}

/** round(c0 + c1 t1 + c2 t2) where `trig(D)` encloses t1, t2 at D's precision; c's rational. */
function roundIrrational(
  c0: Rational,
  c1: Rational,
  c2: Rational,
  trig: (D: typeof Decimal) => [[Decimal, Decimal], [Decimal, Decimal]],
  what: string,
): bigint {
  for (const precision of PRECISIONS) {
    const D = decimalAt(precision + 10);
    const [t1, t2] = trig(D);
    const [lo, hi] = enclose(D, c0, [
      [c1, t1],
      [c2, t2],
    ]);
    const k = decided(lo, hi);
    if (k !== undefined) return k;
  }
  throw new Error(`rotate: could not decide the rounding of ${what} at ${PRECISIONS.at(-1)} digits`);
}

/** The source index of one coordinate: c + p + q ρ (surd angles) or c + a t1 + b t2 (any angle). */
type Coordinate = (rule: HalfRounding) => bigint;

function surdCoordinate(centre: Rational, p: Rational, q: Rational, root: 2 | 3, what: string): Coordinate {
  return (rule) =>
    q.num === 0n
      ? roundRational(Q.add(centre, p), rule)
      : roundIrrational(
          Q.add(centre, p),
          q,
          R(0),
          (D) => {
            const rho = new D(root).sqrt().div(2);
            const slack = new D(10).pow(-(D.precision - 2));
            return [around(rho, slack), [new D(0), new D(0)]];
          },
          what,
        );
}

/** cos θ and sin θ of `angleText` degrees at D's precision, each in an interval of ±10^−(p − 3). */
function enclosedTrig(D: typeof Decimal, angleText: string): [[Decimal, Decimal], [Decimal, Decimal]] {
  const theta = new D(angleText).times(D.acos(-1)).div(180);
  const slack = new D(10).pow(-(D.precision - 3));
  return [around(D.cos(theta), slack), around(D.sin(theta), slack)];
}

/** The source pixel (row, column) of output pixel (y, x), both rounded by `rule`. */
export type SourceOf = (y: number, x: number) => { readonly row: bigint; readonly col: bigint };

/** The exact source-pixel map of a rotation by `angle` degrees about (cx, cy), halves rounded by `rule`. */
export function rotationSource(angleText: string, cx: Rational, cy: Rational, rule: HalfRounding): SourceOf {
  const angle = rationalOfText(angleText);
  const surd = surdTrig(angle);
  const memo = new Map<number, [[Decimal, Decimal], [Decimal, Decimal]]>();
  const trig = (D: typeof Decimal): [[Decimal, Decimal], [Decimal, Decimal]] => {
    const t = memo.get(D.precision) ?? enclosedTrig(D, angleText);
    memo.set(D.precision, t);
    return t;
  };
  return (y, x) => {
    const a = Q.sub(R(x), cx);
    const b = Q.sub(R(y), cy);
    const where = `the source of pixel (${y}, ${x})`;
    if (surd !== undefined) {
      const { cr, cs, sr, ss, root } = surd;
      const col = surdCoordinate(cx, Q.sub(Q.mul(a, cr), Q.mul(b, sr)), Q.sub(Q.mul(a, cs), Q.mul(b, ss)), root, where);
      const row = surdCoordinate(cy, Q.add(Q.mul(a, sr), Q.mul(b, cr)), Q.add(Q.mul(a, ss), Q.mul(b, cs)), root, where);
      return { row: row(rule), col: col(rule) };
    }
    const col = roundIrrational(cx, a, Q.neg(b), trig, where);
    const row = roundIrrational(cy, b, a, trig, where);
    return { row, col };
  };
}

/** The rounding convention of `config`, checked. */
function roundingOf(config: Configuration<RotateSchema>): HalfRounding {
  const r: unknown = config.flags.rounding;
  if (r !== 'half-up' && r !== 'half-even' && r !== 'half-away')
    throw new ConfigurationError('rotate', `unknown rounding convention '${String(r)}'`);
  return r;
}

/** Rotation of `image` under `config`, exact; shape and dtype kept. */
export function rotateOracle(config: Configuration, image: HwcImage): HwcImage {
  checkEntry('rotate', ['rotate'], config);
  checkImage('rotate', image);
  // Checked just above: a configuration of rotate.
  const rotation = config as Configuration<RotateSchema>;
  const { centre } = rotation.flags;
  if (centre !== 'size' && centre !== 'edges' && centre !== 'span')
    throw new ConfigurationError('rotate', `unknown centre convention '${String(centre)}'`);
  const cx = centreIndex(centre, rotation.hyper.centreX, image.width);
  const cy = centreIndex(centre, rotation.hyper.centreY, image.height);
  const source = rotationSource(rotation.hyper.angle, cx, cy, roundingOf(rotation));
  const fill = Number(rotation.hyper.fill);
  const sources = new Map<string, { row: bigint; col: bigint }>();
  return imageOf(image.height, image.width, image.channels, image.dtype, (y, x, c) => {
    const key = `${y} ${x}`;
    const s = sources.get(key) ?? source(y, x);
    sources.set(key, s);
    const inside = s.row >= 0n && s.row < BigInt(image.height) && s.col >= 0n && s.col < BigInt(image.width);
    return inside ? pixel(image, Number(s.row), Number(s.col), c) : fill;
  });
}
