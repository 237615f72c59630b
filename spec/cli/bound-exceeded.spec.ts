/**
 * A measured case beyond its derived bound is a finding, reported as a failure (exit status 1) with
 * fast-check's seed and path; before, `bounds` called it an internal error (exit 5).
 */
import { boundShardHolding } from './bound-shards.js';
import { describe, expect, it } from 'vitest';
import { exitStatusOf, EXIT } from '../../src/cli/exit.js';
import { BoundExceededError, measureBoundTable } from '../../src/gate/bound-table.js';
import { production, type Implementation } from '../../src/gate/implementation.js';
import { backends } from '../backends.js';

const backend = backends[0]!;

/** Production with every derived bound a millionth of its value: an error above it is certain. */
function tooTight(): Implementation {
  const real = production(backend);
  const shrink = (bound: ReturnType<Implementation['bound']>) =>
    Object.fromEntries(Object.entries(bound).map(([k, v]) => [k, v.map((e) => ({ ...e, bound: e.bound * 1e-6 }))]));
  return {
    ...real,
    name: 'bounds too tight',
    bound: (c, i) => shrink(real.bound(c, i)),
    boundInit: (c, n) => shrink(real.boundInit(c, n)),
  };
}

describe('measureBoundTable when a case leaves its bound', () => {
  it('throws a BoundExceededError naming the pair and the seed and path, which the command line reports as a failure', () => {
    let thrown: unknown;
    try {
      measureBoundTable(tooTight(), { cases: 50, seed: 1, shard: boundShardHolding('sgd/paper', 46).shard });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(BoundExceededError);
    expect((thrown as Error).message).toMatch(
      /^sgd\/paper: a case left its derived bound; the table is not written\n[\s\S]*seed: 1, path: /,
    );
    expect(exitStatusOf(thrown)).toBe(EXIT.failed);
  });
});
