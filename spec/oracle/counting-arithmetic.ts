import type { Arithmetic } from '../../oracle/enclosure.js';
import { RationalArithmetic } from '../../oracle/rational.js';

/**
 * The exact rational arithmetic, counting the operations it is asked for by name: what the lazy
 * arithmetic's specs read to tell which operations a forced output or a test computed.
 */
export function counting(): { arithmetic: Arithmetic; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const arithmetic = new Proxy(RationalArithmetic.instance, {
    get(target, key, receiver) {
      const f = Reflect.get(target, key, receiver) as unknown;
      if (typeof f !== 'function') return f;
      return (...args: unknown[]) => {
        calls[String(key)] = (calls[String(key)] ?? 0) + 1;
        return (f as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { arithmetic, calls };
}
