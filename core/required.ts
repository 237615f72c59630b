/**
 * A checked replacement for TypeScript's non-null assertion: the value, or an error that names what
 * was missing. Used where the types cannot see an invariant the code keeps (a slot the layout puts
 * there, a coefficient the flags compute), so that a broken invariant fails loudly and says where.
 *
 * @module
 */

/** Thrown when an internal invariant fails: a bug in this project, not in the caller's input. */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
}

/** `value`, or an {@link InvariantError} saying that `what` is missing. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new InvariantError(`internal: ${what} is missing`);
  return value;
}
