/**
 * src/gate/schedules/bounded-ops.ts's `parse`, which keeps what it read by format and text: a text read
 * again gives what it gave the first time, and neither the other format's reading nor another text's.
 */
import { describe, expect, it } from 'vitest';
import { boundedOps } from '../../src/gate/schedules/bounded-ops.js';

describe('boundedOps.parse', () => {
  it.each([
    // 0.5 is a double and a float32: read exactly in both; 0.1 and 1e-400 are not.
    ['0.5', 'float64', { v: 0.5, e: 0 }],
    ['0.5', 'float32', { v: 0.5, e: 0 }],
    ['0.1', 'float64', { v: 0.1 }],
    ['0.1', 'float32', { v: Math.fround(0.1) }],
    ['1e-400', 'float64', { v: 0 }],
  ] as const)('%s as %s, twice', (text, format, expected) => {
    const first = boundedOps.parse(text, format);
    expect(first).toMatchObject(expected);
    expect(boundedOps.parse(text, format)).toEqual(first);
  });

  it('bounds a reading that is not exact by its true error, within twice it', () => {
    // The double 0.1 is 5.551115123125783e−18 from 1/10 (Python: abs(Fraction(0.1) − Fraction(1, 10))); 0 is 1e−400 from 1e−400.
    const tenth = boundedOps.parse('0.1', 'float64').e;
    expect(tenth).toBeGreaterThanOrEqual(5.551115123125783e-18);
    expect(tenth).toBeLessThanOrEqual(2 * 2 ** -53 * 0.1);
    const tiny = boundedOps.parse('1e-400', 'float64').e;
    expect(tiny).toBeGreaterThan(0);
    expect(tiny).toBeLessThanOrEqual(2 ** -1073);
  });

  it('keeps the formats and texts apart', () => {
    expect(boundedOps.parse('0.1', 'float32').v).toBe(Math.fround(0.1));
    expect(boundedOps.parse('0.1', 'float64').v).toBe(0.1);
    expect(boundedOps.parse('0.1', 'float32').e).toBeGreaterThan(boundedOps.parse('0.1', 'float64').e);
    expect(boundedOps.parse('0.10', 'float64')).toEqual(boundedOps.parse('0.1', 'float64'));
    expect(boundedOps.parse('0.2', 'float64').v).toBe(0.2);
  });
});
