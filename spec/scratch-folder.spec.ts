import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCRATCH_PREFIX } from './scratch-folder.js';

describe("the test run's scratch folder", () => {
  it('is what os.tmpdir() gives in a worker: a fresh folder of the run, not the system folder', () => {
    expect(basename(tmpdir())).toMatch(new RegExp(`^${SCRATCH_PREFIX}`));
  });

  it('is inherited by the processes a spec spawns', () => {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], {
      encoding: 'utf8',
    });
    expect(child.stdout).toBe(tmpdir());
  });
});
