/**
 * A time limit stops a run cleanly: the running property or claim stops after its current case
 * (counting the cases made), no new one starts, and the report says which were not checked. Progress
 * is reported before each unit and once at the end.
 */
import { boundShardHolding } from './bound-shards.js';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/runs/check.js';
import { runClaims } from '../../src/runs/claims.js';
import { selectClaims } from '../../src/claims/index.js';
import { boundTableProblems, measureBoundTable } from '../../src/gate/bound-table.js';
import { production } from '../../src/gate/implementation.js';
import { startClock, type Progress } from '../../src/gate/progress.js';
import { backends } from '../backends.js';

const backend = backends[0]!;

describe('runCheck with maxSeconds', () => {
  it('cuts the running property at the limit, starts no other, and lists those not checked', async () => {
    const seen: Progress[] = [];
    const r = await runCheck({
      rule: 'adam',
      runs: 1_000_000,
      seed: 1,
      backend,
      maxSeconds: 1,
      progress: (p) => seen.push(p),
    });
    const first = r.results[0]!.properties[0]!;
    expect(first).toMatchObject({ name: 'one-step', passed: true, interrupted: true });
    expect(first.runs).toBeGreaterThan(0);
    expect(first.runs).toBeLessThan(1_000_000);
    expect(r).toMatchObject({ passed: 1, failed: 0 });
    expect(r.stoppedAt).toEqual({
      maxSeconds: 1,
      checked: 1,
      notChecked: [
        'adam/paper one-step-nonfinite',
        'adam/paper trajectory',
        ...['pytorch', 'keras', 'tfjs'].flatMap((p) => [
          ...['one-step', 'one-step-nonfinite', 'trajectory'].map((n) => `adam/${p} ${n}`),
          // Under the presets that have schedules, Adam is checked with one too; under keras, with Keras's wrapper.
          ...(p === 'tfjs' ? [] : [`adam/${p} one-step-scheduled`]),
          ...(p === 'keras' ? [`adam/${p} keras-wrapper`] : []),
        ]),
      ],
    });
    expect(seen.map((p) => [p.done, p.total, p.current])).toEqual([
      [0, 15, 'adam/paper one-step (1000000 cases)'],
      [1, 15, ''],
    ]);
    expect(seen[1]!.elapsedSeconds).toBeGreaterThanOrEqual(1);
  });

  it('without a limit, reports each property as it starts and the end, and no stop', async () => {
    const seen: Progress[] = [];
    const r = await runCheck({
      rule: 'sgd',
      preset: 'paper',
      runs: 2,
      seed: 1,
      backend,
      progress: (p) => seen.push(p),
    });
    expect(r.stoppedAt).toBeUndefined();
    expect(seen.map((p) => [p.done, p.total, p.current])).toEqual([
      [0, 3, 'sgd/paper one-step (2 cases)'],
      [1, 3, 'sgd/paper one-step-nonfinite (2 cases)'],
      [2, 3, 'sgd/paper trajectory (2 cases)'],
      [3, 3, ''],
    ]);
    for (const [a, b] of seen.slice(1).map((p, i) => [seen[i]!.elapsedSeconds, p.elapsedSeconds]))
      expect(b).toBeGreaterThanOrEqual(a!);
  });
});

describe('runClaims with maxSeconds', () => {
  it('stops at the limit with the claims checked so far, the last one cut short, and lists the rest', async () => {
    // Claims that hold, so that the claim running at the limit is the one cut there: a refuted claim
    // (paper-bound, first under 'adam-step') may find and shrink its counterexample past the limit
    // without being marked as cut, and the run then stops after it, which made this test flaky.
    const ids = selectClaims('adam-step/tight').map((c) => c.id);
    expect(ids.length).toBeGreaterThan(1);
    const seen: Progress[] = [];
    const r = await runClaims({
      claim: 'adam-step/tight',
      runs: 1_000_000,
      seed: 1,
      backend,
      maxSeconds: 1,
      progress: (p) => seen.push(p),
    });
    expect(r.stoppedAt).toBeDefined();
    expect(r.stoppedAt!.checked).toBe(r.outcomes.length);
    expect([...r.outcomes.map((o) => o.id), ...r.stoppedAt!.notChecked]).toEqual(ids);
    expect(r.stoppedAt!.notChecked.length).toBeGreaterThan(0);
    const last = r.outcomes.at(-1)!;
    expect(last.interrupted).toBe(true);
    expect(last.cases).toBeLessThan(1_000_000);
    expect(seen.at(-1)).toMatchObject({ done: r.outcomes.length, total: ids.length, current: '' });
  });
});

describe('measureBoundTable with maxSeconds', () => {
  it('leaves out the pair cut short and those not started, and reports the table incomplete', () => {
    const { shard, pairs } = boundShardHolding('sgd/paper', 23);
    const table = measureBoundTable(production(backend), { cases: 1_000_000, seed: 1, shard, maxSeconds: 1 });
    expect(table.rows).toEqual([]);
    expect(table.stoppedAt!.checked).toBe(1);
    expect(table.stoppedAt!.notChecked[0]).toMatch(new RegExp(`^${pairs[0]} \\(cut after \\d+ of 1000000 cases\\)$`));
    expect(table.stoppedAt!.notChecked.slice(1)).toEqual(pairs.slice(1));
    expect(boundTableProblems(table)[0]).toBe('nothing measured: the table has no row');
    expect(boundTableProblems(table)[1]).toMatch(
      /^stopped at the time limit \(1 s\) after 1 rule\/preset pairs; not measured: /,
    );
  });
});

describe('startClock', () => {
  // fast-check's own timer may cut a unit a millisecond before the clock's deadline; a CI run once
  // started a second bounds pair in that millisecond. A cut unit ends the run whatever the clock says.
  it('expires once a unit was cut, even before its deadline', () => {
    const clock = startClock(3600);
    expect(clock.expired()).toBe(false);
    clock.cut();
    expect(clock.expired()).toBe(true);
  });

  it('never expires without a limit, cut or not', () => {
    const clock = startClock(undefined);
    clock.cut();
    expect(clock.expired()).toBe(false);
    expect(clock.interruption()).toEqual({});
  });
});
