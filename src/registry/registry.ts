/**
 * The registry: the one place that maps each name to its catalogue entry, its kind, its exact
 * oracle and its production implementation. Adding an elementwise rule means its three files
 * (catalogue entry, oracle update, production rule) and one line here; the compiler checks that the
 * three agree on the rule's names, and spec/registry/registry.spec.ts that it has its agreement spec
 * and its error-bound rows.
 *
 * @module
 */
import * as entries from '../../core/catalogue/entries.js';
import { UnknownNameError } from '../../core/catalogue/errors.js';
import type { CatalogueEntry, EntryKind } from '../../core/catalogue/index.js';
import { adadeltaOracle } from '../../oracle/rules/adadelta.js';
import { adagradOracle } from '../../oracle/rules/adagrad.js';
import { adamOracle } from '../../oracle/rules/adam.js';
import { adamaxOracle } from '../../oracle/rules/adamax.js';
import { asgdOracle } from '../../oracle/rules/asgd.js';
import { ftrlOracle } from '../../oracle/rules/ftrl.js';
import { adafactorOracle } from '../../oracle/rules/adafactor.js';
import { lambOracle } from '../../oracle/rules/lamb.js';
import { larsOracle } from '../../oracle/rules/lars.js';
import { lionOracle } from '../../oracle/rules/lion.js';
import { momentumOracle } from '../../oracle/rules/momentum.js';
import { nadamOracle } from '../../oracle/rules/nadam.js';
import { nagOracle } from '../../oracle/rules/nag.js';
import { radamOracle } from '../../oracle/rules/radam.js';
import { rmspropOracle } from '../../oracle/rules/rmsprop.js';
import { rpropOracle } from '../../oracle/rules/rprop.js';
import { sgdOracle } from '../../oracle/rules/sgd.js';
import type { ElementwiseOracleRule, OracleRule } from '../../oracle/rule.js';
import { dropConnectOracle } from '../../oracle/regularizers/dropconnect.js';
import { dropoutOracle } from '../../oracle/regularizers/dropout.js';
import { elasticNetExact, l1Exact, l2Exact, smoothL1Exact } from '../../oracle/regularizers/penalties.js';
import { stochasticPoolingOracle } from '../../oracle/regularizers/stochastic-pooling.js';
import { adadelta } from '../production/rules/adadelta.js';
import { adagrad } from '../production/rules/adagrad.js';
import { adam } from '../production/rules/adam.js';
import { adamax } from '../production/rules/adamax.js';
import { asgd } from '../production/rules/asgd.js';
import { ftrl } from '../production/rules/ftrl.js';
import { adafactor } from '../production/rules/adafactor.js';
import { lamb } from '../production/rules/lamb.js';
import { lars } from '../production/rules/lars.js';
import { lion } from '../production/rules/lion.js';
import { momentum } from '../production/rules/momentum.js';
import { nadam } from '../production/rules/nadam.js';
import { nag } from '../production/rules/nag.js';
import { radam } from '../production/rules/radam.js';
import { rmsprop } from '../production/rules/rmsprop.js';
import { rprop } from '../production/rules/rprop.js';
import { sgd } from '../production/rules/sgd.js';
import type { AnyProductionRule } from '../production/rules/rule.js';
import { dropConnectAlgorithm } from '../production/regularizers/dropconnect.js';
import { dropoutAlgorithm } from '../production/regularizers/dropout.js';
import { elasticNetPenalty, l1Penalty, l2Penalty, smoothL1Penalty } from '../production/regularizers/penalties.js';
import { stochasticPoolingAlgorithm } from '../production/regularizers/stochastic-pooling.js';
import { geometricRecords } from './augmentations-geometric.js';
import { interpolatingRecords } from './augmentations-interpolating.js';
import { gradientTransformRecords } from './gradient-transforms.js';
import { monitorRecords } from './monitors.js';
import {
  elementwiseUpdate,
  gradientFunctionUpdate,
  matrixUpdate,
  tensorUpdate,
  isRegularizer,
  isUpdate,
  activationMask,
  penalty,
  pooling,
  weightMask,
  type RegistryRecord,
  type RegularizerRecord,
  type UpdateRecord,
} from './records.js';

/**
 * Every record, in the order reports list them: the update rules, the regularizers, the monitors
 * (early stopping) and the image transforms (augmentation). The monitors' and augmentations' record
 * lines are in ./monitors.ts and ./augmentations-*.ts, with their constructors.
 */
