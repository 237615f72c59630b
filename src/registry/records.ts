/**
 * The registry's records: for each catalogue entry, its kind, its exact oracle and its production
 * implementation, typed so that a record of a kind carries what that kind needs (an elementwise
 * update has an elementwise oracle, which also takes decimal inputs, and an elementwise production
 * rule; an update on a gradient function has a group rule; a penalty has its exact formulas and its
 * production algorithm, a mask or a pooling its oracle and its production algorithm).
 *
 * @module
 */
import type { CatalogueEntry, Schema } from '../../core/catalogue/index.js';
import type { ElementwiseOracleRule, OracleRule } from '../../oracle/rule.js';
import type { GroupRule, ProductionRule } from '../production/rules/rule.js';
import type { TensorRule } from '../production/rules/tensor-rule.js';
import type { MatrixRule } from '../production/rules/matrix-rule.js';
import type {
  DropConnectSchema,
  DropoutSchema,
  StochasticPoolingSchema,
} from '../../core/catalogue/regularizers/masks.js';
import type { dropConnectOracle } from '../../oracle/regularizers/dropconnect.js';
import type { dropoutOracle } from '../../oracle/regularizers/dropout.js';
import type { ExactPenalty } from '../../oracle/regularizers/penalties.js';
import type { stochasticPoolingOracle } from '../../oracle/regularizers/stochastic-pooling.js';
import type { DropConnectAlgorithm } from '../production/regularizers/dropconnect.js';
import type { DropoutAlgorithm } from '../production/regularizers/dropout.js';
import type { PenaltyAlgorithm } from '../production/regularizers/penalties.js';
import type { StochasticPoolingAlgorithm } from '../production/regularizers/stochastic-pooling.js';
import type { GeometricRecord } from './augmentations-geometric.js';
import type { InterpolatingRecord } from './augmentations-interpolating.js';
import type { GradientTransformRecord } from './gradient-transforms.js';
import type { MonitorRecord } from './monitors.js';

/** An optimizer step acting on each element, on a given gradient. */
export interface ElementwiseUpdateRecord {
  readonly kind: 'elementwise-update';
  readonly entry: CatalogueEntry;
  readonly oracle: ElementwiseOracleRule;
  readonly production: ProductionRule;
}

/**
 * An optimizer step on a given gradient whose elements share reductions over the whole tensor (LAMB's
 * and LARS's norms). Its entry is of kind `elementwise-update`, because the gate exercises it exactly as
 * an elementwise one (the same step cases, properties and decimal inputs); only the production kind
 * differs, a {@link TensorRule} that the driver steps on the whole tensor instead of element by element.
 */
export interface TensorUpdateRecord {
  readonly kind: 'elementwise-update';
  readonly entry: CatalogueEntry;
  readonly oracle: ElementwiseOracleRule;
  readonly production: TensorRule | MatrixRule;
}

/** An optimizer step that evaluates the gradient itself, on an objective (NAG's look-ahead form). */
export interface GradientFunctionUpdateRecord {
  readonly kind: 'gradient-function-update';
  readonly entry: CatalogueEntry;
  readonly oracle: OracleRule;
  readonly production: GroupRule;
}

/** Either kind of update rule. */
export type UpdateRecord = ElementwiseUpdateRecord | TensorUpdateRecord | GradientFunctionUpdateRecord;

/** A weight penalty: its exact penalty, gradient and proximal step, and its production algorithm. */
export interface PenaltyRecord {
  readonly kind: 'penalty';
  readonly entry: CatalogueEntry;
  readonly oracle: ExactPenalty;
  readonly production: PenaltyAlgorithm;
}

/** A Bernoulli mask on activations (dropout): its oracle given the mask, and its production algorithm. */
export interface ActivationMaskRecord {
  readonly kind: 'activation-mask';
  readonly entry: CatalogueEntry;
  readonly oracle: typeof dropoutOracle;
  readonly production: DropoutAlgorithm;
}

/** A Bernoulli mask on a linear layer's weights (DropConnect): its oracle given the mask, and its production algorithm. */
export interface WeightMaskRecord {
  readonly kind: 'weight-mask';
  readonly entry: CatalogueEntry;
  readonly oracle: typeof dropConnectOracle;
  readonly production: DropConnectAlgorithm;
}

/** A sampled pooling (stochastic pooling): its oracle of the deterministic outputs, and its production algorithm. */
export interface PoolingRecord {
  readonly kind: 'pooling';
  readonly entry: CatalogueEntry;
  readonly oracle: typeof stochasticPoolingOracle;
  readonly production: StochasticPoolingAlgorithm;
}

/** A regularizer: a weight penalty, a mask on activations or weights, or a sampled pooling. */
export type RegularizerRecord = PenaltyRecord | ActivationMaskRecord | WeightMaskRecord | PoolingRecord;

/** Any record. */
export type RegistryRecord =
  UpdateRecord | RegularizerRecord | MonitorRecord | ImageTransformRecord | GradientTransformRecord;

