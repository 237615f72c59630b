/**
 * Judging a monitor's production decisions against the oracle's, comparison by comparison. Both
 * make the same comparisons in the same order as long as their decisions agree; for each, the gate
 * knows the exact operands L, R (oracle), the floats L̂, R̂ production compared and their derived
 * error bounds e_L, e_R (production run on {@link boundedOps}). Then:
 *
 * - |L̂ − L| ≤ e_L and |R̂ − R| ≤ e_R must hold (the bound is derived correctly);
 * - production can decide `L̂ op R̂` otherwise than the exact `L op R` only when |L − R| ≤ e_L + e_R
 *   (the signs of L − R and L̂ − R̂ differ, so |L − R| ≤ |(L̂ − R̂) − (L − R)|): such a comparison is
 *   counted as within rounding of its threshold, and where the two decisions do differ, the case is
 *   counted as diverged within rounding and not compared further (the two runs no longer hold the
 *   same state). A differing decision outside the rounding band is a failure;
 * - where no decision differed, every epoch's counters and the stop, best and restored epochs must
 *   be equal.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { Comparison, MonitorOutcome } from '../../../core/catalogue/monitors/monitor-types.js';
import { exactOfDouble } from '../../../oracle/float64-decimal.js';
import { Exact, type ExactValue } from '../../../oracle/monitors/exact.js';
import type { Bounded } from './bounded-ops.js';

/** What judging one case found. */
export interface MonitorJudgement {
  /** Comparisons judged. */
  readonly comparisons: number;
  /** Largest |L̂ − L| + |R̂ − R| over the comparisons, and the bound e_L + e_R there, as numbers. */
  readonly worst: { readonly error: number; readonly bound: number; readonly scale: number };
  /** Largest (|L̂ − L| + |R̂ − R|) / (e_L + e_R) (0 where both are 0). */
  readonly maxRatio: number;
  /** Set when a decision differed within rounding: where, and by how much. */
  readonly diverged?: {
    readonly epoch: number;
    readonly what: string;
    readonly margin: number;
    readonly bound: number;
  };
  /** Set when production and the oracle disagree beyond rounding: what differed. */
  readonly mismatch?: string;
}

/** |x̂ − x| exactly (0 when both are the same infinity or both NaN, ∞ when only one is finite). */
function distance(produced: number, exact: ExactValue): Decimal {
  if (!exact.isFinite() || !Number.isFinite(produced)) {
    const same = Number.isNaN(produced) ? exact.isNaN() : exact.eq(produced);
    return new Exact(same ? 0 : Infinity);
  }
  return exactOfDouble(produced).minus(exact).abs();
}

const outcomeOf = (o: MonitorOutcome<unknown>) =>
  JSON.stringify({ stop: o.stopEpoch, reason: o.reason, best: o.bestEpoch, restored: o.restoredEpoch });
const epochOf = (e: MonitorOutcome<unknown>['epochs'][number]) =>
  JSON.stringify({ epoch: e.epoch, monitored: e.monitored, improved: e.improved, wait: e.wait, stop: e.stop });

/** Judges production (on bounded values) against the oracle on one case. */
export function judgeMonitor(oracle: MonitorOutcome<ExactValue>, produced: MonitorOutcome<Bounded>): MonitorJudgement {
  let comparisons = 0;
  let maxRatio = 0;
  let worst = { error: 0, bound: 0, scale: 0 };
  const result = (extra: Partial<MonitorJudgement>): MonitorJudgement => ({
    comparisons,
    worst,
    maxRatio,
    ...extra,
  });
  const judge = (
    epoch: number,
    o: Comparison<ExactValue>,
    p: Comparison<Bounded>,
  ): Partial<MonitorJudgement> | undefined => {
    if (o.what !== p.what || o.op !== p.op)
      return { mismatch: `epoch ${epoch}: the oracle compares ${o.what} (${o.op}), production ${p.what} (${p.op})` };
    comparisons += 1;
    const bound = new Exact(p.left.e).plus(p.right.e);
    const error = distance(p.left.v, o.left).plus(distance(p.right.v, o.right));
    const ratio = error.isZero() ? 0 : error.div(bound).toNumber();
    if (ratio > maxRatio) {
      maxRatio = ratio;
      const finite = [p.left.v, p.right.v].filter(Number.isFinite).map(Math.abs);
      worst = { error: error.toNumber(), bound: bound.toNumber(), scale: Math.max(0, ...finite) };
    }
    if (error.gt(bound))
      return {
        mismatch: `epoch ${epoch}, ${o.what}: production's operands ${p.left.v}, ${p.right.v} are ${error.toExponential(3)} from the exact ones, beyond their bound ${bound.toExponential(3)}`,
      };
    const margin = o.left.isFinite() && o.right.isFinite() ? o.left.minus(o.right).abs() : new Exact(Infinity);
    const near = margin.lte(bound);
    if (o.holds === p.holds) return undefined;
    if (!near)
      return {
        mismatch: `epoch ${epoch}, ${o.what}: production decides ${p.left.v} ${o.op} ${p.right.v} is ${p.holds}, exactly it is ${o.holds}, and the operands are ${margin.toExponential(3)} apart, beyond the rounding bound ${bound.toExponential(3)}`,
      };
    return { diverged: { epoch, what: o.what, margin: margin.toNumber(), bound: bound.toNumber() } };
  };
  for (const [i, o] of oracle.epochs.entries()) {
    const p = produced.epochs[i];
    if (p === undefined) return result({ mismatch: `production stopped before epoch ${o.epoch}; the oracle did not` });
    for (const [j, oc] of o.comparisons.entries()) {
      const pc = p.comparisons[j];
      if (pc === undefined) return result({ mismatch: `epoch ${o.epoch}: production made no comparison ${oc.what}` });
      const found = judge(o.epoch, oc, pc);
      if (found !== undefined) return result(found);
    }
    if (p.comparisons.length !== o.comparisons.length)
      return result({
        mismatch: `epoch ${o.epoch}: production made ${p.comparisons.length} comparisons, the oracle ${o.comparisons.length}`,
      });
    if (epochOf(p) !== epochOf(o))
      return result({ mismatch: `epoch ${o.epoch}: production ${epochOf(p)}, oracle ${epochOf(o)}` });
  }
  if (produced.epochs.length !== oracle.epochs.length)
    return result({ mismatch: `production ran ${produced.epochs.length} epochs, the oracle ${oracle.epochs.length}` });
  if (outcomeOf(produced) !== outcomeOf(oracle))
    return result({ mismatch: `production ${outcomeOf(produced)}, oracle ${outcomeOf(oracle)}` });
  return result({});
}
