/**
 * The test run's scratch folder (vitest.config.ts `globalSetup`): the specs that write files (the CLI's
 * outputs, exported fixtures, the gate's cases, reports, the bound table's rescue copy) write them under
 * `os.tmpdir()`. This points `TMPDIR` at a fresh folder before the workers start, so that they and the
 * CLI, Python and browser processes they spawn inherit it, and removes that folder when the run ends:
 * `npm test` leaves nothing behind in the system's temporary folder, passed or failed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The prefix of the run's folder, which spec/scratch-folder.spec.ts checks the workers see. */
export const SCRATCH_PREFIX = 'optim-oracle-tests-';

/** Creates the run's scratch folder and returns the teardown that removes it. */
export default function setup(): () => void {
  const previous = process.env['TMPDIR'];
  const folder = mkdtempSync(join(tmpdir(), SCRATCH_PREFIX));
  process.env['TMPDIR'] = folder;
  return () => {
    rmSync(folder, { recursive: true, force: true });
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
  };
}
