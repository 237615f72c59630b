/**
 * The fast stages against the decimal ladder's recorded outputs (./ladder-record.ts), for `npm test`:
 * the deep comparison's walk ({@link walkDeepSteps}) at the record's seed and depth, stepped with the
 * oracle as it certifies (fast stages first), each output turned into the ladder's view of it and
 * digested. The ladder is not run; the deep comparison checks the record against it.
 */
import { describe, expect, it } from 'vitest';
import type { PresetName, StepOutput } from '../../core/catalogue/index.js';
import { certifyStatistics, resetCertifyStatistics } from '../../oracle/staged.js';
import { entryOf, oracleRuleOf, updateRecords } from '../../src/registry/index.js';
import { DEEP_CASES_ENV, walkDeepSteps } from './fast-stage.js';
import { SEED_ENV } from '../../src/gate/seed.js';
import { ladderView, OutputDigest, readRecord, WRITE_RECORDS_ENV, type RecordedMark } from './ladder-record.js';

/** The digest of the fast stages' outputs, in the ladder's view, on the record's walk; and its length. */
export function recordedWalk(
  rule: string,
  preset: PresetName,
  seed: number,
  perPreset: number,
  marks: readonly RecordedMark[],
): { digest: string; compared: number } {
  const oracle = oracleRuleOf(rule);
  const byStep = new Map<number, RecordedMark[]>();
  for (const m of marks) byStep.set(m.step, [...(byStep.get(m.step) ?? []), m]);
  const digest = new OutputDigest();
  let step = 0;
  const viewed = (output: StepOutput): StepOutput => {
    const view = ladderView(output, byStep.get(step++) ?? []);
    digest.add(view);
    return view;
  };
  const compared = walkDeepSteps(rule, preset, perPreset, seed, {
    step: (config, input) => viewed(oracle.step(config, input)),
    initial: (config, params) => viewed(oracle.initialOutput(config, params)),
  });
  return { digest: digest.hex(), compared };
}

/**
 * Checks `rule` under `preset` against its record: the same digest over as many element-steps, with
 * the fast stages deciding some of them (a walk they decided nothing of would have checked nothing).
 */
export function checkAgainstRecord(rule: string, preset: PresetName): void {
  const record = readRecord(rule);
  const path = `spec/deep/ladder-records/${rule}.json`;
  expect(record, `no ladder record for ${rule}: ${WRITE_RECORDS_ENV}=1 npm run test:deep writes one`).toBeDefined();
  const presetRecord = record?.presets[preset];
  expect(presetRecord, `${path} has no ${preset}: ${WRITE_RECORDS_ENV}=1 npm run test:deep writes it`).toBeDefined();
  if (record === undefined || presetRecord === undefined) return;
  resetCertifyStatistics();
  const { digest, compared } = recordedWalk(
    rule,
    preset,
    record.seed,
    record.elementStepsPerPreset,
    presetRecord.marks,
  );
  const replay = `the deep comparison says which outputs differ: ${SEED_ENV}=${record.seed} ${DEEP_CASES_ENV}=${record.elementStepsPerPreset * Object.keys(entryOf(rule).presets).length} npx vitest run --config vitest.deep.config.ts spec/deep/fast-stage/${rule}.deep.ts -t '${preset}'`;
  expect(compared, `element-steps walked (${path})`).toBe(presetRecord.elementSteps);
  expect(digest, `the fast stages' outputs on ${rule}/${preset} are not the ladder's recorded ones; ${replay}`).toBe(
    presetRecord.digest,
  );
  const counts = certifyStatistics()[entryOf(rule).name];
  expect(counts !== undefined && counts.fast + counts.rational > 0, 'the fast stages decided nothing').toBe(true);
}

/** The files that run {@link describeRecorded}: spec/deep/recorded-ladder-<part>-of-<PARTS>.spec.ts. */
export const PARTS = 3;

/**
 * Registers the recorded comparison of part `part` of {@link PARTS} of the update rules (every
 * PARTS-th rule of the registry from the part-th), so that the parts' files, run side by side, share
 * its time; spec/package/deep-files.spec.ts checks that the part files are all there.
 */
export function describeRecorded(part: number): void {
  const entries = updateRecords.map((r) => r.entry).filter((_, i) => i % PARTS === part);
  describe.each(entries)('$name: the fast stages give the decimal ladder’s recorded outputs', (entry) => {
    it.each(Object.keys(entry.presets) as PresetName[])('%s', (preset) => checkAgainstRecord(entry.name, preset));
  });
}
