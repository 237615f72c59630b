/**
 * The text of a `check` report: the table of measurements, each failure and the command that replays it.
 *
 * @module
 */
import type { CheckReport } from './check.js';
import { formatMeasure, renderTable } from './table.js';

/** The report as a table, with each failure and the command that replays it. */
export function formatReport(report: CheckReport): string {
  const header = ['rule', 'preset', 'properties', 'output', 'compared', 'ieee-class', 'outside', 'max err (u·S)', 'bound (u·S)', 'err/bound'];
  const rows: string[][] = [];
  for (const r of report.results) {
    const passed = `${r.properties.filter((p) => p.passed).length}/${r.properties.length}`;
    for (const [output, m] of Object.entries(r.tally.outputs)) {
      const measured = m.compared > 0;
      rows.push([r.rule, r.preset, passed, output, String(m.compared), String(m.classified), String(m.excluded),
        formatMeasure(m.maxError, measured), formatMeasure(m.maxBound, measured), measured ? (Math.floor(m.maxRatio * 1000) / 1000).toFixed(3) : '−']);
    }
  }
  const failures = report.results.flatMap((r) =>
    r.properties.filter((p) => !p.passed).map((p) => [`FAIL ${r.rule}/${r.preset} ${p.name}: seed ${p.seed}, path ${p.path}`, `  ${p.error?.split('\n').join('\n  ')}`, `  counterexample: ${p.counterexample}`, `  replay: ${p.replay}`].join('\n')),
  );
  return [
    `optim-oracle check: ${report.implementation}, seed ${report.seed}, ${report.runs} cases per property`,
    '',
    renderTable(header, rows),
    '',
    'max err and bound in units of u·S (u = 2^-24, S the size of the terms combined); err/bound ≤ 1 passes.',
    'compared: elements judged against the bound; ieee-class: NaN/±∞ cases judged by class; outside: float32 overflow or underflow, not judged.',
    ...(failures.length > 0 ? ['', ...failures] : []),
    '',
    `${report.passed} passed, ${report.failed} failed`,
  ].join('\n');
}
