/**
 * The command line's exit statuses, each meaning one thing, and the classification of an error into
 * one of them.
 *
 * @module
 */
import { isUsageError } from '../../core/catalogue/errors.js';
import { BoundExceededError } from '../gate/bound-table.js';
import { ProtocolError } from '../gate/protocol/subprocess.js';

/** Exit statuses of `optim-oracle`. */
export const EXIT = {
  /** Every property passed, every verdict is the one docs/claims.md reports. */
  ok: 0,
  /** A property failed, a verdict differs, a measured case left its bound, or nothing was checked. */
  failed: 1,
  /** Bad usage: an unknown command or flag, a flag the command does not take, a bad value or name. */
  usage: 2,
  /** The implementation under test (`gate --impl`) crashed, stayed silent or broke the protocol. */
  gate: 3,
  /** A file could not be read or written. */
  io: 4,
  /** A defect of optim-oracle itself. */
  internal: 5,
} as const;

/** The exit statuses in words, for the help text and the README. */
export const EXIT_TEXT = `Exit status:
  0  every property passed (claims: every verdict is the one docs/claims.md reports)
  1  a property failed, a verdict differs, a measured case left its bound, a fixture file differs,
     or nothing was checked
  2  bad usage: unknown command or flag, a flag the command does not take, a bad value or name
  3  gate: the program under test crashed, stayed silent past --timeout or broke the protocol
  4  a file could not be read or written
  5  internal error, a defect of optim-oracle (--debug prints its stack)`;

/** Error codes of Node's file-system calls that mean an I/O failure, not a defect. */
const IO_CODES = new Set([
  'ENOENT',
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'EISDIR',
  'ENOTDIR',
  'EEXIST',
  'EIO',
  'EMFILE',
  'ENFILE',
  'EBUSY',
  'ETXTBSY',
  'ENAMETOOLONG',
  'ELOOP',
]);

/** True for a Node system error of a file operation (an `E…` code such as ENOENT, EACCES, EROFS, ENOSPC). */
export function isIoError(e: unknown): e is NodeJS.ErrnoException {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && IO_CODES.has(code);
}

/** The exit status for an error: 2 for bad usage, 1 for a measured case beyond its bound, 4 for I/O, 5 for anything else (a defect). */
export function exitStatusOf(e: unknown): number {
  if (isUsageError(e)) return EXIT.usage;
  if (e instanceof BoundExceededError) return EXIT.failed;
  if (e instanceof ProtocolError) return EXIT.gate;
  if (isIoError(e)) return EXIT.io;
  return EXIT.internal;
}

/**
 * What to print for an error: its message, and for an internal error the hint to rerun with
 * `--debug`, or, under `--debug`, its stack.
 */
export function describeError(e: unknown, debug: boolean): string {
  const message = e instanceof Error ? e.message : String(e);
  const status = exitStatusOf(e);
  const stack = debug && e instanceof Error && e.stack !== undefined ? `\n${e.stack}` : '';
  if (status === EXIT.internal) {
    return `optim-oracle: internal error: ${message}${debug ? stack : ' (a defect of optim-oracle; rerun with --debug for the stack)'}`;
  }
  return `optim-oracle: ${message}${stack}`;
}