/** An image transform's record: a geometric one (exact or random) or an interpolating one (rotation, resize, colour). */
export type ImageTransformRecord = GeometricRecord | InterpolatingRecord;

/** Whether a record is a regularizer: a penalty, a mask or a pooling. */
export const isRegularizer = (r: RegistryRecord): r is RegularizerRecord =>
  r.kind === 'penalty' || r.kind === 'activation-mask' || r.kind === 'weight-mask' || r.kind === 'pooling';

/** Whether a record is an update rule (either kind) rather than a regularizer. */
export const isUpdate = (r: RegistryRecord): r is UpdateRecord =>
  r.kind === 'elementwise-update' || r.kind === 'gradient-function-update';

/**
 * The record of an elementwise update: entry, oracle and production must agree on the schema (the
 * hyperparameter, flag and slot names), which the compiler checks here.
 */
export function elementwiseUpdate<S extends Schema, R extends string, O extends string>(
  entry: CatalogueEntry<S>,
  oracle: ElementwiseOracleRule,
  production: ProductionRule<S, R, O>,
): ElementwiseUpdateRecord {
  if (entry.kind !== 'elementwise-update')
    throw new TypeError(`${entry.name} is a ${entry.kind}, not an elementwise update`);
  return {
    kind: entry.kind,
    entry,
    oracle,
    production,
  };
}

/**
 * The record of an update on a given gradient with per-tensor reductions: entry, oracle and production
 * must agree on the schema, which the compiler checks here.
 */
export function tensorUpdate<S extends Schema, R extends string, O extends string>(
  entry: CatalogueEntry<S>,
  oracle: ElementwiseOracleRule,
  production: TensorRule<S, R, O>,
): TensorUpdateRecord {
  if (entry.kind !== 'elementwise-update')
    throw new TypeError(`${entry.name} is a ${entry.kind}, not an update on a given gradient`);
  return { kind: entry.kind, entry, oracle, production };
}

/**
 * The record of an update on a given gradient with row, column and whole-tensor means (Adafactor):
 * entry, oracle and production must agree on the schema, which the compiler checks here.
 */
export function matrixUpdate<S extends Schema, R extends string, O extends string>(
  entry: CatalogueEntry<S>,
  oracle: ElementwiseOracleRule,
  production: MatrixRule<S, R, O>,
): TensorUpdateRecord {
  if (entry.kind !== 'elementwise-update')
    throw new TypeError(`${entry.name} is a ${entry.kind}, not an update on a given gradient`);
  return { kind: entry.kind, entry, oracle, production };
}

/** The record of an update on a gradient function. */
export function gradientFunctionUpdate<S extends Schema, R extends string, O extends string>(
  entry: CatalogueEntry<S>,
  oracle: OracleRule,
  production: GroupRule<S, R, O>,
): GradientFunctionUpdateRecord {
  if (entry.kind !== 'gradient-function-update')
    throw new TypeError(`${entry.name} is a ${entry.kind}, not an update on a gradient function`);
  return { kind: entry.kind, entry, oracle, production };
}

/** Throws unless `entry` is of `kind`: a record pairs an entry with the oracle and production of its kind. */
function checkKind(entry: CatalogueEntry, kind: RegularizerRecord['kind']): void {
  if (entry.kind !== kind) throw new TypeError(`${entry.name} is a ${entry.kind}, not a ${kind}`);
}

/**
 * The record of a penalty: entry, exact formulas and production algorithm must agree on the schema
 * (the hyperparameter and flag names), which the compiler checks here.
 */
export function penalty<S extends Schema, C extends string, D extends string>(
  entry: CatalogueEntry<S>,
  oracle: ExactPenalty<S, D>,
  production: PenaltyAlgorithm<S, C>,
): PenaltyRecord {
  checkKind(entry, 'penalty');
  return { kind: 'penalty', entry, oracle, production };
}

/** The record of dropout, a mask on activations. */
export function activationMask(
  entry: CatalogueEntry<DropoutSchema>,
  oracle: typeof dropoutOracle,
  production: DropoutAlgorithm,
): ActivationMaskRecord {
  checkKind(entry, 'activation-mask');
  return { kind: 'activation-mask', entry, oracle, production };
}

/** The record of DropConnect, a mask on weights. */
export function weightMask(
  entry: CatalogueEntry<DropConnectSchema>,
  oracle: typeof dropConnectOracle,
  production: DropConnectAlgorithm,
): WeightMaskRecord {
  checkKind(entry, 'weight-mask');
  return { kind: 'weight-mask', entry, oracle, production };
}

/** The record of stochastic pooling. */
export function pooling(
  entry: CatalogueEntry<StochasticPoolingSchema>,
  oracle: typeof stochasticPoolingOracle,
  production: StochasticPoolingAlgorithm,
): PoolingRecord {
  checkKind(entry, 'pooling');
  return { kind: 'pooling', entry, oracle, production };
}
