// PyTorch 1.13's torch.optim judged through the gate's protocol (examples/pytorch/gate_adapter.py), in
// float32 and float64, against the verdicts docs/findings.md records: the float64 run fails NAdam alone
// (a formula finding), the float32 run fails NAdam and at most the float32-order findings (Adagrad,
// Adamax, Rprop). Exits 1 when a verdict changes either way: a new failure, or a finding that no longer
// shows (the peer changed, and docs/findings.md must say so). Each report's JSON goes to
// reports/pytorch-<dtype>.json, a column of the conformance matrix (.ci/run).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const runs = process.env.OPTIM_ORACLE_GATE_RUNS ?? '100';
const expected = {
  float64: { must: ['nadam'], may: [] },
  float32: { must: ['nadam', 'rprop'], may: [] },
};
let ok = true;
for (const [dtype, { must, may }] of Object.entries(expected)) {
  const impl = `/usr/bin/python3 examples/pytorch/gate_adapter.py ${dtype}`;
  const r = spawnSync('node', ['bin/optim-oracle.js', 'gate', '--impl', impl, '--runs', runs, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0 && r.status !== 1) {
    console.log(`${dtype}: the gate ended with exit status ${r.status}`);
    ok = false;
    continue;
  }
  const report = JSON.parse(r.stdout);
  mkdirSync('reports', { recursive: true });
  writeFileSync(`reports/pytorch-${dtype}.json`, r.stdout);
  const failing = new Set(report.results.filter((x) => x.properties.some((p) => !p.passed)).map((x) => x.rule));
  const judged = report.results.map((x) => x.rule);
  const unexpected = [...failing].filter((rule) => !must.includes(rule) && !may.includes(rule));
  const vanished = must.filter((rule) => !failing.has(rule));
  console.log(
    `${report.implementation}: ${judged.length} rules, ${report.passed} properties passed, ${report.failed} failed` +
      ` (${[...failing].join(', ') || 'none'})`,
  );
  if (unexpected.length > 0) console.log(`  new failures, not in docs/findings.md: ${unexpected.join(', ')}`);
  if (vanished.length > 0) console.log(`  findings that no longer show: ${vanished.join(', ')}`);
  ok &&= unexpected.length === 0 && vanished.length === 0 && judged.length > 0;
}
process.exit(ok ? 0 : 1);
