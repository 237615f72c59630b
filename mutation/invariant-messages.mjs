// @ts-check
/**
 * A Stryker ignorer: the message argument of `required(value, message)` (core/required.ts). The text
 * shows only in the InvariantError thrown when an invariant of this code breaks (a slot the layout
 * puts there, a coefficient the flags compute), so no input can reach it and every mutant of it is
 * equivalent; docs/mutation.md lists the 24 such mutants of the production rules that a run without
 * this ignorer reports as survivors. Mutants of the value argument, and of every other call, still run.
 */
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

/** @param {any} path a Babel NodePath */
function isInvariantMessage(path) {
  const call = path.parentPath;
  return (
    path.listKey === 'arguments' &&
    path.key === 1 &&
    call?.node?.type === 'CallExpression' &&
    call.node.callee.type === 'Identifier' &&
    call.node.callee.name === 'required'
  );
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'invariant-messages', {
    shouldIgnore: (path) =>
      isInvariantMessage(path)
        ? "the message of an InvariantError (required()'s second argument): unreachable by any input"
        : undefined,
  }),
];
