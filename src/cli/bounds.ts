/**
 * `optim-oracle bounds`: the table in words, where `--write` puts it (fixtures/error-bounds.json under
 * the package root, whatever the working directory), and the check that it can be written there,
 * made before measuring.
 *
 * @module
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OptionError } from '../../core/catalogue/errors.js';
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
    `error bounds of ${table.implementation}: ${table.casesPerPreset} cases per rule and preset, seed ${table.seed}`,
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

/**
 * The whole table in `file`, to replace some of its rows: throws the file system's error when it
 * cannot be read, and an {@link OptionError} when it is not a whole table (not JSON, no rows, or one
 * shard or selection of a measurement).
 */
export function readBoundTable(file: string): BoundTable {
  const text = readFileSync(file, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new OptionError(`${file}: not JSON (${(e as Error).message}); measure the whole table to replace it`);
  }
  const table = value as Partial<BoundTable> & { shard?: unknown };
  const whole =
    typeof table === 'object' &&
    table !== null &&
    Array.isArray(table.rows) &&
    typeof table.implementation === 'string' &&
    typeof table.command === 'string' &&
    typeof table.seed === 'number' &&
    typeof table.casesPerPreset === 'number' &&
    table.shard === undefined &&
    table.selection === undefined;
  if (!whole) throw new OptionError(`${file}: not a whole bounds table; measure the whole table to replace it`);
  return table as BoundTable;
}
