/**
 * oracle/prepared-cache.ts: a preparation is reused exactly while the configuration, t and the tensor
 * slots' values are the ones it was made from, and an oracle stepped with a configuration edited
 * between steps computes what a new configuration with that content computes.
 */
import { describe, expect, it } from 'vitest';
import { configure, type Configuration } from '../../core/catalogue/index.js';
import * as entries from '../../core/catalogue/entries.js';
import { PreparedCache } from '../../oracle/prepared-cache.js';
import { adamOracle } from '../../oracle/rules/adam.js';

/** A cache with a preparation that counts its calls. */
function counted() {
  const cache = new PreparedCache<{ call: number }>();
  let calls = 0;
  const get = (config: Configuration, t: number, tensor: readonly number[]) =>
    cache.get(config, t, tensor, () => ({ call: ++calls }));
  return { get, calls: () => calls };
}

describe('PreparedCache', () => {
  const config = configure(entries.adam, 'pytorch');

  it('prepares once for the same configuration, t and tensor values, and returns that preparation', () => {
    const { get, calls } = counted();
    const first = get(config, 3, [0.5]);
    expect(get(config, 3, [0.5])).toBe(first);
    expect(calls()).toBe(1);
  });

  it.each([
    ['t', 4, [0.5]],
    ['a tensor value', 3, [0.25]],
    ['the number of tensor values', 3, [0.5, 0.5]],
  ] as const)('prepares again when %s changes', (_, t, tensor) => {
    const { get, calls } = counted();
    get(config, 3, [0.5]);
    expect(get(config, t, tensor)).toEqual({ call: 2 });
    expect(calls()).toBe(2);
  });

  it('tells tensor values apart however their digits split: [1, 23] from [12, 3]', () => {
    const { get, calls } = counted();
    get(config, 1, [1, 23]);
    get(config, 1, [12, 3]);
    expect(calls()).toBe(2);
  });

  it('tells a tensor value of −0 from one of +0', () => {
    const { get, calls } = counted();
    get(config, 1, [0]);
    get(config, 1, [-0]);
    get(config, 1, [-0]);
    expect(calls()).toBe(2);
  });

  it('keeps the last preparation of each configuration, and only the last', () => {
    const { get, calls } = counted();
    const other = configure(entries.adam, 'keras');
    get(config, 1, []);
    get(other, 1, []);
    get(config, 1, []);
    expect(calls()).toBe(2);
    get(config, 2, []);
    get(config, 1, []);
    expect(calls()).toBe(4);
  });

  it('prepares again for a configuration edited in place', () => {
    const { get, calls } = counted();
    const c = configure(entries.adam, 'pytorch');
    const editable = { ...c, hyper: { ...c.hyper } };
    get(editable, 1, []);
    editable.hyper.lr = '0.5';
    get(editable, 1, []);
    expect(calls()).toBe(2);
  });
});

describe('an oracle stepped with a configuration edited between steps', () => {
  it.each([1, 64])('on %i elements, steps with the new hyperparameters, as a new configuration with them does', (n) => {
    const c = configure(entries.adam, 'pytorch');
    const editable = { ...c, hyper: { ...c.hyper } };
    const params = Float32Array.from({ length: n }, (_, i) => 1 + i / 64);
    const input = (config: Configuration) => ({
      params,
      grads: Float32Array.from({ length: n }, (_, i) => 0.25 - i / 128),
      state: adamOracle.init(config, params),
      t: 5,
    });
    const before = adamOracle.step(editable, input(editable));
    editable.hyper.lr = '0.5';
    const after = adamOracle.step(editable, input(editable));
    const fresh = configure(entries.adam, 'pytorch', { lr: '0.5' });
    expect(after).toEqual(adamOracle.step(fresh, input(fresh)));
    expect(after.params).not.toEqual(before.params);
  });
});
