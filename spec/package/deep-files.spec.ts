/**
 * The deep comparison of the oracle's stages (spec/deep/fast-stage.ts) has one file per update rule,
 * spec/deep/fast-stage/<rule>.deep.ts, each running that rule: a rule added to the catalogue without
 * its file would go unchecked by `npm run test:deep`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/registry/index.js';

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
