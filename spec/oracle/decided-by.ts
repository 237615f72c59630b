import { expect } from 'vitest';
import type { Configuration, StepInput } from '../../core/catalogue/index.js';
import {
  certifyStatistics,
  fallThroughShare,
  resetCertifyStatistics,
  withCertifyStages,
  type StageCounts,
} from '../../oracle/staged.js';
import { oracleRuleOf } from '../../src/registry/index.js';

/**
 * Steps `input` with every stage and asserts that `stage` decided exactly `count` computations, that
 * nothing fell through to the decimal ladder, and that the outputs are the decimal ladder's, bit for bit.
 */
export function expectDecidedBy(
  stage: keyof Pick<StageCounts, 'fast' | 'refined' | 'rational' | 'bigFloat'>,
  count: number,
  config: Configuration,
  input: StepInput,
): void {
  const rule = oracleRuleOf(config.entry.name);
  resetCertifyStatistics();
  const staged = rule.step(config, input);
  const counts = certifyStatistics()[config.entry.name];
  expect(counts?.[stage]).toBe(count);
  expect(fallThroughShare(counts as StageCounts)).toBe(0);
  const decimal = withCertifyStages('decimal', () => rule.step(config, input));
  expect(Array.from(staged.params)).toEqual(Array.from(decimal.params));
  for (const k of Object.keys(decimal.state))
    expect(Array.from(staged.state[k] ?? []), k).toEqual(Array.from(decimal.state[k] ?? []));
}
