/**
 * SGD, exact: θ' = θ − α g', with g' = g + λ θ under PyTorch's coupled weight decay.
 *
 * @module
 */
import { elementwiseRule, type ElementwiseUpdate, type StepContext } from '../rule.js';
import { contextOnly, coupledGradient } from './common.js';

export const sgdUpdate: ElementwiseUpdate<StepContext> = {
  name: 'sgd',
  entries: ['sgd'],
  initTensorSlots: () => ({}),
  prepare: contextOnly,
  element: (a, { param, grad }, { h }) => ({
    param: a.sub(param, a.mul(h['lr']!, coupledGradient(a, grad, param, h))),
    slots: {},
  }),
  nextTensorSlots: () => ({}),
};

export const sgdOracle = elementwiseRule(sgdUpdate);
