/**
 * Equivalences between conventions (src/claims/equivalences/), and the power of the float32 pair
 * comparison: a wrong mapping between conventions fails it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exactText } from '../../oracle/binary32.js';
import { equivalenceClaims } from '../../src/claims/equivalences/index.js';
import { namedProperty } from '../../src/claims/equivalences/pair.js';
import { comparePair, productionParam, type OneStep } from '../../src/claims/one-step.js';
import { configure } from '../../core/catalogue/index.js';
import * as entries from '../../core/catalogue/entries.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { claimTests } from './verdicts.js';

claimTests(equivalenceClaims);

describe('power of the float32 pair comparison', () => {
  it('a production 2^-20 off in relative terms on one side is caught (ratio above 1); the real one is not', async () => {
    const backend = await useBackend();
    const hyper = { lr: exactText(Math.fround(0.1)), momentum: exactText(Math.fround(0.9)) };
    const paper: OneStep = {
      config: configure(entries.momentum, 'paper', hyper),
      param: 1,
      grad: 0.5,
      state: { buffer: Math.fround(0.1 * 0.25) },
      t: 3,
    };
    const pytorchConfig = configure(entries.momentum, 'pytorch', { ...hyper, dampening: '0', weightDecay: '0' });
    const pytorch: OneStep = { config: pytorchConfig, param: 1, grad: 0.5, state: { buffer: 0.25 }, t: 3 };
    expect(comparePair(backend, paper, pytorch)?.ratio).toBeLessThanOrEqual(1);
    const skewed = (s: OneStep) => productionParam(backend, s) * (s === paper ? 1 + 2 ** -20 : 1);
    expect(comparePair(backend, paper, pytorch, skewed)?.ratio).toBeGreaterThan(1);
  });
});

describe('namedProperty: a property and the names of its values, typed together', () => {
  it('reports numbers as float32 (t as an integer), arrays element by element, anything else as text', () => {
    const named = namedProperty(
      ['θ', 'g', 't', 'objective'],
      [fc.float(), fc.array(fc.float()), fc.integer(), fc.constant('quadratic')],
      () => true,
    );
    expect(named.describe([0.5, [1, -2], 3, 'quadratic'])).toEqual([
      { name: 'θ', value: 0.5, kind: 'float32' },
      { name: 'g_1', value: 1, kind: 'float32' },
      { name: 'g_2', value: -2, kind: 'float32' },
      { name: 't', value: 3, kind: 'integer' },
      { name: 'objective', value: 'quadratic', kind: 'text' },
    ]);
  });

  it('runs the predicate on the values the arbitraries draw, in order', () => {
    const seen: [number, string][] = [];
    const named = namedProperty(['n', 's'], [fc.constant(7), fc.constant('x')], (n, s) => {
      seen.push([n, s]);
      return n === 7;
    });
    fc.assert(named.property, { numRuns: 3 });
    expect(seen).toEqual([
      [7, 'x'],
      [7, 'x'],
      [7, 'x'],
    ]);
  });

  it('takes one name per value: a missing name is a type error, and is reported by position', () => {
    // @ts-expect-error two arbitraries, one name
    const named = namedProperty(['a'], [fc.integer(), fc.integer()], (x, y) => x + y > 0);
    expect(named.describe([1, 2])).toEqual([
      { name: 'a', value: 1, kind: 'float32' },
      { name: '#2', value: 2, kind: 'float32' },
    ]);
  });
});
