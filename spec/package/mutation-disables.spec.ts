/**
 * Stryker leaves out of the score every mutant a `// Stryker disable` comment names. In this
 * repository such a comment is kept for equivalent mutants only, each with its argument: every one
 * must say `equivalent` and why, and a block disable must be closed by a `// Stryker restore` before
 * the next disable, so that no mutant is hidden by accident (docs/mutation.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The TypeScript sources under `dir`, repository-relative. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(`${dir}/${d.name}`) : d.name.endsWith('.ts') ? [`${dir}/${d.name}`] : [],
  );
}

// Built from parts, so that this file does not hold what it looks for.
const DISABLE = ['Stryker', 'disable'].join(' ');
const RESTORE = ['Stryker', 'restore'].join(' ');
const WELL_FORMED = new RegExp(`// ${DISABLE} (next-line )?(all|[A-Za-z]+(,[A-Za-z]+)*): equivalent\\W+\\S`);

/** The problems of one file's disable comments, as `path:line: what`. */
function disableProblems(path: string, text: string): string[] {
  const problems: string[] = [];
  let open: number | undefined;
  text.split('\n').forEach((line, i) => {
    const where = `${path}:${i + 1}`;
    if (line.includes(RESTORE)) open = undefined;
    if (!line.includes(DISABLE)) return;
    if (!WELL_FORMED.test(line)) problems.push(`${where}: a disable without 'equivalent' and its argument`);
    if (open !== undefined) problems.push(`${where}: a disable inside the block opened at line ${open}`);
    if (!line.includes(`${DISABLE} next-line`)) open = i + 1;
  });
  if (open !== undefined) problems.push(`${path}:${open}: a block disable never restored`);
  return problems;
}

describe('Stryker disable comments', () => {
  it('each says equivalent and why, and each block is restored', () => {
    const files = ['oracle', 'src', 'core'].flatMap(sources);
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((f) => disableProblems(f, readFileSync(join(root, f), 'utf8')))).toEqual([]);
  });

  it('finds each kind of problem', () => {
    const c = (rest: string) => `// ${DISABLE}${rest}`;
    expect(disableProblems('a.ts', c(' next-line BooleanLiteral: equivalent; x is never read'))).toEqual([]);
    expect(disableProblems('a.ts', c(' next-line BooleanLiteral'))).toEqual([
      "a.ts:1: a disable without 'equivalent' and its argument",
    ]);
    expect(disableProblems('a.ts', c(' all: not needed'))).toEqual([
      "a.ts:1: a disable without 'equivalent' and its argument",
      'a.ts:1: a block disable never restored',
    ]);
    const nested = [c(' all: equivalent; a'), c(' next-line X: equivalent; b'), `// ${RESTORE} all`].join('\n');
    expect(disableProblems('a.ts', nested)).toEqual(['a.ts:2: a disable inside the block opened at line 1']);
  });
});
