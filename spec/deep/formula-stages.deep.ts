/**
 * The oracle's formulas outside the update rules (the penalties, the clippings, dropout, DropConnect,
 * stochastic pooling, Keras's wrapper stages) against their decimal ladder (./formula-stages.ts), on
 * $OPTIM_ORACLE_DEEP_FAST_CASES outputs per formula, split over its presets.
 */
import { describe } from 'vitest';
import { seedFromEnv, SEED_ENV } from '../../src/gate/seed.js';
import { deepCases, DEEP_CASES_ENV } from './fast-stage.js';
import {
  clipSubjects,
  kerasWrapperSubjects,
  maskSubjects,
  penaltySubjects,
  stageAgreement,
  type StageSubject,
} from './formula-stages.js';

const cases = deepCases();
const seed = seedFromEnv();
const replay = (name: string) =>
  `${SEED_ENV}=${seed} ${DEEP_CASES_ENV}=${cases} npx vitest run --config vitest.deep.config.ts spec/deep/formula-stages.deep.ts -t '${name}'`;

/** Each formula's outputs split evenly over its subjects (its presets). */
function deep(title: string, subjects: readonly StageSubject[]): void {
  const byFormula = new Map<string, StageSubject[]>();
  for (const s of subjects) byFormula.set(s.label, [...(byFormula.get(s.label) ?? []), s]);
  for (const [formula, group] of byFormula)
    describe(`${title}: ${formula}`, () => stageAgreement(group, Math.ceil(cases / group.length), seed, replay));
}

deep('the penalties', penaltySubjects);
deep('the clippings', clipSubjects);
deep('the masks and pooling', maskSubjects);
deep("Keras's wrapper stages", kerasWrapperSubjects);
