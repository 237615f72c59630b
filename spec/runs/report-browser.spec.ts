/**
 * The HTML conformance matrix in a browser: `check --json` of a small real run and of the same run
 * with a planted defect, joined by `optim-oracle report --html` into one page of two columns, opened
 * in headless Chromium (Debian's `chromium`, driven by playwright-core). The page must show the row
 * sgd/paper, a pass and a fail cell with the worst err/bound of each report, and each cell's
 * histogram with the report's counts; a screenshot goes to reports/conformance.png. Without
 * /usr/bin/chromium the spec is skipped, unless OPTIM_ORACLE_REQUIRE_CHROMIUM=1 (CI), where it fails.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addHistogram, emptyHistogram } from '../../src/gate/histogram.js';
import type { CheckReport } from '../../src/runs/check-types.js';
import { ratioText } from '../../src/runs/formats/cells.js';
import { backends } from '../backends.js';
import { root, run } from '../cli/in-process.js';
import { smallReport, SMALL } from './report-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const required = process.env['OPTIM_ORACLE_REQUIRE_CHROMIUM'] === '1';
if (required && !hasChromium)
  throw new Error(`OPTIM_ORACLE_REQUIRE_CHROMIUM=1 but ${CHROMIUM} is missing (apt-get install chromium)`);

const backend = backends[0]!;

/** The worst err/bound of a report's only rule and preset, as the page writes it (null in JSON is ∞). */
function worstOf(report: CheckReport): string {
  const ratios = Object.values(report.results[0]!.tally.outputs)
    .filter((m) => m.compared > 0)
    .map((m) => (m.maxRatio === null ? Infinity : m.maxRatio));
  return ratioText(Math.max(...ratios));
}

/** The histogram of a report's only rule and preset, summed over its outputs. */
function histogramOf(report: CheckReport): number[] {
  const h = emptyHistogram();
  for (const x of Object.values(report.results[0]!.tally.histograms!)) addHistogram(h, x);
  return h;
}

describe.skipIf(!hasChromium)(
  hasChromium
    ? 'the HTML conformance matrix in headless Chromium'
    : `the HTML conformance matrix (skipped: ${CHROMIUM} is missing; apt-get install chromium)`,
  () => {
    it('shows sgd/paper with a pass and a fail column, their worst err/bound and their histograms', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'optim-oracle-report-'));
      const [a, b, page] = [join(dir, 'production.json'), join(dir, 'planted.json'), join(dir, 'matrix.html')];
      const checked = await run([
        'check',
        ...['--rule', SMALL.rule, '--preset', SMALL.preset, '--property', SMALL.property],
        ...['--runs', String(SMALL.runs), '--seed', String(SMALL.seed), '--backend', backend, '--json'],
      ]);
      expect(checked.status, checked.err).toBe(0);
      writeFileSync(a, checked.out);
      writeFileSync(b, JSON.stringify(await smallReport(backend, true)));
      const written = await run(['report', '--html', page, a, b]);
      expect(written.status, written.err).toBe(0);
      const reports = [a, b].map((f) => JSON.parse(readFileSync(f, 'utf8')) as CheckReport);
      const html = readFileSync(page, 'utf8');
      expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org)/);

      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: CHROMIUM });
      try {
        const tab = await browser.newPage({ viewport: { width: 900, height: 500 } });
        await tab.goto(pathToFileURL(page).href);
        // What the page shows, read in one round trip: the headings, and per cell of the row sgd/paper its
        // status, text, worst err/bound and the histogram's bars (count, and the height drawn).
        const shown = await tab.evaluate(() => {
          const rows = [...document.querySelectorAll('tr[data-rule="sgd"][data-preset="paper"]')];
          const text = (e: Element | null) => (e as HTMLElement | null)?.innerText ?? null;
          return {
            rows: rows.length,
            headings: [...document.querySelectorAll('th.column')].map((h) => text(h)?.split('\n')[0]),
            cells: [...(rows[0]?.querySelectorAll('td.cell') ?? [])].map((td) => ({
              column: td.getAttribute('data-column'),
              status: td.getAttribute('data-status'),
              statusText: text(td.querySelector('.status')),
              worst: text(td.querySelector('.worst')),
              bars: [...td.querySelectorAll('svg.histogram rect.bin')].map((r) => ({
                count: Number(r.getAttribute('data-count')),
                height: (r as SVGRectElement).getBBox().height,
              })),
            })),
          };
        });
        expect(shown.rows).toBe(1);
        expect(shown.headings).toEqual([
          `optim-oracle on ${backend} (${backend})`,
          `sgd answering params + 1 (${backend})`,
        ]);
        expect(shown.cells.map((c) => [c.column, c.status, c.statusText, c.worst])).toEqual([
          ['0', 'pass', 'pass 1/1', worstOf(reports[0]!)],
          ['1', 'fail', 'fail 0/1', worstOf(reports[1]!)],
        ]);
        for (const [i, cell] of shown.cells.entries()) {
          expect(cell.bars.map((b) => b.count)).toEqual(histogramOf(reports[i]!));
          expect(cell.bars.map((b) => b.height > 0)).toEqual(cell.bars.map((b) => b.count > 0));
        }
        expect(shown.cells[1]!.bars[10]!.count).toBeGreaterThan(0);
        mkdirSync(join(root, 'reports'), { recursive: true });
        const shot = join(root, 'reports', 'conformance.png');
        await tab.screenshot({ path: shot, fullPage: true });
        expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
      } finally {
        await browser.close();
      }
    }, 30_000);
  },
);
