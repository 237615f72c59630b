/**
 * `optim-oracle report FILE...`: the `--json` outputs of `check`, `gate` or `merge` runs as Markdown,
 * JUnit XML or the HTML conformance matrix, each file a column of the matrix (ours per backend,
 * `tf.train.*`, PyTorch float32 and float64, …).
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { OptionError } from '../../../core/catalogue/errors.js';
import { htmlReport } from '../../runs/formats/html.js';
import { junitReport } from '../../runs/formats/junit.js';
import { markdownReport } from '../../runs/formats/markdown.js';
import { parseShardReport } from '../../runs/merge.js';
import type { AnyReport } from '../../runs/formats/cells.js';
import { EXIT } from '../exit.js';
import type { Command } from './command.js';
import { text } from './common.js';
import { columnOf, REPORT_FILE_FLAGS } from './report-files.js';

/** `report`. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'write the --json reports of check, gate or merge as Markdown, JUnit XML or an HTML conformance matrix',
  positionals: { usage: 'FILE...', max: Infinity },
  flags: {
    html: { ...REPORT_FILE_FLAGS.html, help: 'write the conformance matrix to FILE, one column per report given' },
    markdown: { ...REPORT_FILE_FLAGS.markdown, help: 'write the report (one file given) as Markdown to FILE' },
    junit: { ...REPORT_FILE_FLAGS.junit, help: 'write the report (one file given) as JUnit XML to FILE' },
  },
  notes: ['Several files make several columns of the HTML matrix; Markdown and JUnit take one report.'],
  async run(values, files, { out }) {
    const [html, markdown, junit] = [text(values, 'html'), text(values, 'markdown'), text(values, 'junit')];
    if (html === undefined && markdown === undefined && junit === undefined)
      throw new OptionError('report needs --html FILE, --markdown FILE or --junit FILE');
    if (files.length === 0)
      throw new OptionError(
        'report takes the --json files of check, gate or merge runs (optim-oracle report --html out.html a.json b.json)',
      );
    if ((markdown !== undefined || junit !== undefined) && files.length > 1)
      throw new OptionError(
        `--markdown and --junit write one report; got ${files.length} files (--html takes several)`,
      );
    const reports = files.map((file) => {
      const parsed = parseShardReport(file, readFileSync(file, 'utf8'));
      if (parsed.kind !== 'check')
        throw new OptionError(`${file} is a bounds table; report takes check, gate or merge reports`);
      return parsed.report as AnyReport;
    });
    const [first] = reports;
    if (first === undefined) throw new OptionError('report takes at least one file');
    const written: string[] = [];
    if (html !== undefined) {
      writeFileSync(html, htmlReport(reports.map(columnOf)));
      written.push(html);
    }
    if (markdown !== undefined) {
      writeFileSync(markdown, markdownReport(first));
      written.push(markdown);
    }
    if (junit !== undefined) {
      writeFileSync(junit, junitReport(first));
      written.push(junit);
    }
    out.write(`wrote ${written.join(', ')} from ${files.length} report${files.length === 1 ? '' : 's'}\n`);
    return EXIT.ok;
  },
};
