/**
 * oracle/marks.ts: a configuration's key follows every change made to a configuration object by hand
 * (those `configure` makes are frozen), so that neither the entry check nor the prepared cache it keys
 * serves a stale answer; the uncertified marks and the decimal inputs' element lookup.
 */
import { describe, expect, it } from 'vitest';
import {
  configure,
  ConfigurationError,
  HyperparameterError,
  StepInputError,
  withSchedule,
  type Configuration,
} from '../../core/catalogue/index.js';
import * as entries from '../../core/catalogue/entries.js';
import { configureSchedule, multiStep } from '../../core/schedules/index.js';
import { checkEntry, configurationKey, decimalAt, marked, uncertifiedElements } from '../../oracle/marks.js';

/** A configuration as a user may build or edit one: every field writable. */
interface Editable {
  entry: Configuration['entry'];
  preset: string;
  hyper: Record<string, string | undefined>;
  flags: Record<string, unknown>;
  schedule?: Configuration['schedule'];
}

const halving = configureSchedule(multiStep, 'pytorch', {
  hyper: { lr: '0.1', decayRate: '0.5' },
  lists: { milestones: [2] },
});

/** Adam's PyTorch configuration, copied into writable objects. */
function editableAdam(): Editable {
  const c = configure(entries.adam, 'pytorch');
  return { entry: c.entry, preset: c.preset, hyper: { ...c.hyper }, flags: { ...c.flags } };
}

/** A new object with the same content: nothing is cached for it. */
const copy = (c: Editable): Editable => ({
  entry: c.entry,
  preset: c.preset,
  hyper: { ...c.hyper },
  flags: { ...c.flags },
  ...(c.schedule === undefined ? {} : { schedule: c.schedule }),
});

const keyOf = (c: Editable) => configurationKey(c as unknown as Configuration);

/** Every key of `hyper` and `flags` replaced, in place, by as many others with other values. */
function renameAll(c: Editable): void {
  for (const record of [c.hyper, c.flags] as Record<string, unknown>[]) {
    const keys = Object.keys(record);
    for (const k of keys) Reflect.deleteProperty(record, k);
    keys.forEach((k, i) => (record[`${k}2`] = `${i}`));
  }
}

/** Changes to a configuration object that change what it means. */
const edits: [string, (c: Editable) => void][] = [
  ['its entry replaced', (c) => void (c.entry = entries.adamax as unknown as Configuration['entry'])],
  ['its preset replaced', (c) => void (c.preset = 'keras')],
  ['its hyperparameters replaced', (c) => void (c.hyper = { ...c.hyper, lr: '0.5' })],
  ['a hyperparameter set in place', (c) => void (c.hyper['beta2'] = '0.99')],
  ['a hyperparameter added', (c) => void (c.hyper['weightDecay'] = '0.01')],
  ['its last hyperparameter removed', (c) => void Reflect.deleteProperty(c.hyper, Object.keys(c.hyper).at(-1)!)],
  ['a flag set in place', (c) => void (c.flags['amsgrad'] = true)],
  ['its last flag removed', (c) => void Reflect.deleteProperty(c.flags, Object.keys(c.flags).at(-1)!)],
  ['every hyperparameter and flag renamed and given another value in place', renameAll],
  ['its flags replaced', (c) => void (c.flags = { ...c.flags, form: 'efficient' })],
  ['a schedule added', (c) => void (c.schedule = withSchedule(configure(entries.adam, 'pytorch'), halving).schedule)],
];

describe('configurationKey', () => {
  it('is the same for two objects with the same content, and again for the same object', () => {
    const c = editableAdam();
    expect(keyOf(c)).toBe(keyOf(copy(c)));
    expect(keyOf(c)).toBe(keyOf(c));
  });

  it.each(edits)('after %s, is the key of a new object with that content, not the old key', (_, edit) => {
    const c = editableAdam();
    const before = keyOf(c);
    edit(c);
    expect(keyOf(c)).toBe(keyOf(copy(c)));
    expect(keyOf(c)).not.toBe(before);
  });

  it('tells schedules apart by their parameters and milestones', () => {
    const other = configureSchedule(multiStep, 'pytorch', {
      hyper: { lr: '0.1', decayRate: '0.5' },
      lists: { milestones: [3] },
    });
    const base = configure(entries.adam, 'pytorch');
    expect(configurationKey(withSchedule(base, halving))).not.toBe(configurationKey(withSchedule(base, other)));
    expect(configurationKey(withSchedule(base, halving))).not.toBe(configurationKey(base));
  });
});

