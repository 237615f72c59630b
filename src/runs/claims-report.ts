/**
 * The text of a `claims` report: one block per claim, grouped, with its verdict, bound, measurement
 * and counterexample, and what a time limit left unchecked.
 *
 * @module
 */
import { CLAIM_GROUPS, formatValue, groupOf } from '../claims/index.js';
import type { ClaimsReport } from './claims.js';

/** At most this many counterexample values are printed as text (--json prints all). */
const SHOWN_VALUES = 8;

/** The report as text, grouped, one block per claim. */
export function formatClaims(report: ClaimsReport): string {
  const lines: string[] = [`optim-oracle claims: seed ${report.seed}; float32 claims on ${report.backend}`];
  let group = '';
  for (const o of report.outcomes) {
    const g = groupOf(o);
    if (g !== group) {
      group = g;
      lines.push('', CLAIM_GROUPS[g] ?? g);
    }
    const verdict = o.verdict.toUpperCase();
    lines.push(`  ${verdict.padEnd(16)} ${o.id}  [${o.on}, ${o.cases} cases, ${o.seconds.toFixed(1)} s]`);
    const indent = ' '.repeat(19);
    lines.push(`${indent}${o.statement}`);
    if (o.bound !== undefined) lines.push(`${indent}bound: ${o.bound}`);
    if (o.measured !== undefined) lines.push(`${indent}measured: ${o.measured}`);
    if (o.counterexample !== undefined) {
      const values = o.counterexample;
      lines.push(
        `${indent}counterexample (shrunk by fast-check; replay: claims --claim ${o.id} --seed ${o.seed}${o.path === undefined ? '' : ` --path ${o.path}`}):`,
      );
      for (const v of values.slice(0, SHOWN_VALUES)) lines.push(`${indent}  ${formatValue(v)}`);
      if (values.length > SHOWN_VALUES)
        lines.push(`${indent}  … and ${values.length - SHOWN_VALUES} more (--json prints them all)`);
    }
    if (o.reason !== undefined) lines.push(`${indent}${o.verdict === 'refuted' ? 'because' : 'note'}: ${o.reason}`);
    if (o.verdict !== o.expected) lines.push(`${indent}SURPRISE: docs/claims.md reports '${o.expected}'`);
  }
  const count = (v: string) => report.outcomes.filter((o) => o.verdict === v).length;
  const stopped = report.stoppedAt;
  if (stopped !== undefined)
    lines.push(
      '',
      `stopped by --max-time ${stopped.maxSeconds} after ${stopped.checked} claims; not checked: ${stopped.notChecked.join(', ')}`,
    );
  const unchecked = count('not checked');
  lines.push(
    '',
    `${report.outcomes.length} claims: ${count('holds')} hold, ${count('holds with bound')} hold with a bound, ${count('refuted')} refuted${unchecked > 0 ? `, ${unchecked} not checked` : ''}; ${report.surprises} differ from docs/claims.md`,
  );
  return lines.join('\n');
}
