/**
 * The clippings' PyTorch preset checked against PyTorch itself (Debian's python3-torch, 1.13):
 * torch.nn.utils.clip_grad_norm_ and clip_grad_value_ run in float32 on the same float32 gradients
 * (examples/pytorch/clip.py), and each of PyTorch's outputs must lie within the derived bound
 * (src/gate/bound/clip-bound.ts) of the oracle's correctly rounded value: the bound follows the
 * float32 order of operations of torch/nn/utils/clip_grad.py, with every sum bounded for any order
 * of additions (PyTorch's norm reduction has its own). Value clipping is exact: bitwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bitsOf, fromBits } from '../../oracle/binary32.js';
import { clipOracle } from '../../oracle/gradient-transforms/clipping.js';
import { clipCase, type ClipCase } from '../../src/gate/gradient-transforms/agreement.js';
import { boundClip } from '../../src/gate/bound/clip-bound.js';
import { compareOutputs } from '../../src/gate/compare.js';
import { seedFromEnv } from '../../src/gate/seed.js';
import { gradientTransformRecordOf } from '../../src/registry/gradient-transforms.js';

const PYTHON = '/usr/bin/python3';
const hasTorch = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;

const required = process.env['OPTIM_ORACLE_REQUIRE_TORCH'] === '1';
if (required && !hasTorch)
  throw new Error(`OPTIM_ORACLE_REQUIRE_TORCH=1 but ${PYTHON} cannot import torch (apt-get install python3-torch)`);

/** PyTorch's clipped gradients of each case, concatenated. */
function torchClip(cases: readonly (readonly ['norm' | 'value', ClipCase])[]): Float32Array[] {
  const payload = cases.map(([kind, c]) => ({
    clip: kind,
    threshold: Object.values(c.config.hyper)[0],
    grads: c.grads.map((g) => Array.from(g, bitsOf)),
  }));
  const r = spawnSync(PYTHON, ['examples/pytorch/clip.py'], { input: JSON.stringify(payload), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`PyTorch failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as number[][]).map((xs) => Float32Array.from(xs, fromBits));
}

const KINDS = [
  ['clip-by-global-norm', 'norm'],
  ['clip-by-value', 'value'],
] as const;

describe.skipIf(!hasTorch)(
  hasTorch ? 'PyTorch 1.13 clip_grad_norm_ and clip_grad_value_ in float32' : 'PyTorch clipping (skipped: no torch)',
  () => {
    // One Python process for both: importing torch costs about a second a process.
    const casesOf = KINDS.map(([name]) =>
      fc.sample(clipCase(gradientTransformRecordOf(name), 'pytorch'), { seed: seedFromEnv(), numRuns: 60 }),
    );
    let torchOf: Float32Array[][] = [];
    beforeAll(() => {
      const all = torchClip(KINDS.flatMap(([, kind], k) => casesOf[k]!.map((c) => [kind, c] as const)));
      torchOf = casesOf.map((cs, k) => all.slice(k * 60, k * 60 + cs.length));
    });

    it.each(KINDS.map(([name, kind], k) => [name, kind, k] as const))(
      '%s (%s): PyTorch lies within the derived bound of the oracle on 60 cases; value clipping bitwise',
      (name, kind, k) => {
        const record = gradientTransformRecordOf(name);
        let compared = 0;
        casesOf[k]!.forEach((c, i) => {
          const torch = torchOf[k]![i]!;
          const oracle = clipOracle(record.oracle, c.config, c.grads);
          const comparison = compareOutputs({ grads: torch }, oracle, boundClip(record.production, c.config, c.grads));
          compared += comparison.outputs['grads']?.compared ?? 0;
          const what = JSON.stringify({ threshold: c.config.hyper, grads: c.grads.map((g) => Array.from(g)) });
          expect(comparison.mismatches, what).toEqual([]);
          if (kind === 'value')
            expect(
              Array.from(torch).every((x, j) => Object.is(x, oracle.grads[j])),
              what,
            ).toBe(true);
        });
        expect(compared).toBeGreaterThan(60);
      },
    );
  },
);
