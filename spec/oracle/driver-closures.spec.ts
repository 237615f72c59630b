/**
 * The drivers' rule objects made within a test (oracle/elementwise.ts, oracle/tensor-rule.ts): their
 * methods are closures made when the rule is, so only a rule made while a test runs shows what each
 * closure does. The other driver specs make theirs once, beside the tests.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { configure } from '../../core/catalogue/index.js';
import * as entries from '../../core/catalogue/entries.js';
import { elementwiseRule } from '../../oracle/elementwise.js';
import { adafactorUpdate } from '../../oracle/rules/adafactor.js';
import { lambUpdate } from '../../oracle/rules/lamb.js';
import { sgdUpdate } from '../../oracle/rules/sgd.js';
import { tensorRule } from '../../oracle/tensor-rule.js';

describe('an elementwise rule', () => {
  it("encloses a decimal input's step: θ − α g for SGD, with the preset's α read exactly (1/100)", () => {
    const config = configure(entries.sgd, 'paper');
    const input = { params: ['1', '-2'], grads: ['0.5', '3'], state: {}, t: 1 };
    const outputs = elementwiseRule(sgdUpdate).enclose(config, input, 40);
    const exact = [new Decimal('0.995'), new Decimal('-2.03')];
    expect(Object.keys(outputs)).toEqual(['params']);
    expect(outputs['params']).toHaveLength(2);
    outputs['params']?.forEach(({ lo, hi }, i) => {
      expect(lo.lte(exact[i]!) && exact[i]!.lte(hi)).toBe(true);
      expect(hi.minus(lo).lt('1e-35')).toBe(true);
    });
  });
});

describe('a whole-tensor rule', () => {
  it('starts every slot of the layout at zero, each of the length the layout gives it', () => {
    const lamb = tensorRule(lambUpdate).init(configure(entries.lamb, 'optax'), Float32Array.of(1, 2, 3));
    expect(lamb).toEqual({ m: new Float32Array(3), v: new Float32Array(3) });
    const factored = tensorRule(adafactorUpdate).init(
      configure(entries.adafactor, 'keras'),
      new Float32Array(6),
      [2, 3],
    );
    expect(factored).toEqual({ r: new Float32Array(2), c: new Float32Array(3), v: new Float32Array(6) });
  });
});
