/**
 * Dropout, DropConnect and stochastic pooling certified through the oracle's stages, against their
 * decimal ladder alone (spec/deep/formula-stages.ts): on the cases their agreement properties draw,
 * the same bits and marks.
 */
import { maskSubjects, stageAgreementSpec } from '../../deep/formula-stages.js';

stageAgreementSpec(
  'spec/oracle/regularizers/mask-stages.spec.ts',
  'dropout, DropConnect and stochastic pooling: the stages agree with the decimal ladder',
  maskSubjects,
);
