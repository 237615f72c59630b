/**
 * A `check` or `gate` report as GitHub-flavoured Markdown, for a CI step summary
 * (`--markdown "$GITHUB_STEP_SUMMARY"`): a table of the rules and presets, then each failure with the
 * command that replays it.
 *
 * @module
 */
import { cellsOf, ratioText, titleOf, type AnyReport, type CellStatus } from './cells.js';

const STATUS: Readonly<Record<CellStatus, string>> = { pass: '✅ pass', fail: '❌ fail', finding: '⚠️ finding' };

/** Markdown table text: `|` and line breaks escaped. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

/** The report as Markdown. */
export function markdownReport(report: AnyReport): string {
  const rows = cellsOf(report).map((c) =>
    [
      c.rule,
      c.preset,
      STATUS[c.status],
      `${c.passed}/${c.properties}`,
      ratioText(c.worst),
      c.worstOutput ?? '−',
      c.findings.join('; '),
    ].map(cell),
  );
  const failures = report.results.flatMap((r) =>
    r.properties
      .filter((p) => !p.passed)
      .map((p) =>
        [
          `- **${r.rule}/${r.preset} ${p.name}**: ${cell(p.notChecked ?? p.error?.split('\n')[0] ?? 'failed')}`,
          ...(p.replay === undefined ? [] : ['', '  ```sh', `  ${p.replay}`, '  ```']),
        ].join('\n'),
      ),
  );
  const verdict = report.failed === 0 && report.broken === undefined ? '✅' : '❌';
  return [
    `## optim-oracle: ${cell(titleOf(report))}`,
    '',
    `${verdict} ${report.passed} passed, ${report.failed} failed`,
    '',
    '| rule | preset | status | properties | worst err/bound | at output | findings |',
    '| --- | --- | --- | ---: | ---: | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    'err/bound: the largest ratio of an error to its own case’s derived bound; ≤ 1 passes.',
    ...(failures.length > 0 ? ['', '### Failures', '', ...failures] : []),
    ...(report.broken === undefined
      ? []
      : [
          '',
          '### Broken',
          '',
          `${cell(report.broken.message)} (${report.broken.notChecked.length} properties not run)`,
        ]),
    '',
  ].join('\n');
}
