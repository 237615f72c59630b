/**
 * Shape checks shared by every implementation, so that bad input gets the same message everywhere.
 *
 * @module
 */
import { StepInputError } from './errors.js';
import type { StateLayout } from './types.js';

/** A tensor's shape, outermost dimension first. */
export type Shape = readonly number[];

function shapeText(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * Checks that the gradient and every element slot have the parameters' shape, that each tensor slot
 * is a scalar (shape [] or [1]) and that no slot is missing or unknown.
 */
export function checkStepShapes(
  rule: string,
  layout: StateLayout,
  params: Shape,
  grads: Shape,
  state: Readonly<Record<string, Shape>>,
): void {
  if (!sameShape(params, grads)) {
    throw new StepInputError(rule, `grads has shape ${shapeText(grads)} but params has shape ${shapeText(params)}`);
  }
  const expected = [...layout.element, ...layout.tensor];
  for (const slot of Object.keys(state)) {
    if (!expected.includes(slot)) throw new StepInputError(rule, `unknown state slot '${slot}'; expected: ${expected.join(', ') || 'none'}`);
  }
  for (const slot of layout.element) {
    const s = state[slot];
    if (s === undefined) throw new StepInputError(rule, `state slot '${slot}' is missing`);
    if (!sameShape(s, params)) {
      throw new StepInputError(rule, `state slot '${slot}' has shape ${shapeText(s)} but params has shape ${shapeText(params)}`);
    }
  }
  for (const slot of layout.tensor) {
    const s = state[slot];
    if (s === undefined) throw new StepInputError(rule, `state slot '${slot}' is missing`);
    if (s.reduce((n, d) => n * d, 1) !== 1) throw new StepInputError(rule, `state slot '${slot}' must hold one value, got shape ${shapeText(s)}`);
  }
}
