// TensorFlow.js's tf.train optimizers judged in process by the gate (src/gate/adapters/tf-train.ts), on
// wasm and cpu, 300 cases per property over the full domain, against the verdicts docs/findings.md
// records: every rule passes (Adam and AdaMax at the conforming tier, F-J1 to F-J3) except AdaMax on
// wasm, whose maximum forgets a NaN gradient (F-J4). Exits 1 when a verdict changes either way. Runs on
// the built package (dist/).
// Each report's JSON goes to reports/tf-train-<backend>.json, a column of the conformance matrix (.ci/run).
import { mkdirSync, writeFileSync } from 'node:fs';
import { formatReport, gate, tfTrain } from '../dist/src/index.js';

const runs = Number(process.env.OPTIM_ORACLE_GATE_RUNS ?? '300');
const expected = { wasm: ['adamax'], cpu: [] };
let ok = true;
for (const backend of ['wasm', 'cpu']) {
  const report = await gate(tfTrain(backend), { runs, backend, domain: 'full' });
  mkdirSync('reports', { recursive: true });
  writeFileSync(`reports/tf-train-${backend}.json`, JSON.stringify(report));
  const failing = report.results.filter((r) => r.properties.some((p) => !p.passed)).map((r) => r.rule);
  const unexpected = failing.filter((r) => !expected[backend].includes(r));
  const vanished = expected[backend].filter((r) => !failing.includes(r));
  console.log(
    `tf.train on ${backend}: ${report.passed} properties passed, ${report.failed} failed (${failing.join(', ')})`,
  );
  if (unexpected.length > 0)
    console.log(formatReport(report), `\nnew failures, not in docs/findings.md: ${unexpected.join(', ')}`);
  if (vanished.length > 0) console.log(`findings that no longer show: ${vanished.join(', ')}`);
  ok &&= unexpected.length === 0 && vanished.length === 0 && report.results.length === 9;
}
process.exit(ok ? 0 : 1);
