/**
 * optim-oracle's public API: the catalogue, the registry (each rule's entry, oracle and production
 * implementation), the production optimizers on TensorFlow.js, backend selection, and the gate that
 * judges an implementation against the exact oracle. The oracle itself is `optim-oracle/oracle`.
 *
 * @module
 */
export * from '../core/catalogue/index.js';
export {
  registry,
  recordOf,
  recordsOfKind,
  updateRecords,
  regularizerRecords,
  catalogue,
  regularizers,
  entryOf,
  updateRecordOf,
  productionRuleOf,
  oracleRuleOf,
  elementwiseOracleOf,
  isUpdate,
  createOptimizer,
  optimizerFor,
  type RegistryRecord,
  type UpdateRecord,
  type ElementwiseUpdateRecord,
  type GradientFunctionUpdateRecord,
  type RegularizerRecord,
  type PenaltyRecord,
  type ActivationMaskRecord,
  type WeightMaskRecord,
  type PoolingRecord,
  regularizerRecordOf,
  penaltyRecords,
  penaltyRecordOf,
} from './registry/index.js';
export {
  tfjsOptimizer,
  stepArrays,
  initArrays,
  type Optimizer,
  type OptimizerOptions,
  type TensorState,
} from './production/tfjs/optimizer.js';
export type { Carrier, StepContext, Group, GroupOutput, PreparedStep, InitialValues } from './production/drive.js';
export type { ProductionRule, GroupRule, AnyProductionRule } from './production/rules/rule.js';
export {
  useBackend,
  availableBackends,
  activeBackend,
  BACKEND_NAMES,
  BACKEND_ENV,
  type BackendName,
} from './production/tfjs/backend.js';
export type { Float32Arith, ScalarArith } from '../core/arith.js';
export { production, type Implementation } from './gate/implementation.js';
export { judgeStep, oneStepProperty, trajectoryProperty, newTally, type Tally } from './gate/properties.js';
export { compareStep, classOf, type StepComparison, type OutputMeasure } from './gate/compare.js';
export { boundStep, type StepBound, type ElementBound } from './gate/bound/step-bound.js';
export { runCheck } from './runs/check.js';
export { gate, type GateTarget, type GateOptions } from './runs/gate.js';
export {
  scheduleCallOf,
  SCHEDULE_NAMES,
  GRADIENT_TRANSFORM_NAMES,
  type ScheduleName,
  type ScheduleSupport,
  type ScheduleCall,
  type RuleSupport,
  type GradientTransformName,
  type GradientTransformCall,
  type TransformSupport,
} from './gate/capabilities.js';
export type { KerasStepInput, KerasStepStages } from './production/tfjs/keras-wrapper.js';
export { tfTrain, tfTrainStep, tfTrainInit, TF_TRAIN_RULES } from './gate/adapters/tf-train.js';
export { diagnose, describeDiagnosis, type Diagnosis } from './gate/diagnosis.js';
export { subprocessImplementation, ProtocolError, type SubprocessImplementation } from './gate/protocol/subprocess.js';
export type { AsyncImplementation } from './gate/async-properties.js';
export type { CheckReport, CheckOptions, PropertyOutcome } from './runs/check-types.js';
export { REPORT_SCHEMA_VERSION } from './runs/check-types.js';
export { formatReport } from './runs/check-report.js';
export type { StructuredFailure, ElementMismatch, Float32Value, Tier } from './gate/failure.js';
export { markdownReport } from './runs/formats/markdown.js';
export { junitReport } from './runs/formats/junit.js';
export { htmlReport, type Column } from './runs/formats/html.js';
export { claims, selectClaims, type Claim, type ClaimResult } from './claims/index.js';
export { runClaims, type ClaimsReport, type ClaimsOptions } from './runs/claims.js';
export { formatClaims } from './runs/claims-report.js';
export { penalties, l1, l2, elasticNet, smoothL1 } from '../core/catalogue/regularizers/penalties.js';
export { masks, dropout, dropConnect, stochasticPooling } from '../core/catalogue/regularizers/masks.js';
export { penaltyTensors, penaltyArrays } from './registry/index.js';
export type { PenaltyTensors } from './production/tfjs/penalties.js';
export { bernoulliMask } from './production/tfjs/masks.js';
export { dropoutTrainArrays, dropoutInferenceArray, tfDropoutTrainArrays } from './production/tfjs/dropout.js';
export {
  dropConnectTrainArrays,
  dropConnectMomentsArrays,
  dropConnectInferenceArray,
} from './production/tfjs/dropconnect.js';
export { stochasticPoolingArrays, stochasticPoolingTrainArray } from './production/tfjs/stochastic-pooling.js';
export { regularizerProperty } from './gate/regularizers/index.js';
export { type Progress, type ProgressListener, type StoppedAt } from './gate/progress.js';
export { SEED_MIN, SEED_MAX, checkSeed } from './gate/seed-range.js';
export { measureBoundTable, boundTableProblems, type BoundTable, type BoundTableOptions } from './gate/bound-table.js';
export { spliceBoundTable } from './gate/bound-splice.js';
export { configurationText, type BoundSelection } from './gate/bound-selection.js';
export {
  readFixtureFile,
  readManifest,
  parseFixtureText,
  FixtureFormatError,
  type CaseJson,
  type Manifest,
} from './fixtures/index.js';
