/**
 * The conformance matrix as one self-contained HTML page (inline CSS and SVG, no script, nothing
 * fetched): rows rule × preset, one column per report given (ours on a backend, `tf.train.*` through
 * the in-process gate, PyTorch float32 and float64 through the protocol, …), each cell the status,
 * the worst err/bound and an SVG histogram of err/bound over every compared element (the bins of
 * src/gate/histogram.ts; the last, red, counts the elements above their bound).
 *
 * @module
 */
import { HISTOGRAM_LABELS } from '../../gate/histogram.js';
import { cellsOf, ratioText, titleOf, type AnyReport, type Cell } from './cells.js';
import { xmlEscape } from './junit.js';

/** One column: a report and its heading. */
export interface Column {
  readonly label: string;
  readonly report: AnyReport;
}

const BAR = 10;
const GAP = 2;
const HEIGHT = 36;

/** The SVG histogram of a cell: one bar per bin, its height proportional to the count (≥ 1 px when not 0). */
export function histogramSvg(histogram: readonly number[]): string {
  const top = Math.max(1, ...histogram);
  const width = histogram.length * (BAR + GAP);
  const bars = histogram.map((count, i) => {
    const h = count === 0 ? 0 : Math.max(1, Math.round((count / top) * HEIGHT));
    const label = `err/bound in ${HISTOGRAM_LABELS[i] ?? '?'}: ${count}`;
    return `<rect class="bin${i === histogram.length - 1 ? ' over' : ''}" data-bin="${i}" data-count="${count}" x="${i * (BAR + GAP)}" y="${HEIGHT - h}" width="${BAR}" height="${h}"><title>${xmlEscape(label)}</title></rect>`;
  });
  return `<svg class="histogram" role="img" aria-label="err/bound histogram" width="${width}" height="${HEIGHT + 1}" viewBox="0 0 ${width} ${HEIGHT + 1}"><line x1="0" y1="${HEIGHT + 0.5}" x2="${width}" y2="${HEIGHT + 0.5}" class="axis"/>${bars.join('')}</svg>`;
}

function cellHtml(column: number, c: Cell | undefined): string {
  if (c === undefined) return `<td class="cell none" data-column="${column}" data-status="none">not judged</td>`;
  const findings = c.findings.length === 0 ? '' : `<div class="findings">${xmlEscape(c.findings.join('; '))}</div>`;
  const total = c.histogram.reduce((n, k) => n + k, 0);
  return [
    `<td class="cell ${c.status}" data-column="${column}" data-status="${c.status}" data-worst="${ratioText(c.worst)}" data-compared="${total}">`,
    `<div class="status">${c.status} ${c.passed}/${c.properties}</div>`,
    `<div class="worst" title="worst err/bound, at ${xmlEscape(c.worstOutput ?? '−')}">${ratioText(c.worst)}</div>`,
    histogramSvg(c.histogram),
    findings,
    '</td>',
  ].join('');
}

const STYLE = `
body { font: 14px system-ui, sans-serif; margin: 1.5em; color: #222; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; }
th { background: #f4f4f4; text-align: left; }
td.pass { background: #eaf7ea; } td.fail { background: #fbe4e4; } td.finding { background: #fff4d6; }
td.none { color: #999; }
.status { font-weight: 600; } .worst { font-family: monospace; }
.findings { max-width: 22em; font-size: 12px; }
svg.histogram rect.bin { fill: #4a7fb5; } svg.histogram rect.over { fill: #c0392b; }
svg.histogram .axis { stroke: #999; stroke-width: 1; }
`;

/** The page: the matrix of every rule and preset any column judged, in the order first met. */
export function htmlReport(columns: readonly Column[]): string {
  const cells = columns.map((c) => new Map(cellsOf(c.report).map((x) => [`${x.rule}/${x.preset}`, x])));
  const rows: { rule: string; preset: string }[] = [];
  const seen = new Set<string>();
  for (const c of columns)
    for (const r of c.report.results) {
      const key = `${r.rule}/${r.preset}`;
      if (!seen.has(key)) rows.push({ rule: r.rule, preset: r.preset });
      seen.add(key);
    }
  const head = columns.map(
    (c, i) =>
      `<th class="column" data-column="${i}" title="${xmlEscape(titleOf(c.report))}">${xmlEscape(c.label)}<br><small>${c.report.passed} passed, ${c.report.failed} failed</small></th>`,
  );
  const body = rows.map(
    (r) =>
      `<tr data-rule="${xmlEscape(r.rule)}" data-preset="${xmlEscape(r.preset)}"><th>${xmlEscape(r.rule)}</th><th>${xmlEscape(r.preset)}</th>${cells.map((m, i) => cellHtml(i, m.get(`${r.rule}/${r.preset}`))).join('')}</tr>`,
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<title>optim-oracle conformance matrix</title>',
    `<style>${STYLE}</style></head><body>`,
    '<h1>optim-oracle conformance matrix</h1>',
    '<p>Each cell: pass, fail, or finding (passed, on a preset that encodes a framework defect); properties passed; the worst',
    "err/bound (the largest ratio of an error to its own case's derived bound, ≤ 1 passes); and the histogram of err/bound",
    `over every compared element in the bins ${xmlEscape(HISTOGRAM_LABELS.join(' '))} (red: above the bound).</p>`,
    '<table class="matrix"><thead><tr><th>rule</th><th>preset</th>',
    ...head,
    '</tr></thead><tbody>',
    ...body,
    '</tbody></table></body></html>',
    '',
  ].join('\n');
}
