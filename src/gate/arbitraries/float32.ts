/**
 * Float32 arbitraries drawn so that the values that break float code come often: ±0, subnormals,
 * the smallest normal, the largest finite, huge and tiny magnitudes, mixed signs, and any bit pattern.
 *
 * @module
 */
import fc from 'fast-check';
import { MAX_FLOAT32, MIN_NORMAL, MIN_SUBNORMAL, fromBits } from '../../../oracle/binary32.js';

/** Any binary32 bit pattern, NaNs and infinities included. */
export const anyFloat32Bits = (): fc.Arbitrary<number> => fc.integer({ min: 0, max: 0xffffffff }).map(fromBits);

/** Values on the edges of binary32: zeros, subnormal ends, normal ends. */
export const edgeFloat32 = (): fc.Arbitrary<number> =>
  fc.constantFrom(
    0,
    -0,
    MIN_SUBNORMAL,
    -MIN_SUBNORMAL,
    MIN_NORMAL,
    -MIN_NORMAL,
    MIN_NORMAL - MIN_SUBNORMAL,
    1,
    -1,
    MAX_FLOAT32,
    -MAX_FLOAT32,
  );

/** Finite values of moderate magnitude, 2^−20 to 2^20, either sign: most of what training sees. */
export const moderateFloat32 = (): fc.Arbitrary<number> =>
  fc
    .tuple(fc.integer({ min: -20, max: 19 }), fc.integer({ min: 0, max: 0x7fffff }), fc.boolean())
    .map(([e, f, negative]) => (negative ? -1 : 1) * fromBits(((e + 127) << 23) | f));

/** Finite values of any magnitude, subnormals included. */
export const finiteFloat32 = (): fc.Arbitrary<number> => fc.float({ noNaN: true, noDefaultInfinity: true });

/** The mix the agreement properties use: mostly moderate, often extreme, sometimes any bit pattern. */
export const float32Value = (options: { nonfinite?: boolean } = {}): fc.Arbitrary<number> =>
  fc.oneof(
    { arbitrary: moderateFloat32(), weight: 6 },
    { arbitrary: finiteFloat32(), weight: 2 },
    { arbitrary: edgeFloat32(), weight: 1 },
    ...(options.nonfinite ? [{ arbitrary: anyFloat32Bits(), weight: 1 }] : []),
  );

/**
 * Values a training run feeds a rule: moderate magnitudes, with zeros and subnormals now and then
 * (no huge values, whose squares overflow and stay ∞ in the state for the rest of a trajectory).
 */
export const trainingFloat32 = (): fc.Arbitrary<number> =>
  fc.oneof(
    { arbitrary: moderateFloat32(), weight: 9 },
    { arbitrary: fc.constantFrom(0, -0, MIN_SUBNORMAL, -MIN_SUBNORMAL, MIN_NORMAL), weight: 1 },
  );

/** A nonnegative version of an arbitrary (|x|, so −0 becomes +0), for second-moment slots. */
export const nonnegative = (arb: fc.Arbitrary<number>): fc.Arbitrary<number> => arb.map((x) => Math.abs(x));
