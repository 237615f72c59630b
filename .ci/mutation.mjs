// The incremental mutation check (docs/mutation.md): Stryker over the folders whose score is measured,
// from (a copy of) the committed results, so that only the mutants whose code or covering tests changed
// run again; then each folder's score against its floor. A folder with no mutant judged checked nothing
// and fails. Four runs: the main config (the production rules and regularizers, the judge), the
// bounds' config (src/gate/bound/ against its unit specs and the narrower spec set), the oracle's
// arithmetic, rules, drivers and tape (against the oracle's own specs) and the rest of oracle/, its
// formulas and augmentations outside the arithmetic (against their closed-form specs).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import formulas from '../stryker.oracle-formulas.config.mjs';

/** Each Stryker run: its config, its committed results, its JSON report, and the folders it scores (issue 16: at least 95%). */
const RUNS = [
  {
    config: 'stryker.config.mjs',
    committed: 'mutation/incremental.json',
    report: 'reports/mutation/mutation.json',
    folders: [
      {
        name: 'the production rules',
        globs: ['src/production/rules/**/*.ts'],
        floor: 95,
      },
      { name: 'the judge', globs: ['src/gate/compare.ts'], floor: 95 },
      {
        name: 'the production regularizers',
        globs: ['src/production/regularizers/**/*.ts'],
        floor: 95,
      },
    ],
  },
  {
    config: 'stryker.bounds.config.mjs',
    committed: 'mutation/incremental-bounds.json',
    report: 'reports/mutation/bounds.json',
    folders: [{ name: 'the derived bounds', globs: ['src/gate/bound/**/*.ts'], floor: 95 }],
  },
  {
    config: 'stryker.oracle.config.mjs',
    committed: 'mutation/incremental-oracle.json',
    report: 'reports/mutation/oracle.json',
    folders: [
      {
        name: "the oracle's arithmetic, rules, drivers and tape",
        globs: [
          'oracle/binary32.ts',
          'oracle/decimal-sqrt.ts',
          'oracle/dyadic.ts',
          'oracle/float64-decimal.ts',
          'oracle/float64-exp.ts',
          'oracle/float64-kernels.ts',
          'oracle/float64-rounding.ts',
          'oracle/float64.ts',
          'oracle/integer-roots.ts',
          'oracle/interval-ends.ts',
          'oracle/interval.ts',
          'oracle/power.ts',
          'oracle/rational.ts',
          'oracle/lazy-arithmetic.ts',
          'oracle/float64-shared-decimal.ts',
          'oracle/big-float-values.ts',
          'oracle/big-float-intervals.ts',
          'oracle/big-float-power.ts',
          'oracle/certify.ts',
          'oracle/rational-with-float64.ts',
          'oracle/rational-pair.ts',
          'oracle/rational-float64.ts',
          'oracle/rational-quotient.ts',
          'oracle/exact-stages.ts',
          'oracle/marks.ts',
          'oracle/prepared-cache.ts',
          'oracle/refined-preparation.ts',
          'oracle/enclosure.ts',
          'oracle/stage-outcome.ts',
          'oracle/rules/**/*.ts',
          'oracle/staged.ts',
          'oracle/elementwise.ts',
          'oracle/elementwise-stages.ts',
          'oracle/rule.ts',
          'oracle/tensor-rule.ts',
          'oracle/float64-tape.ts',
          'oracle/float64-tape-columns.ts',
        ],
        floor: 95,
      },
    ],
  },
  {
    config: 'stryker.oracle-formulas.config.mjs',
    committed: 'mutation/incremental-oracle-formulas.json',
    report: 'reports/mutation/oracle-formulas.json',
    folders: [
      {
        name: "the oracle's formulas and augmentations outside its arithmetic",
        globs: formulas.mutate,
        floor: 95,
      },
    ],
  },
];
/** The path prefix a glob stands for: a folder for `folder/**\/*.ts`, else the file itself. */
const prefixOf = (glob) => glob.replace(/\*\*\/\*\.ts$/, '');
/** Whether a folder's globs take the file: a glob names it or its folder, and no `!file` leaves it out. */
const takes = (globs, path) =>
  globs.some((glob) => !glob.startsWith('!') && path.startsWith(prefixOf(glob))) && !globs.includes(`!${path}`);
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

// The mutate configs set their own cases per property (spec/mutate-runs.ts); CI's deeper count would win.
// The fast stage's element-steps are in its test's name: CI's 2,500 would rename the test, and every
// mutant it covers (the float64 stage's) would run again instead of being reused.
const env = { ...process.env };
delete env['OPTIM_ORACLE_RUNS'];
delete env['OPTIM_ORACLE_FAST_CASES'];
mkdirSync('reports/mutation', { recursive: true });

// `--save` (npm run mutate): each run's results replace the committed ones in mutation/, to be committed.
const save = process.argv.includes('--save');
let ok = true;
for (const run of RUNS) {
  // Stryker rewrites its incremental file on every run (test ids renumber with the environment): it
  // works on a copy, so that CI leaves the committed file, and the clone, as they were.
  const incremental = `reports/mutation/${run.committed.replace('mutation/', '')}`;
  copyFileSync(run.committed, incremental);
  const args = ['stryker', 'run', run.config, '--mutate', run.folders.flatMap((f) => f.globs).join(',')];
  args.push('--incrementalFile', incremental, '--reporters', 'json,progress,clear-text');
  const stryker = spawnSync('npx', args, { stdio: 'inherit', env });
  if (stryker.status !== 0) {
    console.error(`stryker (${run.config}) exited with ${stryker.status ?? stryker.signal}`);
    process.exit(1);
  }
  if (save) copyFileSync(incremental, run.committed);
  const report = JSON.parse(readFileSync(run.report, 'utf8'));
  for (const folder of run.folders) {
    const counts = { detected: 0, undetected: 0, ignored: 0 };
    for (const [path, file] of Object.entries(report.files)) {
      if (!takes(folder.globs, path)) continue;
      for (const m of file.mutants) {
        if (DETECTED.has(m.status)) counts.detected++;
        else if (UNDETECTED.has(m.status)) counts.undetected++;
        else if (m.status === 'Ignored') counts.ignored++;
      }
    }
    const judged = counts.detected + counts.undetected;
    const score = judged === 0 ? 0 : (100 * counts.detected) / judged;
    const pass = judged > 0 && score >= folder.floor;
    ok &&= pass;
    console.log(
      `${pass ? 'ok  ' : 'FAIL'} ${folder.name} (${folder.globs.join(', ')}): ${score.toFixed(1)}% of ${judged} mutants detected (floor ${folder.floor}%), ${counts.undetected} undetected, ${counts.ignored} ignored`,
    );
  }
}
process.exit(ok ? 0 : 1);
