/**
 * `optim-oracle bounds`: the table in words, where `--write` puts it (fixtures/error-bounds.json under
 * the package root, whatever the working directory), and the check that it can be written there,
 * made before measuring.
 *
 * @module
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BOUND_TABLE_PATH, TIGHTNESS, type BoundTable } from '../gate/bound-table.js';
import { packageRoot } from './package-root.js';
import { formatMeasure, renderTable } from '../runs/table.js';

/** The table in words. */
export function formatBoundTable(table: BoundTable): string {
  const rows = table.rows.map((r) => [
    r.rule,
    r.preset,
    r.output,
    String(r.compared),
    formatMeasure(r.maxError, r.compared > 0),
    formatMeasure(r.maxBound, r.compared > 0),
    (Math.floor(r.maxRatio * 1000) / 1000).toFixed(3),
    r.maxRatio >= TIGHTNESS ? 'tight' : (r.looseBecause ?? 'LOOSE'),
  ]);
  return [
    `error bounds of ${table.implementation}: ${table.casesPerPreset} one-step cases per rule and preset, seed ${table.seed}`,
    '',
    renderTable(
      ['rule', 'preset', 'output', 'compared', 'max err (u·S)', 'bound (u·S)', 'err/bound', 'tightness'],
      rows,
    ),
  ].join('\n');
}

/** The absolute path of the bound table in the package: `<package root>/fixtures/error-bounds.json`. */
export function boundTableFile(root: string = packageRoot()): string {
  return join(root, BOUND_TABLE_PATH);
}

/**
 * Throws the file system's error (EACCES, EROFS, ENOENT, ENOTDIR, ...) when `file` cannot be
 * written: the file itself when it exists, else its directory, which must be one.
 */
export function assertWritable(file: string): void {
  if (existsSync(file)) return accessSync(file, constants.W_OK);
  const dir = dirname(file);
  if (!statSync(dir).isDirectory())
    throw Object.assign(new Error(`ENOTDIR: not a directory, '${dir}'`), { code: 'ENOTDIR', path: dir });
  accessSync(dir, constants.W_OK);
}
