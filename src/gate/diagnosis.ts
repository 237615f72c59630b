/**
 * Diagnosis of an implementation that fails a preset: which convention does it follow instead? The
 * implementation is asked once per case, with the preset's configuration, as the gate asked it; its
 * answers are then judged against the oracle under each candidate set of convention flags (each flag
 * of the entry changed alone, and the flags of each other preset of the entry), within the bound of
 * that convention. The candidate that passes the most cases is the closest match. A candidate whose
 * flags encode a framework's defect (`FlagSpec.defects`) is reported as a finding with it.
 *
 * Only candidates with the preset's state layout are tried (the implementation answers the preset's
 * slots), and one flag at a time (or a whole other preset): a bug that is not a convention matches
 * nothing, which is itself the diagnosis.
 *
 * @module
 */
import fc from 'fast-check';
import {
  defectsOf,
  PRESET_NAMES,
  type CatalogueEntry,
  type Configuration,
  type FlagValue,
  type PresetName,
} from '../../core/catalogue/index.js';
import { oracleRuleOf } from '../registry/index.js';
import { stepCase } from './arbitraries/step-case.js';
import type { AsyncImplementation } from './async-properties.js';
import { compareStep } from './compare.js';
import type { Implementation } from './implementation.js';

/** One candidate convention and how many cases the implementation passes under it. */
export interface CandidateResult {
  /** The flags that differ from the preset's (empty for the preset itself). */
  readonly changed: Readonly<Record<string, FlagValue>>;
  /** Where the candidate comes from: `flag`, or the preset whose flags these are. */
  readonly from: 'flag' | PresetName;
  readonly passed: number;
  /** The framework defects these flags encode, if any. */
  readonly defects: readonly string[];
}

/** The diagnosis of one rule under one preset. */
export interface Diagnosis {
  readonly rule: string;
  readonly preset: PresetName;
  readonly cases: number;
  /** The preset's own flags. */
  readonly own: CandidateResult;
  /** Every other candidate tried, best first. */
  readonly candidates: readonly CandidateResult[];
  /** The best candidate when it passes every case and the preset's flags do not. */
  readonly match?: CandidateResult;
}

type Flags = Readonly<Record<string, FlagValue>>;

const keyOf = (flags: Flags) => JSON.stringify(Object.entries(flags).sort(([a], [b]) => a.localeCompare(b)));

function sameLayout(entry: CatalogueEntry, a: Flags, b: Flags): boolean {
  return JSON.stringify(entry.state(a)) === JSON.stringify(entry.state(b));
}

/** The candidate flag sets for `preset`: each flag changed alone, then each other preset's flags. */
function candidates(entry: CatalogueEntry, preset: PresetName): { flags: Flags; from: 'flag' | PresetName }[] {
  const own = (entry.presets[preset]?.flags ?? {}) as Flags;
  const seen = new Set([keyOf(own)]);
  const out: { flags: Flags; from: 'flag' | PresetName }[] = [];
  const add = (flags: Flags, from: 'flag' | PresetName) => {
    const key = keyOf(flags);
    if (seen.has(key) || !sameLayout(entry, own, flags)) return;
    seen.add(key);
    out.push({ flags, from });
  };
  for (const [name, spec] of Object.entries(entry.flags as Readonly<Record<string, { values: readonly FlagValue[] }>>))
    for (const value of spec.values) add({ ...own, [name]: value }, 'flag');
  for (const other of PRESET_NAMES) {
    const flags = entry.presets[other]?.flags as Flags | undefined;
    if (other !== preset && flags !== undefined) add({ ...flags }, other);
  }
  return out;
}

function changedFrom(own: Flags, flags: Flags): Flags {
  return Object.fromEntries(Object.entries(flags).filter(([k, v]) => own[k] !== v));
}

/**
 * Asks `impl` `cases` seeded one-step cases of `entry` under `preset` and judges its answers under
 * every candidate convention. Errors from the implementation propagate; a candidate whose oracle or
 * bound refuses a case counts that case as failed.
 */
export async function diagnose(
  impl: Implementation | AsyncImplementation,
  entry: CatalogueEntry,
  preset: PresetName,
  options: { readonly cases: number; readonly seed: number },
): Promise<Diagnosis> {
  const own = (entry.presets[preset]?.flags ?? {}) as Flags;
  const samples = fc.sample(stepCase(entry, preset), { seed: options.seed, numRuns: options.cases });
  const tried = [{ flags: own, from: 'flag' as const }, ...candidates(entry, preset)];
  const passed = tried.map(() => 0);
  const oracle = oracleRuleOf(entry.name);
  for (const { config, input } of samples) {
    const produced = await impl.step(config, input);
    tried.forEach(({ flags }, i) => {
      const variant = { ...config, flags } as Configuration;
      try {
        const bound = impl.conformingBound?.(variant, input) ?? impl.bound(variant, input);
        const comparison = compareStep(produced, oracle.step(variant, input), bound);
        if (comparison.mismatches.length === 0) passed[i] = (passed[i] ?? 0) + 1;
      } catch {
        // This convention cannot take this case: it does not pass it.
      }
    });
  }
  const results = tried.map(({ flags, from }, i) => ({
    changed: changedFrom(own, flags),
    from,
    passed: passed[i] ?? 0,
    defects: defectsOf(entry, flags),
  }));
  const [mine, ...others] = results;
  const ranked = others.sort((a, b) => b.passed - a.passed);
  const best = ranked[0];
  const self = mine ?? { changed: {}, from: 'flag' as const, passed: 0, defects: [] };
  const matched = best !== undefined && best.passed === samples.length && self.passed < samples.length;
  return {
    rule: entry.name,
    preset,
    cases: samples.length,
    own: self,
    candidates: ranked,
    ...(matched ? { match: best } : {}),
  };
}

/** The diagnosis in words: the closest convention, or that none of the conventions explains the failures. */
export function describeDiagnosis(d: Diagnosis): string {
  const flags = (c: CandidateResult) =>
    Object.entries(c.changed)
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join(', ') + (c.from === 'flag' ? '' : ` (the ${c.from} preset's conventions)`);
  const head = `${d.rule}/${d.preset}: the preset's own conventions pass ${d.own.passed} of ${d.cases} one-step cases`;
  if (d.match !== undefined) {
    const defect = d.match.defects.length > 0 ? `; a finding: ${d.match.defects.join('; ')}` : '';
    return `${head}; it matches ${flags(d.match)}, which passes all ${d.cases}${defect}`;
  }
  const best = d.candidates[0];
  if (best === undefined) return `${head}; the entry has no other convention to try`;
  return `${head}; no convention explains it (closest: ${flags(best)}, ${best.passed} of ${d.cases})`;
}
