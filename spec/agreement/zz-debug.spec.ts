import fc from 'fast-check';
import { it } from 'vitest';
import * as entries from '../../core/catalogue/entries.js';
import { trajectoryCase } from '../../src/gate/arbitraries/step-case.js';
import { productionBound } from '../../src/gate/implementation.js';
import { oracleRuleOf } from '../../src/registry/index.js';

it('debug', () => {
  const reasons: Record<string, number> = {};
  const cases = fc.sample(trajectoryCase(entries.adafactor, 'keras'), { numRuns: 30, seed: 1 });
  let total = 0;
  let shown = 0;
  for (const c of cases) {
    const oracle = oracleRuleOf('adafactor');
    let state = oracle.initialOutput(c.config, c.params, c.shape).state;
    let params = c.params;
    c.grads.forEach((g, k) => {
      const input = { params, grads: g, state, t: k + 1, ...(c.shape ? { shape: c.shape } : {}) };
      const b = productionBound(c.config, input);
      for (const e of b['params']!) { total++; const r = e.out ?? 'in'; reasons[r] = (reasons[r] ?? 0) + 1; }
      if (shown < 3 && b['params']!.some((e) => e.out)) { shown++; console.log(JSON.stringify(c.config.hyper), k + 1, Array.from(params), Array.from(g), JSON.stringify(state)); }
      const next = oracle.step(c.config, input);
      params = next.params; state = next.state;
    });
  }
  console.log(total, reasons);
});
