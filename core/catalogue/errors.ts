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

/**
 * Bad data given to a step, an initialisation or a regularizer: not the type required (a Float64Array
 * or a plain array where a Float32Array is required, say), tensors whose shapes do not fit together,
 * a missing state, or a step count that is not an integer ≥ 1.
 */
export class StepInputError extends RangeError {
  constructor(rule: string, message: string) {
    super(`${rule}: ${message}`);
    this.name = 'StepInputError';
  }
}

/**
 * A configuration given to a rule or regularizer it was not made for (the oracle rule 'adam' given
 * one of 'sgd', whose state has no m and v), or a value that is not a configuration at all.
 */
export class ConfigurationError extends TypeError {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(`${rule}: ${message}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * An option of a run that cannot be honoured: a count out of range, a selection that matches nothing
 * or that no property applies to, a replay path that leads to no case. The command line reports it as
 * bad usage (exit status 2).
 */
export class OptionError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'OptionError';
  }
}

/**
 * True for the errors that mean the caller's input or options were wrong (the command line's exit
 * status 2), as opposed to an I/O failure or a defect of optim-oracle itself.
 */
export function isUsageError(e: unknown): boolean {
  return (
    e instanceof HyperparameterError ||
    e instanceof UnknownNameError ||
    e instanceof StepInputError ||
    e instanceof ConfigurationError ||
    e instanceof OptionError
  );
}