describe('checkEntry', () => {
  it("accepts a configuration of one of the oracle's entries, again and again", () => {
    const c = configure(entries.adam, 'pytorch');
    expect(() => checkEntry('adam', ['adamax', 'adam'], c)).not.toThrow();
    expect(() => checkEntry('adam', ['adamax', 'adam'], c)).not.toThrow();
  });

  it('rejects, naming both, a configuration already checked for another oracle', () => {
    const c = configure(entries.adam, 'pytorch');
    checkEntry('adam', ['adam'], c);
    expect(() => checkEntry('sgd', ['sgd'], c)).toThrow(ConfigurationError);
    expect(() => checkEntry('sgd', ['sgd'], c)).toThrow(
      "sgd: the oracle rule 'sgd' (for sgd) was given a configuration of 'adam'; use the oracle of 'adam'",
    );
  });

  it('checks a configuration again once it has been edited: a bad value is caught', () => {
    const c = editableAdam();
    checkEntry('adam', ['adam'], c as unknown as Configuration);
    c.hyper['lr'] = 'fast';
    expect(() => checkEntry('adam', ['adam'], c as unknown as Configuration)).toThrow(HyperparameterError);
  });

  it('checks a configuration again once its entry has been replaced', () => {
    const c = editableAdam();
    checkEntry('adam', ['adam'], c as unknown as Configuration);
    c.entry = entries.adamax as unknown as Configuration['entry'];
    expect(() => checkEntry('adam', ['adam'], c as unknown as Configuration)).toThrow(
      "was given a configuration of 'adamax'",
    );
  });
  it('checks a configuration again once its entry has been removed, and says it is not a configuration', () => {
    const c = editableAdam();
    checkEntry('adam', ['adam'], c as unknown as Configuration);
    Reflect.deleteProperty(c, 'entry');
    expect(() => checkEntry('adam', ['adam'], c as unknown as Configuration)).toThrow(ConfigurationError);
    expect(() => checkEntry('adam', ['adam'], c as unknown as Configuration)).toThrow(
      /^the oracle rule 'adam': given .*, not a configuration/,
    );
  });
});

describe('the uncertified marks', () => {
  const certified = {
    values: { x: 1, y: 2 },
    precision: 40,
    uncertified: [
      { output: 'y' as const, below: 1, above: 1 + 2 ** -23 },
      { output: 'x' as const, below: -0, above: 0 },
    ],
  };

  it('places each uncertified output where the caller reports it, keeping its neighbours', () => {
    expect(uncertifiedElements(certified, (key) => ({ output: `${key}s`, index: key === 'x' ? 3 : 4 }))).toEqual([
      { output: 'ys', index: 4, below: 1, above: 1 + 2 ** -23 },
      { output: 'xs', index: 3, below: -0, above: 0 },
    ]);
  });

  it('attaches marks to a copy of the output, and leaves an output without marks as it is', () => {
    const output = { params: Float32Array.of(1), state: {} };
    const marks = [{ output: 'params', index: 0, below: 1, above: 1 + 2 ** -23 }];
    expect(marked(output, [])).toBe(output);
    expect(marked(output, marks)).toEqual({ ...output, uncertified: marks });
    expect(output).not.toHaveProperty('uncertified');
  });
});

describe('decimalAt', () => {
  it('gives element i of a decimal input', () => expect(decimalAt('adam', 'grads', ['1', '0.5'], 1)).toBe('0.5'));

  it.each([
    ['past its end', ['1'], 1],
    ['absent', undefined, 0],
  ] as const)('throws a StepInputError naming the input and the element when it is %s', (_, xs, i) => {
    expect(() => decimalAt('adam', 'grads', xs, i)).toThrow(StepInputError);
    expect(() => decimalAt('adam', 'grads', xs, i)).toThrow(`the decimal input's grads has no element ${i}`);
  });
});
