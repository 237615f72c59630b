/**
 * Errors for bad input, each naming what was wrong and what would be right.
 *
 * @module
 */

/** A hyperparameter outside its domain, not a number, or unknown to the rule. */
export class HyperparameterError extends RangeError {
  constructor(
    readonly rule: string,
    readonly parameter: string,
    message: string,
  ) {
    super(`${rule}: ${message}`);
    this.name = 'HyperparameterError';
  }
}

/** A preset or rule name the catalogue does not know. */
export class UnknownNameError extends RangeError {
  constructor(what: string, name: string, known: readonly string[]) {
    super(`unknown ${what} '${name}'; known: ${known.join(', ')}`);
    this.name = 'UnknownNameError';
  }
}

/** Tensors whose shapes do not fit together, or a step count that is not an integer ≥ 1. */
export class StepInputError extends RangeError {
  constructor(rule: string, message: string) {
    super(`${rule}: ${message}`);
    this.name = 'StepInputError';
  }
}
