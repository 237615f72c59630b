/**
 * What the Markdown, JUnit and HTML reports show of each rule and preset of a `check` or `gate`
 * `--json` report: its status (pass, fail, or finding: passed, but the preset encodes a framework's
 * defect), its worst err/bound over the outputs, and the histogram of err/bound summed over the outputs.
 *
 * @module
 */
import { addHistogram, emptyHistogram } from '../../gate/histogram.js';
import type { CheckReport, RuleOutcome } from '../check-types.js';

/** A `check` report, or a `gate` report with its findings. */
export type AnyReport = CheckReport & {
  readonly findings?: readonly { readonly rule: string; readonly preset: string; readonly finding: string }[];
};

/** pass: every property passed; fail: one did not; finding: passed, on a preset that encodes a defect. */
export type CellStatus = 'pass' | 'fail' | 'finding';

/** One rule and preset of one report. */
export interface Cell {
  readonly rule: string;
  readonly preset: string;
  readonly status: CellStatus;
  readonly passed: number;
  readonly properties: number;
  /** The largest err/bound over the outputs (∞ for a failed bitwise comparison); undefined: none compared. */
  readonly worst: number | undefined;
  /** The output where `worst` was measured. */
  readonly worstOutput: string | undefined;
  /** err/bound counts over the outputs, in the bins of src/gate/histogram.ts. */
  readonly histogram: number[];
  /** The findings of the preset (gate reports). */
  readonly findings: readonly string[];
}

/** A JSON ratio: null is ∞ (JSON has none). */
const ratioOf = (x: number | null) => (x === null ? Infinity : x);

/** The cell of one rule and preset. */
export function cellOf(report: AnyReport, r: RuleOutcome): Cell {
  const measured = Object.entries(r.tally.outputs).filter(([, m]) => m.compared > 0);
  let worst: number | undefined;
  let worstOutput: string | undefined;
  for (const [output, m] of measured) {
    const x = ratioOf(m.maxRatio as number | null);
    if (worst === undefined || x > worst) [worst, worstOutput] = [x, output];
  }
  const histogram = emptyHistogram();
  for (const h of Object.values(r.tally.histograms ?? {})) addHistogram(histogram, h);
  const passed = r.properties.filter((p) => p.passed).length;
  const findings = (report.findings ?? []).filter((f) => f.rule === r.rule && f.preset === r.preset);
  const status: CellStatus = passed < r.properties.length ? 'fail' : findings.length > 0 ? 'finding' : 'pass';
  return {
    rule: r.rule,
    preset: r.preset,
    status,
    passed,
    properties: r.properties.length,
    worst,
    worstOutput,
    histogram,
    findings: findings.map((f) => f.finding),
  };
}

/** Every cell of a report, in its order. */
export function cellsOf(report: AnyReport): Cell[] {
  return report.results.map((r) => cellOf(report, r));
}

/**
 * A ratio rounded down to three decimals (0.9996 never prints as 1.000), from 1000 on with three
 * significant digits (1.23e+5), ∞, or − when none was measured.
 */
export function ratioText(x: number | undefined): string {
  if (x === undefined) return '−';
  if (!Number.isFinite(x)) return '∞';
  if (x >= 1000) return x.toExponential(2);
  return (Math.floor(x * 1000) / 1000).toFixed(3);
}

/** The report's title line: the implementation, its backend, seed and cases. */
export function titleOf(report: AnyReport): string {
  return `${report.implementation} (${report.backend}), seed ${report.seed}, ${report.runs} cases per property`;
}
