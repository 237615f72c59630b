/**
 * The clippings certified through the oracle's stages, against their decimal ladder alone
 * (spec/deep/formula-stages.ts): on the cases their agreement property draws (thresholds near the
 * gradients' norms among them), the same bits and marks.
 */
import { clipSubjects, stageAgreementSpec } from '../../deep/formula-stages.js';

stageAgreementSpec(
  'spec/oracle/gradient-transforms/clip-stages.spec.ts',
  'the clippings: the stages agree with the decimal ladder',
  clipSubjects,
);
