// The incremental mutation check (docs/mutation.md): Stryker over the folders whose score is measured,
// from (a copy of) the committed results in mutation/incremental.json, so that only the mutants whose code or
// covering tests changed run again; then each folder's score against its floor. A folder with no
// mutant judged checked nothing and fails.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';

/** The measured folders and the score each must keep (issue 16: at least 95%). */
const FOLDERS = [
  { name: 'the production rules', glob: 'src/production/rules/**/*.ts', prefix: 'src/production/rules/', floor: 95 },
  { name: 'the judge', glob: 'src/gate/compare.ts', prefix: 'src/gate/compare.ts', floor: 95 },
  {
    name: 'the production regularizers',
    glob: 'src/production/regularizers/**/*.ts',
    prefix: 'src/production/regularizers/',
    floor: 95,
  },
];
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

// The mutate config sets its own cases per property (spec/mutate-runs.ts); CI's deeper count would win.
const env = { ...process.env };
delete env['OPTIM_ORACLE_RUNS'];
// Stryker rewrites its incremental file on every run (test ids renumber with the environment): it works
// on a copy, so that CI leaves the committed file, and the clone, as they were.
const incremental = 'reports/mutation/incremental.json';
mkdirSync('reports/mutation', { recursive: true });
copyFileSync('mutation/incremental.json', incremental);
const run = spawnSync(
  'npx',
  [
    'stryker',
    'run',
    '--mutate',
    FOLDERS.map((f) => f.glob).join(','),
    '--incrementalFile',
    incremental,
    '--reporters',
    'json,progress,clear-text',
  ],
  { stdio: 'inherit', env },
);
if (run.status !== 0) {
  console.error(`stryker exited with ${run.status ?? run.signal}`);
  process.exit(1);
}

const report = JSON.parse(readFileSync('reports/mutation/mutation.json', 'utf8'));
let ok = true;
for (const folder of FOLDERS) {
  const counts = { detected: 0, undetected: 0, ignored: 0 };
  for (const [path, file] of Object.entries(report.files)) {
    if (!path.startsWith(folder.prefix)) continue;
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
    `${pass ? 'ok  ' : 'FAIL'} ${folder.name} (${folder.glob}): ${score.toFixed(1)}% of ${judged} mutants detected (floor ${folder.floor}%), ${counts.undetected} undetected, ${counts.ignored} ignored`,
  );
}
process.exit(ok ? 0 : 1);
