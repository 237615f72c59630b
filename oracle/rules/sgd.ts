/**
 * SGD, exact: θ' = θ − α g', with g' = g + λ θ under PyTorch's coupled weight decay.
 *
 * @module
 */
import type { SgdSchema } from '../../core/catalogue/rules/sgd.js';
import { elementwiseRule } from '../elementwise.js';
import type { ElementwiseUpdate, StepContext } from '../rule.js';
import { contextOnly, coupledGradient } from './common.js';

/** SGD's exact elementwise update. */
export const sgdUpdate: ElementwiseUpdate<SgdSchema, StepContext<SgdSchema>> = {
  name: 'sgd',
  entries: ['sgd'],
  initTensorSlots: () => ({}),
  prepare: contextOnly,
  element: (a, { param, grad }, { h }) => ({
    param: a.sub(param, a.mul(h.lr, coupledGradient(a, grad, param, h))),
    slots: {},
  }),
  nextTensorSlots: () => ({}),
};

/** SGD as an oracle rule. */
export const sgdOracle = elementwiseRule(sgdUpdate);
