/**
 * Early stopping's claims reach their expected verdicts (docs/early-stopping.md), each refuted claim
 * with a shrunk counterexample that replays from its seed and path.
 */
import { describe, expect, it } from 'vitest';
import { earlyStoppingClaims } from '../../src/claims/early-stopping/index.js';
import { formatValue } from '../../src/claims/property.js';
import { seedFromEnv } from '../../src/gate/seed.js';

const seed = seedFromEnv();

describe('early-stopping claims', () => {
  it.each(earlyStoppingClaims.map((c) => [c.id, c] as const))('%s', async (_id, claim) => {
    const r = await claim.check({ seed, backend: 'cpu' });
    console.log(claim.id, r.verdict, r.cases, r.counterexample?.map(formatValue).join('; ') ?? '', r.reason ?? '');
    expect(r.verdict).toBe(claim.expected);
    if (r.verdict === 'refuted') {
      expect(r.counterexample?.length).toBeGreaterThan(0);
      const again = await claim.check({ seed, backend: 'cpu', ...(r.path === undefined ? {} : { path: r.path }) });
      expect(again.verdict).toBe('refuted');
    }
  });
});
