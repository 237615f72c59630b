/**
 * The shape of a wrapper step's stages from an implementation under test, checked before they are
 * judged: one entry per variable in every stage, each as long as its variable, the rule's state slots
 * of the configuration, and averages exactly when the wrapper keeps them (`use_ema`).
 *
 * @module
 */
import type { Configuration } from '../../../core/catalogue/index.js';
import type { KerasStepInput, KerasStepStages } from '../../production/tfjs/keras-wrapper.js';

/** `stages`, when their shape is `input`'s; a TypeError saying what differs otherwise. */
export function checkedStages(config: Configuration, input: KerasStepInput, stages: KerasStepStages): KerasStepStages {
  const lengths = input.params.map((p) => p.length);
  const layout = config.entry.state(config.flags);
  const problems: string[] = [];
  const check = (what: string, arrays: readonly (ArrayLike<number> | undefined)[] | undefined) => {
    if (arrays === undefined) return void problems.push(`no ${what}`);
    if (arrays.length !== lengths.length)
      return void problems.push(`${arrays.length} ${what}, ${lengths.length} expected`);
    arrays.forEach((a, i) => {
      if (a?.length !== lengths[i]) problems.push(`${what}[${i}] has ${a?.length ?? 0} values, ${lengths[i]} expected`);
    });
  };
  check('clipped', stages.clipped);
  check('decayed', stages.decayed);
  check(
    'stepped',
    stages.stepped.map((s) => s.params),
  );
  check('params', stages.params);
  if (config.keras?.ema !== undefined) check('average', stages.average);
  else if (stages.average !== undefined) problems.push('averages without use_ema');
  stages.stepped.forEach((s, i) => {
    const slots = Object.keys(s.state).sort().join(', ');
    const expected = [...layout.element, ...layout.tensor, ...layout.row, ...layout.column].sort().join(', ');
    if (slots !== expected) problems.push(`state[${i}] has slots [${slots}], [${expected}] expected`);
  });
  if (problems.length > 0) throw new TypeError(`a Keras wrapper step answered ${problems.join('; ')}`);
  return stages;
}
