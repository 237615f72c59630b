/**
 * oracle/augmentations/geometric-offsets.ts and the central crop against the frameworks' expressions
 * evaluated again. TensorFlow's central_crop starts at int((H − H f)/2) on Python floats: JavaScript's
 * numbers are the same binary64 with the same correctly rounded ×, − and / (and Number(text) the
 * nearest double), so `Math.trunc((H − H f) / 2)` is the reference the oracle's exact decision must
 * match. torchvision's center_crop pads (h − H)//2 before and (h − H + 1)//2 after a side shorter than
 * the crop, then starts at int(round((H − h)/2.0)), Python's round taking ties to even.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { centralCrop } from '../../../core/catalogue/augmentations/geometric.js';
import { configure } from '../../../core/catalogue/index.js';
import { centralBox, centralCropOracle } from '../../../oracle/augmentations/geometric.js';
import {
  decimalCentralStart,
  roundToDouble,
  tensorflowCentralStart,
  torchvisionCentralStart,
} from '../../../oracle/augmentations/geometric-offsets.js';
import { D } from '../closed-forms.js';
import { image, wordsOf, zeros } from './images.js';

/** A fraction in (0, 1] as six-decimal text, and its numerator over 10^6. */
const fraction = fc.integer({ min: 1, max: 1_000_000 }).map((k) => ({
  k,
  text: k === 1_000_000 ? '1' : `0.${String(k).padStart(6, '0')}`,
}));

/** Python's int(round(x / 2.0)) for an integer x ≥ 0: the even one of ⌊x/2⌋ and ⌈x/2⌉ on a tie. */
const pythonRoundHalf = (x: number): number => {
  const [down, up] = [Math.floor(x / 2), Math.ceil(x / 2)];
  return down === up || down % 2 === 0 ? down : up;
};

/** torchvision's start on a side of `size` for a crop of `length`, through its padding. */
function torchvisionStart(size: number, length: number): number {
  const before = length > size ? Math.floor((length - size) / 2) : 0;
  const padded = length > size ? length : size;
  return pythonRoundHalf(padded - length) - before;
}

describe("TensorFlow's central crop", () => {
  test.prop([fc.integer({ min: 1, max: 100_000 }), fraction])(
    'starts at int((H − H f)/2) in binary64, and keeps H − 2 start',
    (size, f) => {
      const expected = Math.trunc((size - size * Number(f.text)) / 2);
      expect(tensorflowCentralStart(size, f.text)).toBe(expected);
    },
  );

  test.prop([fc.integer({ min: 1, max: 100_000 }), fraction])(
    'the decimal fraction would start at ⌊H (1 − f)/2⌋, exactly',
    (size, { k, text }) => {
      const exact = (BigInt(size) * BigInt(1_000_000 - k)) / 2_000_000n;
      expect(decimalCentralStart(size, text)).toBe(Number(exact));
    },
  );

  it('starts a 50-pixel side at 10 for f = 0.56 (size 30), where the decimal fraction starts at 11', () => {
    expect([tensorflowCentralStart(50, '0.56'), decimalCentralStart(50, '0.56')]).toEqual([10, 11]);
  });

  test.prop([image(9), fraction])('crops the box it starts, on both axes', (img, f) => {
    const out = centralCropOracle(configure(centralCrop, 'keras', { fraction: f.text }), img);
    const [y0, x0] = [img.height, img.width].map((n) => Math.trunc((n - n * Number(f.text)) / 2)) as [number, number];
    const words = wordsOf(img);
    expect(wordsOf(out)).toEqual(words.slice(y0, img.height - y0).map((row) => row.slice(x0, img.width - x0)));
  });
});

describe("torchvision's center crop", () => {
  test.prop([fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 })])(
    'starts at round((H − h)/2) with ties to even, or before the padding of a longer crop',
    (size, length) => {
      // + 0: a start of −0 is the start 0.
      expect(torchvisionCentralStart(size, length) + 0).toBe(torchvisionStart(size, length));
    },
  );

  test.prop([image(7), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })])(
    'is out(y, x) = in(top + y, left + x), zeros where that is outside the image',
    (img, h, w) => {
      const config = configure(centralCrop, 'pytorch', { height: String(h), width: String(w) });
      const [top, left] = [torchvisionStart(img.height, h), torchvisionStart(img.width, w)];
      const words = wordsOf(img);
      const expected = Array.from({ length: h }, (_, y) =>
        Array.from({ length: w }, (_, x) => words[top + y]?.[left + x] ?? zeros(img.channels)),
      );
      expect(wordsOf(centralCropOracle(config, img))).toEqual(expected);
      const box = centralBox(config, img.height, img.width);
      expect({ ...box, offsetHeight: box.offsetHeight + 0, offsetWidth: box.offsetWidth + 0 }).toEqual({
        offsetHeight: top,
        offsetWidth: left,
        targetHeight: h,
        targetWidth: w,
      });
    },
  );
});

/** The exact value of a finite double, from its bits: m 2^e as decimal text. */
function exactDouble(x: number): D {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const m = biased === 0 ? fraction : fraction | (1n << 52n);
  const e = (biased === 0 ? 1 : biased) - 1075;
  const magnitude = e >= 0 ? new D((m << BigInt(e)).toString()) : new D(m.toString()).div(new D(2).pow(-e));
  return bits >> 63n === 1n ? magnitude.neg() : magnitude;
}

const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => x !== 0);

describe('roundToDouble', () => {
  test.prop([finite])('takes a midpoint to the even neighbour, and a hair off it to the nearer', (x) => {
    const next = nextAway(x);
    fc.pre(Number.isFinite(next));
    const [a, b] = [exactDouble(x), exactDouble(next)];
    const mid = a.plus(b).div(2);
    const hair = b.minus(a).abs().times('1e-150');
    expect(roundToDouble(new Decimal(mid))).toBe(evenOf(x, next));
    expect(roundToDouble(new Decimal(mid.minus(hair.times(Math.sign(x)))))).toBe(x);
    expect(roundToDouble(new Decimal(mid.plus(hair.times(Math.sign(x)))))).toBe(next);
  });

  test.prop([
    fc.integer({ min: 1, max: 30 }),
    fc.bigInt({ min: 1n, max: 10n ** 30n }),
    fc.integer({ min: -320, max: 300 }),
  ])("is the nearest double to decimal text, as JavaScript's Number reads it", (digits, significand, exponent) => {
    const text = `${significand.toString().slice(0, digits)}e${exponent}`;
    if (Number.isFinite(Number(text))) expect(roundToDouble(new Decimal(text))).toBe(Number(text));
    else expect(() => roundToDouble(new Decimal(text))).toThrow(RangeError);
  });

  it('refuses a value beyond the binary64 range', () => {
    expect(() => roundToDouble(new Decimal('1e309'))).toThrow(RangeError);
    expect(() => roundToDouble(new Decimal('-1e309'))).toThrow('is beyond the binary64 range');
  });
});

/** The double next to x away from zero. */
function nextAway(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

/** Of two neighbouring doubles, the one whose significand is even. */
function evenOf(x: number, y: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return (view.getBigUint64(0) & 1n) === 0n ? x : y;
}
