/**
 * The report files `check`, `gate` and `report` write besides what they print: `--markdown FILE` (a
 * CI step summary), `--junit FILE` (JUnit XML) and `--html FILE` (the conformance matrix), from
 * src/runs/formats/.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { htmlReport, type Column } from '../../runs/formats/html.js';
import type { AnyReport } from '../../runs/formats/cells.js';
import { junitReport } from '../../runs/formats/junit.js';
import { markdownReport } from '../../runs/formats/markdown.js';
import type { Flag, Values } from './command.js';
import { text } from './common.js';

/** The flags of the report files. */
export const REPORT_FILE_FLAGS: Readonly<Record<'markdown' | 'junit' | 'html', Flag>> = {
  markdown: {
    type: 'string',
    value: 'FILE',
    help: 'also write the report as Markdown to FILE (a CI step summary: --markdown "$GITHUB_STEP_SUMMARY")',
  },
  junit: { type: 'string', value: 'FILE', help: 'also write the report as JUnit XML to FILE' },
  html: {
    type: 'string',
    value: 'FILE',
    help: 'also write the conformance matrix as a self-contained HTML page to FILE',
  },
};

/** A report's column heading in the matrix: the implementation and its backend. */
export const columnOf = (report: AnyReport): Column => ({
  label: `${report.implementation} (${report.backend})`,
  report,
});

/** Writes the files the flags ask for; an unwritable file throws Node's error (exit status 4). */
export function writeReportFiles(values: Values, report: AnyReport): void {
  const markdown = text(values, 'markdown');
  const junit = text(values, 'junit');
  const html = text(values, 'html');
  if (markdown !== undefined) writeFileSync(markdown, markdownReport(report));
  if (junit !== undefined) writeFileSync(junit, junitReport(report));
  if (html !== undefined) writeFileSync(html, htmlReport([columnOf(report)]));
}
