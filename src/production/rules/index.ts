/**
 * The production rules by catalogue name. Adding a rule means adding its file and one line here.
 *
 * @module
 */
import { UnknownNameError } from '../../../core/catalogue/errors.js';
import { adadelta } from './adadelta.js';
import { adagrad } from './adagrad.js';
import { adam } from './adam.js';
import { adamax } from './adamax.js';
import { nadam } from './nadam.js';
import { rmsprop } from './rmsprop.js';
import { momentum } from './momentum.js';
import { sgd } from './sgd.js';
import type { ProductionRule } from './rule.js';

/** Every production rule, by catalogue name. */
export const productionRules: Readonly<Record<string, ProductionRule>> = {
  sgd,
  momentum,
  nesterov: momentum,
  adagrad,
  adadelta,
  rmsprop,
  'rmsprop-centered': rmsprop,
  adam,
  amsgrad: adam,
  adamw: adam,
  adamax,
  nadam,
};

/** The production rule for catalogue entry `name`. */
export function productionRuleOf(name: string): ProductionRule {
  const rule = productionRules[name];
  if (rule === undefined) throw new UnknownNameError('production rule', name, Object.keys(productionRules));
  return rule;
}

export type { ProductionRule, StepResult, StepValues } from './rule.js';
