/**
 * The error a framework raises at a step where its schedule has no value (a division by zero, a
 * step past the end), so that the oracle and production refuse the same steps the framework does.
 *
 * @module
 */

/** The framework's exception, by its Python name. */
export type FrameworkException = 'ZeroDivisionError' | 'ValueError' | 'OverflowError';

/** A step at which the framework raises instead of returning a learning rate. */
export class ScheduleStepError extends RangeError {
  constructor(
    readonly schedule: string,
    readonly exception: FrameworkException,
    message: string,
  ) {
    super(`${schedule}: ${message} (the framework raises ${exception})`);
    this.name = 'ScheduleStepError';
  }
}
