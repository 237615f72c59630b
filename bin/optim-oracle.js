#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm install` through the prepare script, or `npm run build`).
// Exit statuses: src/cli/exit.ts (4: a file cannot be read, 5: an internal error).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('optim-oracle: dist/ is missing; run `npm run build` (npm install does it) first\n');
  process.exit(4);
}
try {
  const { main } = await import(entry.href);
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  const debug = process.argv.includes('--debug');
  process.stderr.write(
    `optim-oracle: internal error: ${e instanceof Error ? e.message : String(e)}${debug && e instanceof Error ? `\n${e.stack}` : ' (rerun with --debug for the stack)'}\n`,
  );
  process.exitCode = 5;
}
