/**
 * What `check` runs on an implementation: of the planned units, those it implements (an update rule
 * and preset it supports, a clipping it implements), each with the properties its declarations allow
 * (`one-step-scheduled` where it takes a schedule of the preset, `keras-wrapper` where it implements
 * Keras's wrapper around the rule), and the property object for each. This project's production
 * implements everything.
 *
 * @module
 */
import type fc from 'fast-check';
import type { PresetName } from '../../core/catalogue/index.js';
import { agreementProperty } from '../gate/agreement.js';
import { asyncGradientTransformProperty } from '../gate/async-capability-properties.js';
import { isAsynchronous, type AsyncImplementation } from '../gate/async-properties.js';
import { gradientTransformProperty } from '../gate/gradient-transforms/agreement.js';
import { implementsKerasWrapper, implementsTransform, type Implementation } from '../gate/implementation.js';
import type { Tally } from '../gate/properties.js';
import { takesScheduleIn } from '../gate/schedules/rule-property.js';
import { isUpdate } from '../registry/index.js';
import { ASYNC_PROPERTIES, KERAS_WRAPPER_PROPERTY, PROPERTIES, type PropertyName, type Unit } from './check-plan.js';

type AnyImplementation = Implementation | AsyncImplementation;

/** Whether `impl` implements the unit's record under its preset at all. */
function implementsUnit(impl: AnyImplementation, { record, preset }: Unit): boolean {
  if (impl.supports === undefined) return true;
  if (record.kind === 'gradient-transform') return implementsTransform(impl, record.entry.name, preset);
  return record.kind !== 'schedule' && isUpdate(record) && impl.supports(record.entry.name, preset);
}

/** Whether property `name` of the unit runs on `impl`: what it declares, and what it can answer. */
function runsOn(impl: AnyImplementation, { record, preset }: Unit, name: string): boolean {
  if (record.kind === 'schedule') return true;
  if (name === 'one-step-scheduled') return takesScheduleIn(impl, record.entry, preset);
  if (name === KERAS_WRAPPER_PROPERTY)
    return (
      implementsKerasWrapper(impl, record.entry.name) &&
      // An implementation answering with promises has no synchronous step for this project's wrapper.
      (!isAsynchronous(impl) || impl.kerasStep !== undefined)
    );
  return true;
}

/** The units `impl` implements, each with the properties that run on it, less `excluded`; empty units left out. */
export function unitsFor(units: readonly Unit[], impl: AnyImplementation, excluded: ReadonlySet<string>): Unit[] {
  return units
    .filter((u) => implementsUnit(impl, u))
    .map((u) => ({ ...u, names: u.names.filter((n) => !excluded.has(n) && runsOn(impl, u, n)) }))
    .filter((u) => u.names.length > 0);
}

/**
 * The property `name` of `record` under `preset` on `impl`: an update rule's by name, a clipping's
 * agreement on `impl.transform` (production's for this project), any other record's agreement on
 * production, named `production` in failures.
 */
export function propertyFor(
  impl: AnyImplementation,
  { record, preset }: { readonly record: Unit['record']; readonly preset: PresetName },
  name: string,
  tally: Tally,
  production: string,
): fc.IProperty<unknown[]> | fc.IAsyncProperty<unknown[]> {
  if (record.kind === 'gradient-transform' && impl.supports !== undefined) {
    if (isAsynchronous(impl)) return asyncGradientTransformProperty(impl, record, preset, tally);
    const transform = impl.transform?.bind(impl);
    if (transform === undefined)
      throw new TypeError(`${impl.name} implements ${record.entry.name} without a transform`);
    return gradientTransformProperty(record, preset, tally, impl.name, transform) as fc.IProperty<unknown[]>;
  }
  if (record.kind === 'schedule' || !isUpdate(record)) return agreementProperty(record, preset, tally, production);
  const property = name as PropertyName;
  return isAsynchronous(impl)
    ? ASYNC_PROPERTIES[property](impl, record.entry, preset, tally)
    : PROPERTIES[property](impl, record.entry, preset, tally);
}
