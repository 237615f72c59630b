/**
 * The package's version, read at run time from its package.json.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

/** The `version` field of the package's package.json. */
export function packageVersion(root: string = packageRoot()): string {
  const json = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof json.version !== 'string') throw new Error(`${join(root, 'package.json')} has no version`);
  return json.version;
}
