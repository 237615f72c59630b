/**
 * oracle/augmentations/interpolating-rotate.ts against rotation written again here
 * (docs/augmentation.md, section Interpolating operations; tfjs RotateWithOffset, torchvision's
 * grid_sample and TensorFlow's ImageProjectiveTransform as the catalogue entry cites them): output
 * pixel (x, y) takes input pixel (round(X), round(Y)) with X = c_x + (x − c_x) cos θ − (y − c_y) sin θ,
 * Y = c_y + (x − c_x) sin θ + (y − c_y) cos θ, or the fill where that pixel is outside; the centre
 * is f n ('size'), f n − 1/2 ('edges') or f (n − 1) ('span'); halves round up, to even or away from
 * zero. cos and sin are taken at 130 digits in decimal.js (a position within 10^−60 of a half-integer
 * is read as the exact tie it is: only rational positions tie, and these are exact there to 10^−120);
 * every value is compared as its bits. Also: cos and sin of the multiples of 30° and 45° against
 * Math.cos and Math.sin, positions within 10^−60 and 10^−1000 of a half-integer, and the errors.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { HwcImage } from '../../../core/catalogue/augmentations/geometric.js';
import { resizeNearest, rotate } from '../../../core/catalogue/augmentations/interpolating.js';
import { configure, ConfigurationError, StepInputError } from '../../../core/catalogue/index.js';
import { ratio } from '../../../oracle/augmentations/interpolating-image.js';
import { centreIndex, rotateOracle, surdTrig } from '../../../oracle/augmentations/interpolating-rotate.js';
import { D } from '../closed-forms.js';
import { wordsOf, type Words } from './images.js';
import { quietImage } from './quiet-images.js';

/** decimal.js at 130 digits, for cos and sin (at 1,000 digits they cost a tenth of a second each). */
const T = Decimal.clone({ precision: 130 });
type Real = Decimal;

type Centre = 'size' | 'edges' | 'span';
type Rounding = 'half-up' | 'half-even' | 'half-away';

const centre = (c: Centre, f: string, n: number): Real =>
  c === 'size' ? new D(f).times(n) : c === 'edges' ? new D(f).times(n).minus(0.5) : new D(f).times(n - 1);

/** round(v) by the rule: a tie within 10^−60 (see above) goes up, to the even integer, or away from 0. */
function round(v: Real, rule: Rounding): number {
  const below = v.floor();
  const d = v.minus(below).minus(0.5);
  if (d.abs().gt('1e-60')) return (d.isNeg() ? below : below.plus(1)).toNumber();
  if (rule === 'half-up') return below.plus(1).toNumber();
  if (rule === 'half-even') return (below.mod(2).isZero() ? below : below.plus(1)).toNumber();
  return (below.isNeg() ? below : below.plus(1)).toNumber();
}

interface Rotation {
  readonly cos: Real;
  readonly sin: Real;
  readonly centre: Centre;
  readonly rounding: Rounding;
  readonly cx: string;
  readonly cy: string;
  readonly fill: number;
}

/** The source position (X, Y) of output pixel (x, y). */
function position(r: Rotation, img: HwcImage, y: number, x: number): [Real, Real] {
  const cx = centre(r.centre, r.cx, img.width);
  const cy = centre(r.centre, r.cy, img.height);
  const a = new D(x).minus(cx);
  const b = new D(y).minus(cy);
  return [cx.plus(a.times(r.cos)).minus(b.times(r.sin)), cy.plus(a.times(r.sin)).plus(b.times(r.cos))];
}

/** The rotated image's words by the closed form. */
function rotated(r: Rotation, img: HwcImage): Words {
  const w = wordsOf(img);
  const fill = img.dtype === 'float32' ? new Uint32Array(Float32Array.of(r.fill).buffer)[0]! : r.fill;
  return w.map((row, y) =>
    row.map((_, x) => {
      const [X, Y] = position(r, img, y, x);
      const [col, rowIndex] = [round(X, r.rounding), round(Y, r.rounding)];
      const inside = rowIndex >= 0 && rowIndex < img.height && col >= 0 && col < img.width;
      return inside ? w[rowIndex]![col]! : new Array<number>(img.channels).fill(fill);
    }),
  );
}

const configOf = (angle: string, r: Omit<Rotation, 'cos' | 'sin'>) => ({
  ...configure(rotate, 'tfjs', { angle, fill: String(r.fill), centreX: r.cx, centreY: r.cy }),
  flags: { centre: r.centre, rounding: r.rounding },
});

const FRACTIONS = ['0', '0.25', '0.3', '0.5', '0.75', '1'] as const;
const rotation = fc.record({
  angle: fc.oneof(fc.integer({ min: -360, max: 360 }).map(String), fc.constantFrom('12.5', '-0.75', '22.5', '67.5')),
  centre: fc.constantFrom<Centre>('size', 'edges', 'span'),
  rounding: fc.constantFrom<Rounding>('half-up', 'half-even', 'half-away'),
  cx: fc.constantFrom(...FRACTIONS),
  cy: fc.constantFrom(...FRACTIONS),
  fill: fc.integer({ min: 0, max: 255 }),
});