export const registry: readonly RegistryRecord[] = [
  elementwiseUpdate(entries.sgd, sgdOracle, sgd),
  elementwiseUpdate(entries.momentum, momentumOracle, momentum),
  elementwiseUpdate(entries.nesterov, momentumOracle, momentum),
  gradientFunctionUpdate(entries.nag, nagOracle, nag),
  elementwiseUpdate(entries.adagrad, adagradOracle, adagrad),
  elementwiseUpdate(entries.adadelta, adadeltaOracle, adadelta),
  elementwiseUpdate(entries.rmsprop, rmspropOracle, rmsprop),
  elementwiseUpdate(entries.rmspropCentered, rmspropOracle, rmsprop),
  elementwiseUpdate(entries.adam, adamOracle, adam),
  elementwiseUpdate(entries.amsgrad, adamOracle, adam),
  elementwiseUpdate(entries.adamw, adamOracle, adam),
  elementwiseUpdate(entries.adamax, adamaxOracle, adamax),
  elementwiseUpdate(entries.nadam, nadamOracle, nadam),
  elementwiseUpdate(entries.lion, lionOracle, lion),
  elementwiseUpdate(entries.radam, radamOracle, radam),
  elementwiseUpdate(entries.asgd, asgdOracle, asgd),
  elementwiseUpdate(entries.ftrl, ftrlOracle, ftrl),
  tensorUpdate(entries.lamb, lambOracle, lamb),
  tensorUpdate(entries.lars, larsOracle, lars),
  matrixUpdate(entries.adafactor, adafactorOracle, adafactor),
  elementwiseUpdate(entries.rprop, rpropOracle, rprop),
  penalty(entries.l1, l1Exact, l1Penalty),
  penalty(entries.l2, l2Exact, l2Penalty),
  penalty(entries.elasticNet, elasticNetExact, elasticNetPenalty),
  penalty(entries.smoothL1, smoothL1Exact, smoothL1Penalty),
  activationMask(entries.dropout, dropoutOracle, dropoutAlgorithm),
  weightMask(entries.dropConnect, dropConnectOracle, dropConnectAlgorithm),
  pooling(entries.stochasticPooling, stochasticPoolingOracle, stochasticPoolingAlgorithm),
  ...monitorRecords,
  ...gradientTransformRecords,
  ...geometricRecords,
  ...interpolatingRecords,
];

/** The record called `name`, or an error listing the known names. */
export function recordOf(name: string): RegistryRecord {
  const record = registry.find((r) => r.entry.name === name);
  if (record === undefined)
    throw new UnknownNameError(
      'rule',
      name,
      registry.map((r) => r.entry.name),
    );
  return record;
}

/** The records of the given kinds, in report order. */
export function recordsOfKind<K extends EntryKind>(...kinds: K[]): (RegistryRecord & { kind: K })[] {
  return registry.filter((r): r is RegistryRecord & { kind: K } => (kinds as EntryKind[]).includes(r.kind));
}

/** The update rules (both kinds), in report order. */
export const updateRecords: readonly UpdateRecord[] = registry.filter(isUpdate);

/** The regularizers, in report order. */
export const regularizerRecords: readonly RegularizerRecord[] = registry.filter(isRegularizer);

/** The update rules' catalogue entries, in report order. */
export const catalogue: readonly CatalogueEntry[] = updateRecords.map((r) => r.entry);

/** The regularizers' catalogue entries, in report order. */
export const regularizers: readonly CatalogueEntry[] = regularizerRecords.map((r) => r.entry);

/** The catalogue entry called `name` (an update rule or a regularizer). */
export const entryOf = (name: string): CatalogueEntry => recordOf(name).entry;

/** The update rule called `name`, or an error listing the update rules. */
export function updateRecordOf(name: string): UpdateRecord {
  const record = updateRecords.find((r) => r.entry.name === name);
  if (record === undefined)
    throw new UnknownNameError(
      'update rule',
      name,
      catalogue.map((e) => e.name),
    );
  return record;
}

/** The production implementation of update rule `name`. */
export const productionRuleOf = (name: string): AnyProductionRule => updateRecordOf(name).production;

/** The oracle of update rule `name`. */
export const oracleRuleOf = (name: string): OracleRule => updateRecordOf(name).oracle;

/** The oracle of elementwise update rule `name`, which also takes decimal inputs. */
export function elementwiseOracleOf(name: string): ElementwiseOracleRule {
  const record = updateRecordOf(name);
  if (record.kind !== 'elementwise-update') {
    const known = updateRecords.filter((r) => r.kind === 'elementwise-update').map((r) => r.entry.name);
    throw new UnknownNameError('elementwise oracle rule', name, known);
  }
  return record.oracle;
}
