/**
 * `one-step-scheduled`, `keras-wrapper` and a clipping's `agreement` for an implementation whose
 * answers may be promises (the in-process gate's): the same cases as the synchronous properties
 * (./schedules/rule-property.ts, ./keras-wrapper/property.ts, ./gradient-transforms/agreement.ts),
 * the same oracle, bounds and tally, awaited.
 *
 * @module
 */
import fc from 'fast-check';
import type { CatalogueEntry, PresetName } from '../../core/catalogue/index.js';
import type { GradientTransformRecord } from '../registry/gradient-transforms.js';
import { judged, type AsyncImplementation } from './async-properties.js';
import { clipCase, clipVerdict, judgeClipped, type ClipCase } from './gradient-transforms/agreement.js';
import { schedulesOf } from './implementation.js';
import { judgeStages } from './keras-wrapper/judge.js';
import { checkedStages } from './keras-wrapper/stages-check.js';
import {
  firstKerasInput,
  judgedKerasStep,
  kerasWrapperCase,
  nextKerasInput,
  type KerasWrapperCase,
} from './keras-wrapper/property.js';
import type { Tally } from './properties.js';
import { scheduledStep, scheduledStepCase } from './schedules/rule-property.js';

/** `one-step-scheduled` ({@link scheduledStepProperty}) for an {@link AsyncImplementation}. */
export function asyncScheduledStepProperty(
  impl: AsyncImplementation,
  entry: CatalogueEntry,
  preset: PresetName,
  tally: Tally,
) {
  return fc.asyncProperty(scheduledStepCase(impl, entry, preset), async (c) => {
    const { config, input, what } = scheduledStep(c);
    await judged(impl, config, input, what, tally);
  });
}

/** Runs a wrapper case on `impl.kerasStep`, judging every stage of every step. */
async function runKerasCaseAsync(impl: AsyncImplementation, c: KerasWrapperCase, tally: Tally): Promise<void> {
  const kerasStep = impl.kerasStep;
  if (kerasStep === undefined) throw new TypeError(`${impl.name} has no kerasStep`);
  const states = [];
  for (const p of c.params) states.push(await impl.init(c.config, p));
  let input = firstKerasInput(c, states);
  for (const [k, grads] of c.grads.entries()) {
    input = { ...input, grads };
    const stages = checkedStages(c.config, input, await kerasStep(c.config, input));
    judgedKerasStep(impl.name, c.config, input, k, judgeStages(impl, c.config, input, stages), tally);
    input = nextKerasInput(input, stages);
  }
}

/** `keras-wrapper` ({@link kerasWrapperProperty}) for an {@link AsyncImplementation} with a `kerasStep`. */
export function asyncKerasWrapperProperty(impl: AsyncImplementation, entry: CatalogueEntry, tally: Tally) {
  return fc.asyncProperty(kerasWrapperCase(entry, schedulesOf(impl, entry.name, 'keras')), (c) =>
    runKerasCaseAsync(impl, c, tally),
  );
}

/** A clipping's `agreement` ({@link gradientTransformProperty}) on an {@link AsyncImplementation}'s `transform`. */
export function asyncGradientTransformProperty(
  impl: AsyncImplementation,
  record: GradientTransformRecord,
  preset: PresetName,
  tally: Tally,
) {
  const transform = impl.transform;
  if (transform === undefined) throw new TypeError(`${impl.name} has no transform`);
  return fc.asyncProperty(clipCase(record, preset), async (c: ClipCase) =>
    clipVerdict(impl.name, c, judgeClipped(record, c, await transform(c.config, c.grads), tally)),
  );
}
