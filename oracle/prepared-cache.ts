/**
 * The elementwise driver's cache of float64 preparations: a rule stepped one element at a time at one
 * t (as the gate and the claims step it) prepares β^t and its step sizes once, not once per element.
 *
 * @module
 */
import type { Configuration } from '../core/catalogue/index.js';
import { configurationKey } from './marks.js';

/**
 * The last preparation of each configuration, with the key of what it depends on: the
 * configuration's key ({@link configurationKey}), t and the tensor slots' float32 values (−0 told
 * apart from 0).
 */
export class PreparedCache<P> {
  private readonly last = new WeakMap<Configuration, { key: string; prepared: P }>();

  /**
   * The preparation of `config` at `t` with tensor slot values `tensorValues`: the cached one when its
   * key matches, else `prepare()`, which then replaces it.
   */
  get(config: Configuration, t: number, tensorValues: readonly number[], prepare: () => P): P {
    const key = `${configurationKey(config)}|${t}|${tensorValues.map((x) => (Object.is(x, -0) ? '-0' : String(x))).join(',')}`;
    const hit = this.last.get(config);
    if (hit !== undefined && hit.key === key) return hit.prepared;
    const prepared = prepare();
    this.last.set(config, { key, prepared });
    return prepared;
  }
}
