/**
 * `optim-oracle bounds`: measures the error-bound table and prints it; `--write` rewrites
 * fixtures/error-bounds.json.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { BOUND_TABLE_PATH, measureBoundTable, TIGHTNESS, type BoundTable } from '../gate/bound-table.js';
import { production } from '../gate/implementation.js';
import { runsFromEnv, seedFromEnv } from '../gate/seed.js';
import { useBackend } from '../tfjs/backend.js';
import { formatMeasure, renderTable } from './table.js';

/** The table in words. */
export function formatBoundTable(table: BoundTable): string {
  const rows = table.rows.map((r) => [
    r.rule, r.preset, r.output, String(r.compared), formatMeasure(r.maxError, r.compared > 0), formatMeasure(r.maxBound, r.compared > 0),
    (Math.floor(r.maxRatio * 1000) / 1000).toFixed(3), r.maxRatio >= TIGHTNESS ? 'tight' : (r.looseBecause ?? 'LOOSE'),
  ]);
  return [
    `error bounds of ${table.implementation}: ${table.casesPerPreset} one-step cases per rule and preset, seed ${table.seed}`,
    '',
    renderTable(['rule', 'preset', 'output', 'compared', 'max err (u·S)', 'bound (u·S)', 'err/bound', 'tightness'], rows),
  ].join('\n');
}

/** Runs the command; resolves to the exit status. */
export async function bounds(
  options: { runs?: string; seed?: string; backend?: string; write?: boolean; json?: boolean; shard?: string },
  out: NodeJS.WriteStream,
  err: NodeJS.WriteStream,
): Promise<number> {
  try {
    const runs = options.runs === undefined ? runsFromEnv(1000) : Number(options.runs);
    const seed = options.seed === undefined ? seedFromEnv() : Number(options.seed);
    if (!Number.isSafeInteger(runs) || runs < 1) throw new RangeError(`--runs must be an integer ≥ 1, got '${options.runs}'`);
    if (!Number.isSafeInteger(seed)) throw new RangeError(`--seed must be an integer, got '${options.seed}'`);
    const shardMatch = options.shard === undefined ? ['', '0', '1'] : /^(\d+)\/(\d+)$/.exec(options.shard);
    if (shardMatch === null || Number(shardMatch[1]) >= Number(shardMatch[2])) throw new RangeError(`--shard takes i/n with 0 ≤ i < n, got '${options.shard}'`);
    const shard = { index: Number(shardMatch[1]), count: Number(shardMatch[2]) };
    if (options.write && shard.count > 1) throw new RangeError('--write takes the whole table; merge shards with --json');
    const impl = production(await useBackend(options.backend));
    const progress = err.isTTY ? (line: string) => err.write(`\r\x1b[2K${line}`) : undefined;
    const table = measureBoundTable(impl, runs, seed, progress, shard);
    if (progress) err.write('\r\x1b[2K');
    if (options.write) writeFileSync(BOUND_TABLE_PATH, `${JSON.stringify(table, null, 2)}\n`);
    out.write(options.json ? `${JSON.stringify(table, null, 2)}\n` : `${formatBoundTable(table)}\n${options.write ? `\nwrote ${BOUND_TABLE_PATH}\n` : ''}`);
    return 0;
  } catch (e) {
    err.write(`optim-oracle: ${(e as Error).message}\n`);
    return 2;
  }
}
