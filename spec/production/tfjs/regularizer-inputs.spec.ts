/**
 * The regularizers' production entry points (src/production/tfjs/{penalties,dropout,dropconnect,stochastic-pooling}.ts):
 * arrays of the wrong type and configurations of another entry get an error naming the culprit.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as entries from '../../../core/catalogue/entries.js';
import { ConfigurationError, configure, StepInputError } from '../../../core/catalogue/index.js';
import { dropConnect, dropout } from '../../../core/catalogue/regularizers/masks.js';
import { l2 } from '../../../core/catalogue/regularizers/penalties.js';
import { useBackend } from '../../../src/production/tfjs/backend.js';
import {
  dropConnectInferenceArray,
  dropConnectMomentsArrays,
  dropConnectTrainArrays,
} from '../../../src/production/tfjs/dropconnect.js';
import {
  dropoutInferenceArray,
  dropoutTrainArrays,
  tfDropoutTrainArrays,
} from '../../../src/production/tfjs/dropout.js';
import { penaltyArrays, penaltyTensors } from '../../../src/registry/regularizers.js';
import {
  stochasticPoolingArrays,
  stochasticPoolingTrainArray,
} from '../../../src/production/tfjs/stochastic-pooling.js';
import { backends } from '../../backends.js';

const l2Config = configure(l2, 'pytorch');
const dropoutConfig = configure(dropout, 'pytorch');
const dropConnectConfig = configure(dropConnect, 'paper');
const adamConfig = configure(entries.adam, 'pytorch');
const x = Float32Array.of(1, 2);
const asF32 = (v: unknown) => v as Float32Array;

describe('regularizer entry points: bad input gets an error naming the culprit', () => {
  beforeAll(async () => {
    await useBackend(backends[0]!);
  });

  it.each<[string, () => unknown, RegExp]>([
    [
      'penaltyArrays, w a plain array',
      () => penaltyArrays(l2Config, asF32([1, 2])),
      /^l2: w is a plain array; Float32Array required \(convert with Float32Array\.from, which rounds\)$/,
    ],
    [
      'penaltyArrays, w a Float64Array',
      () => penaltyArrays(l2Config, asF32(Float64Array.of(1, 2))),
      /^l2: w is a Float64Array; /,
    ],
    [
      'penaltyTensors, w a Float32Array',
      () => penaltyTensors(l2Config, x as unknown as tf.Tensor),
      /^l2: w is a Float32Array; a float32 tf\.Tensor required/,
    ],
    [
      'dropoutTrainArrays, x a plain array',
      () => dropoutTrainArrays(dropoutConfig, asF32([1, 2]), 7),
      /^dropout: x is a plain array; /,
    ],
    [
      'dropoutInferenceArray, x a Float64Array',
      () => dropoutInferenceArray(dropoutConfig, asF32(Float64Array.of(1, 2))),
      /^dropout: x is a Float64Array; /,
    ],
    [
      'tfDropoutTrainArrays, x undefined',
      () => tfDropoutTrainArrays(dropoutConfig, asF32(undefined), 7),
      /^dropout: x is undefined; Float32Array required$/,
    ],
    [
      'dropConnectTrainArrays, W a plain array',
      () => dropConnectTrainArrays(dropConnectConfig, asF32([1, 2]), Float32Array.of(1), 7),
      /^dropconnect: W is a plain array; /,
    ],
    [
      'dropConnectMomentsArrays, x a Float64Array',
      () => dropConnectMomentsArrays(dropConnectConfig, x, asF32(Float64Array.of(1, 2))),
      /^dropconnect: x is a Float64Array; /,
    ],
    [
      'dropConnectInferenceArray, W a plain array',
      () => dropConnectInferenceArray(dropConnectConfig, asF32([1, 2]), x, 'relu', 4, 7),
      /^dropconnect: W is a plain array; /,
    ],
    [
      'stochasticPoolingArrays, activations a plain array',
      () => stochasticPoolingArrays(asF32([1, 2]), 2),
      /^stochastic-pooling: activations is a plain array; /,
    ],
    [
      'stochasticPoolingTrainArray, activations a Float64Array',
      () => stochasticPoolingTrainArray(asF32(Float64Array.of(1, 2)), 2, 7),
      /^stochastic-pooling: activations is a Float64Array; /,
    ],
  ])('%s', (_, run, message) => {
    expect(run).toThrow(StepInputError);
    expect(run).toThrow(message);
  });

  it.each<[string, () => unknown, RegExp]>([
    [
      'penaltyArrays given an Adam configuration',
      () => penaltyArrays(adamConfig, x),
      /^penalty: given a configuration of 'adam', which is not a penalty; penalties: l1, l2, elastic-net, smooth-l1$/,
    ],
    [
      'penaltyArrays given no configuration',
      () => penaltyArrays(undefined as never, x),
      /^penalty: given undefined, not a configuration/,
    ],
    [
      'dropoutTrainArrays given an Adam configuration',
      () => dropoutTrainArrays(adamConfig, x, 7),
      /^dropout: the regularizer 'dropout' was given a configuration of 'adam'; configure 'dropout' instead$/,
    ],
    [
      'dropoutInferenceArray given a DropConnect configuration',
      () => dropoutInferenceArray(dropConnectConfig, x),
      /^dropout: the regularizer 'dropout' was given a configuration of 'dropconnect'/,
    ],
    [
      'dropConnectMomentsArrays given a dropout configuration',
      () => dropConnectMomentsArrays(dropoutConfig, x, x),
      /^dropconnect: the regularizer 'dropconnect' was given a configuration of 'dropout'/,
    ],
  ])('%s', (_, run, message) => {
    expect(run).toThrow(ConfigurationError);
    expect(run).toThrow(message);
  });
});
