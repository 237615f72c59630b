/**
 * The regularizers by name and by configuration: the registry's lookups of a regularizer's record,
 * and the public penalty functions on a configuration, which find the penalty's production algorithm
 * here (production itself does not know the registry).
 *
 * @module
 */
import type * as tf from '@tensorflow/tfjs-core';
import {
  checkIsConfiguration,
  ConfigurationError,
  UnknownNameError,
  type Configuration,
} from '../../core/catalogue/index.js';
import { tfjsPenaltyArrays, tfjsPenaltyTensors, type PenaltyTensors } from '../production/tfjs/penalties.js';
import type { PenaltyRecord, RegularizerRecord } from './records.js';
import { regularizerRecords } from './registry.js';

/** The kinds of regularizer. */
export type RegularizerKind = RegularizerRecord['kind'];

/**
 * The regularizer called `name`, or an error listing the regularizers; given `kind`, a regularizer of
 * another kind is a TypeError.
 */
export function regularizerRecordOf<K extends RegularizerKind = RegularizerKind>(
  name: string,
  kind?: K,
): RegularizerRecord & { readonly kind: K } {
  const record = regularizerRecords.find((r) => r.entry.name === name);
  if (record === undefined)
    throw new UnknownNameError(
      'regularizer',
      name,
      regularizerRecords.map((r) => r.entry.name),
    );
  const ofKind = (r: RegularizerRecord): r is RegularizerRecord & { readonly kind: K } =>
    kind === undefined || r.kind === kind;
  if (!ofKind(record)) throw new TypeError(`${name} is a ${record.kind}, not a ${String(kind)}`);
  return record;
}

/** The penalties, in report order. */
export const penaltyRecords: readonly PenaltyRecord[] = regularizerRecords.filter(
  (r): r is PenaltyRecord => r.kind === 'penalty',
);

/**
 * The record of the penalty `config` configures; anything but a configuration of a penalty is a
 * {@link ConfigurationError} that lists the penalties.
 */
export function penaltyRecordOf(config: Configuration): PenaltyRecord {
  checkIsConfiguration('penalty', config);
  const record = penaltyRecords.find((r) => r.entry.name === config.entry.name);
  if (record === undefined) {
    throw new ConfigurationError(
      'penalty',
      `given a configuration of '${config.entry.name}', which is not a penalty; penalties: ${penaltyRecords.map((r) => r.entry.name).join(', ')}`,
    );
  }
  return record;
}

/** Penalty, gradient and proximal step of the float32 tensor `w` under `config`, on TensorFlow.js. */
export function penaltyTensors(config: Configuration, w: tf.Tensor): PenaltyTensors {
  return tfjsPenaltyTensors(penaltyRecordOf(config).production, config, w);
}

/** {@link penaltyTensors} on plain arrays; `w` must be a Float32Array. */
export function penaltyArrays(config: Configuration, w: Float32Array): Record<string, Float32Array> {
  return tfjsPenaltyArrays(penaltyRecordOf(config).production, config, w);
}
