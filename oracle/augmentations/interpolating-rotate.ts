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
import type { Decimal } from 'decimal.js';
import type { Configuration } from '../../core/catalogue/index.js';
import { checkImage, type HwcImage } from '../../core/catalogue/augmentations/geometric.js';
import type { RotateSchema } from '../../core/catalogue/augmentations/interpolating.js';
import { ConfigurationError } from '../../core/catalogue/errors.js';
import { required } from '../../core/required.js';
import { checkEntry } from '../marks.js';
import { IntervalArithmetic, type Interval } from '../interval.js';
import { RationalArithmetic, type Rational } from '../rational.js';
import { cosPi } from '../schedules/cos-pi.js';
import { enclose, ratio as reduced } from '../schedules/rational.js';
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

/** Precisions (digits) tried for an irrational position. */
const PRECISIONS = [30, 60, 120, 240, 480, 900] as const;

/** The rounding of a value enclosed in [lo, hi], when no half-integer lies in it. */
function decided(lo: Decimal, hi: Decimal): bigint | undefined {
  const kLo = lo.plus(0.5).floor();
  const kHi = hi.plus(0.5).floor();
  if (!kLo.eq(kHi) || lo.plus(0.5).eq(kLo)) return undefined;
  return BigInt(kLo.toFixed(0));
}

/** Enclosures of t1 and t2 in the interval arithmetic `a`. */
type Reals = (a: IntervalArithmetic) => readonly [Interval, Interval];

/**
 * round(c0 + c1 t1 + c2 t2) for rationals c and reals t that `trig` encloses, in the oracle's interval
 * arithmetic (every operation rounded outward) at increasing precision until no half-integer lies in
 * the enclosure.
 */
function roundIrrational(c0: Rational, c1: Rational, c2: Rational, trig: Reals, what: string): bigint {
  for (const precision of PRECISIONS) {
    const a = IntervalArithmetic.at(precision + 10);
    const [t1, t2] = trig(a);
    const sum = a.add(a.add(enclose(a, c0), a.mul(enclose(a, c1), t1)), a.mul(enclose(a, c2), t2));
    const k = decided(sum.lo, sum.hi);
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
      : roundIrrational(Q.add(centre, p), q, R(0), (a) => [a.div(a.sqrt(a.point(root)), a.point(2)), a.point(0)], what);
}

/**
 * cos θ and sin θ of `angle` degrees, proven enclosures in `a`: cos(π x) and cos(π (x − ½)) for the
 * exact x = angle/180 (../schedules/cos-pi.ts, which uses no transcendental function of decimal.js).
 */
function enclosedTrig(a: IntervalArithmetic, angle: Rational): readonly [Interval, Interval] {
  const x = reduced(angle.num, angle.den * 180n);
  return [cosPi(a, x), cosPi(a, reduced(2n * x.num - x.den, 2n * x.den))];
}

/** The source pixel (row, column) of output pixel (y, x), both rounded by `rule`. */
export type SourceOf = (y: number, x: number) => { readonly row: bigint; readonly col: bigint };

/** The exact source-pixel map of a rotation by `angle` degrees about (cx, cy), halves rounded by `rule`. */
export function rotationSource(angleText: string, cx: Rational, cy: Rational, rule: HalfRounding): SourceOf {
  const angle = rationalOfText(angleText);
  const surd = surdTrig(angle);
  const memo = new Map<number, readonly [Interval, Interval]>();
  const trig: Reals = (a) => {
    const t = memo.get(a.precision) ?? enclosedTrig(a, angle);
    memo.set(a.precision, t);
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
