/**
 * Equivalences between conventions (src/claims/equivalences.ts), and the power of the float32 pair
 * comparison: a wrong mapping between conventions fails it.
 */
import { describe, expect, it } from 'vitest';
import { exactText } from '../../oracle/binary32.js';
import { equivalenceClaims } from '../../src/claims/equivalences.js';
import { comparePair, productionParam, type OneStep } from '../../src/claims/one-step.js';
import { configure, entryOf } from '../../src/catalogue/index.js';
import { useBackend } from '../../src/tfjs/backend.js';
import { claimTests } from './verdicts.js';

claimTests(equivalenceClaims);

describe('power of the float32 pair comparison', () => {
  it('a production 2^-20 off in relative terms on one side is caught (ratio above 1); the real one is not', async () => {
    const backend = await useBackend();
    const hyper = { lr: exactText(Math.fround(0.1)), momentum: exactText(Math.fround(0.9)) };
    const paper: OneStep = { config: configure(entryOf('momentum'), 'paper', hyper), param: 1, grad: 0.5, state: { buffer: Math.fround(0.1 * 0.25) }, t: 3 };
    const pytorch: OneStep = { config: configure(entryOf('momentum'), 'pytorch', { ...hyper, dampening: '0', weightDecay: '0' }), param: 1, grad: 0.5, state: { buffer: 0.25 }, t: 3 };
    expect(comparePair(backend, paper, pytorch)!.ratio).toBeLessThanOrEqual(1);
    const skewed = (s: OneStep) => productionParam(backend, s) * (s === paper ? 1 + 2 ** -20 : 1);
    expect(comparePair(backend, paper, pytorch, skewed)!.ratio).toBeGreaterThan(1);
  });
});
