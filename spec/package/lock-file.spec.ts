import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as Record<string, unknown>;
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  name: string;
  version: string;
  packages: Record<string, Record<string, unknown>>;
};

// npm install rewrites the lock file's root entry whenever it differs from package.json, which leaves a
// fresh clone dirty after the README's `npm install` (.ci/run also checks the whole file with npm itself).
describe('package-lock.json', () => {
  const rootEntry = lock.packages[''];

  it('names the package and version package.json does', () => {
    expect(lock.name).toBe(manifest['name']);
    expect(lock.version).toBe(manifest['version']);
    expect(rootEntry?.['version']).toBe(manifest['version']);
  });

  it.each(['dependencies', 'devDependencies', 'optionalDependencies'])('records package.json %s exactly', (field) => {
    expect(rootEntry?.[field] ?? {}).toEqual(manifest[field] ?? {});
  });
});
