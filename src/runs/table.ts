/**
 * Plain-text tables with aligned columns, for terminal reports.
 *
 * @module
 */

/** Renders rows under a header, each column padded to its widest cell; numbers align right. */
export function renderTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[-+0-9.e/∞]*$/.test(r[i] ?? '')));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A measurement with three significant digits, or − when nothing was measured. */
export function formatMeasure(x: number, measured: boolean): string {
  if (!measured) return '−';
  if (!Number.isFinite(x)) return '∞';
  return x === 0 ? '0' : x < 1e-3 || x >= 1e6 ? x.toExponential(2) : x.toPrecision(3);
}
