/**
 * The deep comparison of the oracle's stages (spec/deep/fast-stage.ts) has one file per update rule,
 * spec/deep/fast-stage/<rule>.deep.ts, each running that rule: a rule added to the catalogue without
 * its file would go unchecked by `npm run test:deep`. The recorded comparison in `npm test`
 * (spec/deep/recorded-ladder.ts) runs in part files, each a share of the rules: a missing part would
 * leave its rules unchecked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/registry/index.js';
import { PARTS } from '../deep/recorded-ladder.js';

const DIR = join('spec', 'deep', 'fast-stage');

describe('spec/deep/fast-stage/', () => {
  it('has one file per update rule of the catalogue, and no other', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.deep.ts'));
    expect(files.sort()).toEqual(catalogue.map((e) => `${e.name}.deep.ts`).sort());
  });

  it.each(catalogue.map((e) => e.name))('%s.deep.ts runs %s', (name) => {
    const text = readFileSync(join(DIR, `${name}.deep.ts`), 'utf8');
    expect(text).toMatch(new RegExp(`^deepAgreement\\('${name}'\\);$`, 'm'));
    expect(text.match(/deepAgreement\(/g)).toHaveLength(1);
  });
});

describe('spec/deep/recorded-ladder-<part>-of-<parts>.spec.ts', () => {
  it('has one file per part of the recorded comparison, each running its part', () => {
    const files = readdirSync(join('spec', 'deep')).filter((f) => f.startsWith('recorded-ladder-'));
    const parts = Array.from({ length: PARTS }, (_, i) => i);
    expect(files.sort()).toEqual(parts.map((i) => `recorded-ladder-${i}-of-${PARTS}.spec.ts`));
    for (const i of parts) {
      const text = readFileSync(join('spec', 'deep', `recorded-ladder-${i}-of-${PARTS}.spec.ts`), 'utf8');
      expect(text).toMatch(new RegExp(`^describeRecorded\\(${i}\\);$`, 'm'));
    }
  });
});
