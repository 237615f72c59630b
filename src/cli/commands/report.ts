/**
 * Runs a long command with its progress on stderr, then prints its report: text, or JSON with
 * `--json`.
 *
 * @module
 */
import type { ProgressListener } from '../../gate/progress.js';
import { EXIT } from '../exit.js';
import { progressDisplay } from '../progress-display.js';
import type { Context } from './command.js';

/** What a run produced: its text, its JSON, and whether it passed. */
export interface Outcome {
  readonly text: string;
  readonly json: unknown;
  readonly ok: boolean;
}

/**
 * Runs `run` with a progress display on `context.err`, prints the outcome and resolves to 0 when it
 * is ok, 1 when not; an error thrown propagates, after the progress line is cleared.
 */
export async function reported(
  json: boolean,
  context: Context,
  run: (progress: ProgressListener) => Promise<Outcome>,
): Promise<number> {
  const display = progressDisplay(context.err);
  let outcome;
  try {
    outcome = await run(display.listener);
  } finally {
    display.finish();
  }
  context.out.write(json ? `${JSON.stringify(outcome.json, null, 2)}\n` : `${outcome.text}\n`);
  return outcome.ok ? EXIT.ok : EXIT.failed;
}
