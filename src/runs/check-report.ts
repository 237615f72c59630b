/**
 * The text of a `check` report: by default one row per rule (or regularizer) and preset, within 100
 * columns; with `detail`, one row per output; then each failure with the command that replays it,
 * and what a time limit left unchecked. Rows whose err/bound is at least {@link NEAR_BOUND} are
 * marked `!`.
 *
 * @module
 */
import { tierOf, type CheckReport, type PropertyOutcome, type RuleOutcome } from './check-types.js';
import { formatMeasure, renderTable } from './table.js';

/** The err/bound ratio from which a row is marked as near its bound. */
export const NEAR_BOUND = 0.9;

/** Options of {@link formatReport}. */
export interface ReportFormat {
  /** One row per output instead of per rule and preset. */
  readonly detail?: boolean;
}

/** A ratio rounded down to three decimals, so that 0.9996 never prints as 1.000. */
const ratio = (x: number) => (Math.floor(x * 1000) / 1000).toFixed(3);
const mark = (x: number, measured: boolean) => (measured && x >= NEAR_BOUND ? '!' : '');
const passedOf = (r: RuleOutcome) => `${r.properties.filter((p) => p.passed).length}/${r.properties.length}`;

/** One row per rule and preset: properties passed, elements judged, and the output nearest its bound. */
function summaryTable(report: CheckReport): string {
  const rows = report.results.map((r) => {
    const outputs = Object.entries(r.tally.outputs);
    const judged = outputs.reduce((n, [, m]) => n + m.compared + m.classified, 0);
    const measured = outputs.filter(([, m]) => m.compared > 0);
    const worst = measured.reduce<(typeof outputs)[number] | undefined>(
      (w, o) => (w === undefined || o[1].maxRatio > w[1].maxRatio ? o : w),
      undefined,
    );
    return [
      r.rule,
      r.preset,
      passedOf(r),
      String(judged),
      worst === undefined ? '−' : ratio(worst[1].maxRatio),
      worst?.[0] ?? '−',
      mark(worst?.[1].maxRatio ?? 0, worst !== undefined),
      ...(report.external === true ? [r.properties.every((p) => p.passed) ? tierOf(r.tally) : '−'] : []),
    ];
  });
  return renderTable(
    [
      'rule',
      'preset',
      'properties',
      'judged',
      'worst err/bound',
      'at output',
      '',
      ...(report.external === true ? ['tier'] : []),
    ],
    rows,
  );
}

/** One row per rule, preset and output. */
function detailTable(report: CheckReport): string {
  const rows = report.results.flatMap((r) =>
    Object.entries(r.tally.outputs).map(([output, m]) => {
      const measured = m.compared > 0;
      return [
        r.rule,
        r.preset,
        passedOf(r),
        output,
        String(m.compared),
        String(m.classified),
        String(m.excluded),
        String(m.uncertified),
        formatMeasure(m.maxError, measured),
        formatMeasure(m.maxBound, measured),
        measured ? ratio(m.maxRatio) : '−',
        mark(m.maxRatio, measured),
      ];
    }),
  );
  return renderTable(
    [
      'rule',
      'preset',
      'properties',
      'output',
      'compared',
      'ieee-class',
      'outside',
      'uncertified',
      'max err (u·S)',
      'bound (u·S)',
      'err/bound',
      '',
    ],
    rows,
  );
}

function failureBlock(r: RuleOutcome, p: PropertyOutcome): string {
  if (p.notChecked !== undefined) return `NOT CHECKED ${r.rule}/${r.preset} ${p.name}: ${p.notChecked}`;
  return [
    `FAIL ${r.rule}/${r.preset} ${p.name}: seed ${p.seed}, path ${p.path}`,
    `  ${p.error?.split('\n').join('\n  ')}`,
    `  counterexample: ${p.counterexample}`,
    `  replay: ${p.replay}`,
  ].join('\n');
}

const LEGEND = [
  "worst err/bound: the largest ratio of an error to its own case's derived bound, over the outputs;",
  '≤ 1 passes, ! marks 0.9 or more. judged: elements compared against the bound or by IEEE class.',
  'One row per output: --detail; everything: --json.',
];

const TIER_LEGEND = [
  'tier: exact (bitwise the correctly rounded result), faithful-to-preset (within the bound of the',
  "preset's own operation order), conforming (within the bound of another documented order: docs/protocol.md).",
];

const DETAIL_LEGEND = [
  'max err and bound in units of u·S (u = 2^-24, S the size of the terms combined); err/bound ≤ 1 passes,',
  '! marks 0.9 or more. compared: elements judged against the bound; ieee-class: NaN/±∞ cases judged',
  'by class; outside: float32 overflow or underflow, not judged; uncertified: of those judged, elements',
  'whose exact value the oracle could not place on one side of a rounding boundary (either neighbour passes).',
];

/** Elements judged against an oracle value whose rounding is not certified, over the whole report. */
function uncertifiedCount(report: CheckReport): number {
  return report.results.reduce((n, r) => n + Object.values(r.tally.outputs).reduce((k, m) => k + m.uncertified, 0), 0);
}

/** The report as text, with each failure and the command that replays it. */
export function formatReport(report: CheckReport, format: ReportFormat = {}): string {
  const failures = report.results.flatMap((r) => r.properties.filter((p) => !p.passed).map((p) => failureBlock(r, p)));
  const stopped = report.stoppedAt;
  return [
    `optim-oracle check: ${report.implementation}, seed ${report.seed}, ${report.runs} cases per property${report.shard === undefined ? '' : `, shard ${report.shard.index}/${report.shard.count} (optim-oracle merge joins the shards' --json)`}`,
    '',
    format.detail === true ? detailTable(report) : summaryTable(report),
    '',
    ...(format.detail === true ? DETAIL_LEGEND : LEGEND),
    ...(report.external === true ? TIER_LEGEND : []),
    ...(uncertifiedCount(report) > 0
      ? [
          `${uncertifiedCount(report)} judged elements had an uncertified oracle value: closer to a rounding boundary than`,
          '2560-digit arithmetic separates; either float32 neighbour passes (--detail shows where).',
        ]
      : []),
    ...(failures.length > 0 ? ['', ...failures] : []),
    ...(report.broken === undefined
      ? []
      : [
          '',
          `${report.implementation} broke the protocol; ${report.broken.notChecked.length} properties not run:`,
          report.broken.message,
        ]),
    ...(stopped === undefined
      ? []
      : [
          '',
          `stopped by --max-time ${stopped.maxSeconds} after ${stopped.checked} properties; ${stopped.notChecked.length} not checked (--json lists them)`,
        ]),
    '',
    `${report.passed} passed, ${report.failed} failed`,
  ].join('\n');
}
