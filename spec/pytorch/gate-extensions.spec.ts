/**
 * PyTorch 1.13 through the gate's protocol beyond plain steps (examples/pytorch/gate_adapter.py
 * --schedules --clip): torch.optim.lr_scheduler's schedulers setting the learning rate of a torch
 * optimizer, and torch.nn.utils' clippings, judged by `one-step-scheduled` and the clippings'
 * `agreement`. A few cases of Adam (every scheduler the adapter announces may be drawn) and of both
 * clippings, in float32: they pass, as the full runs do (docs/findings.md). Skipped without torch.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit.js';
import type { CheckReport } from '../../src/runs/check-types.js';
import { run } from '../cli/in-process.js';

const PYTHON = '/usr/bin/python3';
const hasTorch = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
const required = process.env['OPTIM_ORACLE_REQUIRE_TORCH'] === '1';
if (required && !hasTorch)
  throw new Error(`OPTIM_ORACLE_REQUIRE_TORCH=1 but ${PYTHON} cannot import torch (apt-get install python3-torch)`);

const adapter = `${PYTHON} examples/pytorch/gate_adapter.py float32 --schedules --clip`;

describe.skipIf(!hasTorch)(
  hasTorch ? 'PyTorch 1.13 schedulers and clippings through the gate' : 'PyTorch through the gate (skipped: no torch)',
  () => {
    it.each([
      [['--rule', 'adam', '--property', 'one-step-scheduled'], ['adam/pytorch one-step-scheduled']],
      [
        ['--property', 'agreement'],
        ['clip-by-global-norm/pytorch agreement', 'clip-by-value/pytorch agreement'],
      ],
    ])('passes %o', async (selection, expected) => {
      const cli = await run(['gate', '--impl', adapter, ...selection, '--runs', '10', '--seed', '7', '--json']);
      const report = JSON.parse(cli.out) as CheckReport;
      const names = report.results.flatMap((r) => r.properties.map((p) => `${r.rule}/${r.preset} ${p.name}`));
      expect(names).toEqual(expected);
      expect(cli.status).toBe(EXIT.ok);
      for (const p of report.results.flatMap((r) => r.properties)) expect(p.judged).toBeGreaterThan(0);
    });
  },
);
