/**
 * The package's root directory, found from this file's own location so that the command works from
 * any working directory: dist/src/cli/ when built, src/cli/ when run from source (the tests).
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest directory at or above this module's that holds the package.json named optim-oracle. */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fixtures'))) return dir;
    if (dirname(dir) === dir)
      throw new Error(`no package root (a directory with package.json and fixtures/) above ${from}`);
  }
}
