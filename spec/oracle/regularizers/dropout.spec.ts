/**
 * oracle/regularizers/dropout.ts against dropout's closed forms written again in decimal.js, each
 * rounded once to float32: with p the keep probability as written or 1 − rate exactly, the inverted
 * form trains to m x / p and infers x, the original form trains to m x and infers p x; bit for bit,
 * with the sign of every zero, under every preset, nothing uncertified; and a configuration of
 * another entry is refused.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { roundToFloat32 } from '../../../oracle/binary32.js';
import { IntervalArithmetic, type Interval } from '../../../oracle/interval.js';
import { dropoutOracle, exactKeep } from '../../../oracle/regularizers/dropout.js';
import { configure, PRESET_NAMES, StepInputError } from '../../../core/catalogue/index.js';
import { dropConnect, dropout } from '../../../core/catalogue/regularizers/masks.js';
import { bits, D, exactD, PROBABILITIES } from '../closed-forms.js';

const presets = PRESET_NAMES.filter((p) => dropout.presets[p as keyof typeof dropout.presets] !== undefined);
const float32 = fc.oneof(fc.float({ noNaN: true }), fc.constantFrom(0, -0, 2 ** -149, -1, 3.4028234663852886e38));
const elements = fc.array(fc.tuple(float32, fc.constantFrom(0, 1)), { maxLength: 12 });

describe.each(presets)('dropout (%s)', (preset) => {
  const base = configure(dropout, preset);
  const byKeep = base.hyper.keep !== undefined;
  test.prop([fc.constantFrom(...PROBABILITIES), elements])(
    'training and inference are the closed forms rounded once, with the sign of every zero',
    (p, xm) => {
      const config = configure(dropout, preset, byKeep ? { keep: p } : { rate: new D(1).minus(p).toString() });
      const keep = new D(p);
      const x = Float32Array.from(xm, ([v]) => v);
      const mask = Float32Array.from(xm, ([, m]) => m);
      const out = dropoutOracle(config, x, mask);
      const inverted = config.flags.form === 'inverted';
      const train = xm.map(([v, m]) => exactD(v).times(m));
      const expectedTrain = inverted ? train.map((t) => t.div(keep)) : train;
      const expectedInference = xm.map(([v]) => (inverted ? exactD(v) : keep.times(exactD(v))));
      expect(bits(out.train)).toEqual(bits(expectedTrain.map(roundToFloat32)));
      expect(bits(out.inference)).toEqual(bits(expectedInference.map(roundToFloat32)));
      expect(out.uncertified).toEqual([]);
    },
  );
});

describe('dropout refuses what is not its own', () => {
  it('a configuration of another entry, a mask of another length', () => {
    expect(() => dropoutOracle(configure(dropConnect, 'paper'), Float32Array.of(1), Float32Array.of(1))).toThrow(
      "the oracle rule 'dropout' (for dropout) was given a configuration of 'dropconnect'",
    );
    expect(() => dropoutOracle(configure(dropout, 'paper'), Float32Array.of(1, 2), Float32Array.of(1))).toThrow(
      new StepInputError('dropout', "the mask's length 1 is not the input's length 2"),
    );
  });

  it('p from the rate is 1 − rate exactly; from keep, keep as written', () => {
    const a = IntervalArithmetic.at(40);
    const fromRate = exactKeep(a, configure(dropout, 'pytorch', { rate: '0.3' })) as Interval;
    expect(fromRate.lo.eq('0.7') && fromRate.hi.eq('0.7')).toBe(true);
    const fromKeep = exactKeep(a, configure(dropout, 'paper', { keep: '0.3' })) as Interval;
    expect(fromKeep.lo.eq('0.3') && fromKeep.hi.eq('0.3')).toBe(true);
  });
});