describe('rotation, as written again in decimal.js', () => {
  test.prop([quietImage(4), rotation])(
    'out(x, y) = in(round(X), round(Y)) or the fill, under every centre and rounding convention',
    (img, { angle, ...r }) => {
      const theta = new T(angle).times(T.acos(-1)).div(180);
      const closed = { ...r, cos: new D(T.cos(theta)), sin: new D(T.sin(theta)) };
      const out = rotateOracle(configOf(angle, r), img);
      expect([out.height, out.width, out.channels, out.dtype]).toEqual([
        img.height,
        img.width,
        img.channels,
        img.dtype,
      ]);
      expect(wordsOf(out)).toEqual(rotated(closed, img));
    },
  );

  it('cos and sin of every multiple of 30° and 45° from −720° to 720° are r + s √k/2, as Math.cos and Math.sin; none other', () => {
    for (let deg = -720; deg <= 720; deg++) {
      const t = surdTrig(ratio(deg, 1));
      if (deg % 30 !== 0 && deg % 45 !== 0) {
        expect(t).toBeUndefined();
        continue;
      }
      const q = (v: { num: bigint; den: bigint }) => Number(v.num) / Number(v.den);
      const rho = Math.sqrt(t!.root) / 2;
      const radians = (deg * Math.PI) / 180;
      expect(Math.abs(q(t!.cr) + q(t!.cs) * rho - Math.cos(radians))).toBeLessThan(1e-12);
      expect(Math.abs(q(t!.sr) + q(t!.ss) * rho - Math.sin(radians))).toBeLessThan(1e-12);
    }
    expect(surdTrig(ratio(45, 2))).toBeUndefined();
  });

  it("centres from f = 1/4 and n = 8: 'size' f n = 2, 'edges' f n − 1/2 = 3/2, 'span' f (n − 1) = 7/4", () => {
    const value = (c: Centre) => {
      const r = centreIndex(c, '0.25', 8);
      return Number(r.num) / Number(r.den);
    };
    expect([value('size'), value('edges'), value('span')]).toEqual([2, 1.5, 1.75]);
  });
});

describe('positions next to a half-integer', () => {
  // 45° about (f, f) ('span' on a 2 × 2 image): pixel (x, y) = (1, 0) has X = f + (1 − f + f) √2/2 = f + √2/2,
  // which is 3/2 + ε for f = 3/2 − √2/2 + ε.
  const rho = D.sqrt(2).div(2);
  const near = (digits: number) => new D(1.5).minus(rho).toSignificantDigits(digits, Decimal.ROUND_UP);
  const img: HwcImage = { height: 2, width: 2, channels: 1, dtype: 'uint8', data: Uint8Array.of(1, 2, 3, 4) };
  const keras = (f: Real) =>
    ({ centre: 'span', rounding: 'half-away', cx: f.toFixed(), cy: f.toFixed(), fill: 9 }) as const;

  it('X = 3/2 + ε with 0 < ε < 10^−59 rounds to 2, outside: decided at the precisions past the first', () => {
    const f = near(60);
    const r = { ...keras(f), cos: rho, sin: rho };
    const [X] = position(r, img, 0, 1);
    expect(X.minus(1.5).gt(0) && X.minus(1.5).lt('1e-59')).toBe(true);
    expect(wordsOf(rotateOracle(configOf('45', keras(f)), img))).toEqual(rotated(r, img));
    expect(rotated(r, img)[0]![1]).toEqual([9]);
  });

  it('X = 3/2 + ε with 10^−900 < ε < 10^−891 is still decided, at the last precision (900 digits and 10 guard digits)', () => {
    const f = near(892);
    const r = { ...keras(f), cos: rho, sin: rho };
    const [X] = position(r, img, 0, 1);
    expect(X.minus(1.5).gt('1e-900') && X.minus(1.5).lt('1e-891')).toBe(true);
    expect(wordsOf(rotateOracle(configOf('45', keras(f)), img))).toEqual(rotated(r, img));
  });

  it('X within 10^−990 of 3/2 is refused by name, not guessed: past the last precision (900 digits) it throws', () => {
    const run = () => rotateOracle(configOf('45', keras(near(1000))), img);
    expect(run).toThrow(Error);
    expect(run).toThrow('rotate: could not decide the rounding of the source of pixel (0, 1) at 900 digits');
  });
});

describe('errors', () => {
  const img: HwcImage = { height: 1, width: 1, channels: 1, dtype: 'float32', data: Float32Array.of(1) };
  it('unknown centre and rounding conventions are ConfigurationErrors naming them', () => {
    const base = configure(rotate, 'tfjs');
    const withFlags = (flags: object) => () => rotateOracle({ ...base, flags: { ...base.flags, ...flags } }, img);
    expect(withFlags({ centre: 'middle' })).toThrow(ConfigurationError);
    expect(withFlags({ centre: 'middle' })).toThrow("rotate: unknown centre convention 'middle'");
    expect(withFlags({ rounding: 'down' })).toThrow(ConfigurationError);
    expect(withFlags({ rounding: 'down' })).toThrow("rotate: unknown rounding convention 'down'");
  });
  it("another entry's configuration and a malformed image are refused, naming rotate", () => {
    expect(() => rotateOracle(configure(resizeNearest, 'tfjs'), img)).toThrow(
      "rotate: the oracle rule 'rotate' (for rotate) was given a configuration of 'resize-nearest'",
    );
    const bad = { ...img, height: 0 } as HwcImage;
    expect(() => rotateOracle(configure(rotate, 'tfjs'), bad)).toThrow(StepInputError);
    expect(() => rotateOracle(configure(rotate, 'tfjs'), bad)).toThrow('rotate: an image is {');
  });
});
