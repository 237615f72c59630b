/**
 * The protocol's JSON Schemas (src/gate/protocol/messages.ts, capability-messages.ts) on the lines a
 * program writes: a version-1 hello stays valid, the declarations beyond plain steps are valid where
 * they name the catalogue's schedules and transforms, and each kind of answer is checked against its
 * own request's schema.
 */
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../src/gate/protocol/messages.js';

const hello = (extra: object = {}, rule: object = {}) =>
  JSON.stringify({
    type: 'hello',
    protocol: 'optim-oracle-gate/1',
    implementation: 'p',
    rules: [{ rule: 'sgd', presets: ['pytorch', 'keras'], ...rule }],
    ...extra,
  });

const one = '0x3f800000';

describe('protocol messages', () => {
  it('accepts a version-1 hello, and one with schedules, the Keras wrapper and transforms', () => {
    expect(parseLine(hello(), 'hello')).toMatchObject({ rules: [{ rule: 'sgd' }] });
    const declared = hello(
      { transforms: [{ transform: 'clip-by-value', presets: ['pytorch'] }] },
      {
        schedules: ['cosine-annealing', { schedule: 'exponential-decay', options: { arithmetic: ['float64'] } }],
        kerasWrapper: true,
      },
    );
    expect(typeof parseLine(declared, 'hello')).toBe('object');
  });

  it.each([
    ['an unknown schedule', hello({}, { schedules: ['step-lr'] })],
    [
      'an option that is not a list',
      hello({}, { schedules: [{ schedule: 'linear', options: { arithmetic: 'float64' } }] }),
    ],
    ['kerasWrapper not a boolean', hello({}, { kerasWrapper: 'yes' })],
    ['an unknown transform', hello({ transforms: [{ transform: 'clip-by-magic', presets: ['keras'] }] })],
    ['a transform without presets', hello({ transforms: [{ transform: 'clip-by-value' }] })],
  ])('refuses a hello with %s', (_what, line) => {
    expect(parseLine(line, 'hello')).toMatch(/^not a valid hello \(/);
  });

  it('checks a Keras wrapper answer stage by stage, and a transform answer as lists of gradients', () => {
    const variable = { clipped: [one], decayed: [one], stepped: [one], state: {}, params: [one] };
    expect(parseLine(JSON.stringify({ id: 3, variables: [variable] }), 'keras-answer')).toEqual({
      id: 3,
      variables: [variable],
    });
    const { decayed: _, ...noDecayed } = variable;
    expect(parseLine(JSON.stringify({ id: 3, variables: [noDecayed] }), 'keras-answer')).toMatch(
      /^not a valid answer \(/,
    );
    expect(parseLine(JSON.stringify({ id: 4, grads: [[one], [one, one]] }), 'transform-answer')).toEqual({
      id: 4,
      grads: [[one], [one, one]],
    });
    expect(parseLine(JSON.stringify({ id: 4, params: [one], state: {} }), 'transform-answer')).toMatch(
      /^not a valid answer \(/,
    );
    expect(parseLine(JSON.stringify({ id: 4, error: 'no' }), 'transform-answer')).toEqual({ id: 4, error: 'no' });
  });
});
