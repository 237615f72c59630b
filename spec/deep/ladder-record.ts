/**
 * The decimal ladder's outputs on the deep comparison's draws, recorded so that `npm test` can check
 * the fast stages against them on 10^5 element-steps per rule without running the ladder: the deep
 * comparison, ladder and all, takes 145 s on 2 cores (284 s of CPU), against `npm test`'s two minutes.
 *
 * A record holds, per preset of a rule, the SHA-256 digest of the ladder's outputs in the order the
 * walk visits them ({@link canonical}: every value, −0 and NaN told apart, and the uncertified marks),
 * and every mark with the value the ladder gave beside it. `npm test` (./recorded-ladder.ts, in the
 * files ./recorded-ladder-*-of-3.spec.ts) walks the same draws with the fast stages, turns each output
 * into the ladder's view of it ({@link ladderView}), and digests those: equal digests mean every output
 * equal bit for bit with the same marks, or, where the ladder alone left a mark, a decision within it,
 * as the deep comparison accepts (`differences`, ./fast-stage.ts). The deep comparison (`npm run
 * test:deep`, which CI runs) checks the records against the ladder it has just run, so a record cannot
 * drift from the ladder; `OPTIM_ORACLE_WRITE_LADDER_RECORDS=1 npm run test:deep` rewrites them, after a
 * change that moves an output (or fast-check's draws).
 */
import { createHash, type Hash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { PresetName, StepOutput, UncertifiedElement } from '../../core/catalogue/index.js';

/** The variable that makes the deep comparison rewrite the records instead of checking them. */
export const WRITE_RECORDS_ENV = 'OPTIM_ORACLE_WRITE_LADDER_RECORDS';

/** Where rule `rule`'s record is. */
export const recordPath = (rule: string): string => new URL(`./ladder-records/${rule}.json`, import.meta.url).pathname;

/**
 * A mark of the ladder: which output of which step of the walk, its two neighbours, and the value
 * the ladder gave (one of them). Values JSON cannot hold (−0, ±∞, NaN) are text ({@link recordedValue}).
 */
export interface RecordedMark {
  /** The step's place in the walk, from 0 (a trajectory's initial state is a step). */
  readonly step: number;
  readonly output: string;
  readonly index: number;
  readonly below: number | string;
  readonly above: number | string;
  readonly value: number | string;
}

/** One preset's record: the element-steps walked, the ladder's digest, its marks. */
export interface PresetRecord {
  readonly elementSteps: number;
  readonly digest: string;
  readonly marks: readonly RecordedMark[];
}

/** A rule's record: the walk's seed and element-steps per preset, and each preset's record. */
export interface LadderRecord {
  readonly rule: string;
  readonly seed: number;
  readonly elementStepsPerPreset: number;
  readonly presets: Partial<Record<PresetName, PresetRecord>>;
}

/** A float32 value as text: its shortest decimal, −0 and NaN by name (every NaN alike, as Object.is). */
const valueText = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));

/** A value read back from a record: a number, or '-0' / 'NaN' / '±Infinity' as {@link valueText} wrote them. */
export const recordedValue = (x: number | string): number => (x === '-0' ? -0 : Number(x));

/** A value as a record stores it: a number where JSON holds it, else its text. */
const storedValue = (x: number): number | string => (Number.isFinite(x) && !Object.is(x, -0) ? x : valueText(x));

/** The marks of an output, ordered by output and index, as text. */
function marksText(marks: readonly UncertifiedElement[] | undefined): string {
  return [...(marks ?? [])]
    .map((m) => `${m.output}[${m.index}] ${valueText(m.below)} ${valueText(m.above)}`)
    .sort()
    .join('; ');
}

/** A step's output as text: params, then each state slot by name, then the marks. */
export function canonical(output: StepOutput): string {
  const slots = Object.keys(output.state).sort();
  const arrays = [
    `params ${Array.from(output.params, valueText).join(' ')}`,
    ...slots.map((k) => `${k} ${Array.from(output.state[k] ?? [], valueText).join(' ')}`),
  ];
  return `${arrays.join('\n')}\nmarks ${marksText(output.uncertified)}\n`;
}

/** The ladder's marks of one step, as a record stores them. */
export function marksOf(step: number, output: StepOutput): RecordedMark[] {
  return (output.uncertified ?? []).map((m) => {
    const array = m.output === 'params' ? output.params : output.state[m.output];
    return {
      step,
      output: m.output,
      index: m.index,
      below: storedValue(m.below),
      above: storedValue(m.above),
      value: storedValue(array?.[m.index] ?? NaN),
    };
  });
}

/** A digest of outputs fed in the walk's order. */
export class OutputDigest {
  private readonly hash: Hash = createHash('sha256');
  add(output: StepOutput): void {
    this.hash.update(canonical(output));
  }
  hex(): string {
    return this.hash.digest('hex');
  }
}

/**
 * The ladder's view of a fast-stage output, given the ladder's marks on that step: where the ladder
 * left a mark and the fast stages decided, a decision that is either neighbour (either zero for a zero
 * of unknown sign) becomes the ladder's value and mark; anything else is left as the fast stages gave
 * it, so that its digest differs from the ladder's wherever {@link differences} finds a difference.
 */
export function ladderView(fast: StepOutput, marks: readonly RecordedMark[]): StepOutput {
  if (marks.length === 0) return fast;
  const params = Float32Array.from(fast.params);
  const state = Object.fromEntries(Object.entries(fast.state).map(([k, v]) => [k, Float32Array.from(v)]));
  const own = new Set((fast.uncertified ?? []).map((u) => `${u.output}[${u.index}]`));
  const uncertified = [...(fast.uncertified ?? [])];
  for (const m of marks) {
    const array = m.output === 'params' ? params : state[m.output];
    const v = array?.[m.index];
    if (array === undefined || v === undefined || own.has(`${m.output}[${m.index}]`)) continue;
    const [below, above] = [recordedValue(m.below), recordedValue(m.above)];
    const within = Object.is(v, below) || Object.is(v, above) || (v === 0 && below === 0 && above === 0);
    if (!within) continue;
    array[m.index] = recordedValue(m.value);
    uncertified.push({ output: m.output, index: m.index, below, above });
  }
  return { params, state, uncertified };
}

/** Rule `rule`'s record, or undefined when there is none. */
export function readRecord(rule: string): LadderRecord | undefined {
  try {
    return JSON.parse(readFileSync(recordPath(rule), 'utf8')) as LadderRecord;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Writes `record` as rule `record.rule`'s. */
export function writeRecord(record: LadderRecord): void {
  writeFileSync(recordPath(record.rule), `${JSON.stringify(record, null, 2)}\n`);
}
