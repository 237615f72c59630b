import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

// The layering of docs/style.md, checked with the rules `npm run lint:deps` uses (.dependency-cruiser.cjs).
const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fileURLToPath(new URL('fixtures/layering/', import.meta.url));
const options = await extractDepcruiseOptions(`${root}.dependency-cruiser.cjs`);
const tsConfig = extractTSConfig(`${root}tsconfig.json`);

async function cruiseFrom(baseDir: string, folders: string[]): Promise<ICruiseResult> {
  const { output } = await cruise(folders, { ...options, baseDir }, {}, { tsConfig });
  if (typeof output === 'string') throw new Error(`dependency-cruiser returned text, not a result: ${output}`);
  return output;
}

/** One line per violation: severity, rule, and the import (or the cycle) that breaks it. */
function describeViolation(v: IViolation): string {
  const to = v.cycle
    ? v.cycle.map((step) => step.name).join(' → ')
    : v.to.replace(/^.*node_modules\/([^/]+)\/.*$/, '$1');
  return `${v.rule.severity} ${v.rule.name}: ${v.from} → ${to}`;
}

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  it('core, oracle, src and bench break no error-level rule', async () => {
    const folders = ['core', 'oracle', 'src', 'bench'];
    const { modules, summary } = await cruiseFrom(root, folders);
    for (const folder of folders) expect(modules.some((m) => m.source.startsWith(`${folder}/`))).toBe(true);
    const errors = summary.violations.filter((v) => v.rule.severity === 'error').map(describeViolation);
    expect(errors, errors.join('\n')).toEqual([]);
  });

  // The same rules, run in a tree in which each is broken once (fixtures/layering/README.md), must report
  // exactly those imports: a rule whose paths match nothing, or an allowed import reported, fails here.
  it('reports each broken rule in the fixture, and nothing else', async () => {
    const { summary } = await cruiseFrom(fixture, ['core', 'oracle', 'src', 'spec']);
    expect(summary.violations.map(describeViolation).sort()).toEqual([
      'error claims-imports-below-it: src/claims/up.ts → src/runs/leaf.ts',
      'error core-imports-only-core: core/up.ts → oracle/leaf.ts',
      'error gate-imports-below-it: src/gate/up.ts → src/claims/leaf.ts',
      'error no-circular-core-oracle: core/cycle.ts → core/up.ts → core/cycle.ts',
      'error not-to-dev-dep: src/production/up.ts → vitest',
      'error not-to-unresolvable: src/runs/cycle.ts → ./absent.js',
      'error only-bin-imports-cli: src/index.ts → src/cli/leaf.ts',
      'error oracle-imports-only-core: oracle/up.ts → src/production/leaf.ts',
      'error production-imports-only-core: src/production/up.ts → oracle/leaf.ts',
      'error registry-imports-below-it: src/registry/up.ts → src/gate/leaf.ts',
      'warn no-circular: src/runs/cycle.ts → src/runs/leaf.ts → src/runs/cycle.ts',
    ]);
  });
});
