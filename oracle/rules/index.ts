/**
 * The oracle's rules by catalogue name. Adding a rule means adding its file and one line here.
 *
 * @module
 */
import { UnknownNameError } from '../../core/catalogue/errors.js';
import type { ElementwiseOracleRule, OracleRule } from '../rule.js';
import { adadeltaOracle } from './adadelta.js';
import { adagradOracle } from './adagrad.js';
import { adamOracle } from './adam.js';
import { adamaxOracle } from './adamax.js';
import { nadamOracle } from './nadam.js';
import { nagOracle } from './nag.js';
import { rmspropOracle } from './rmsprop.js';
import { momentumOracle } from './momentum.js';
import { sgdOracle } from './sgd.js';

/** Every oracle rule, by catalogue name. */
export const oracleRules: Readonly<Record<string, OracleRule>> = {
  sgd: sgdOracle,
  momentum: momentumOracle,
  nesterov: momentumOracle,
  nag: nagOracle,
  adagrad: adagradOracle,
  adadelta: adadeltaOracle,
  rmsprop: rmspropOracle,
  'rmsprop-centered': rmspropOracle,
  adam: adamOracle,
  amsgrad: adamOracle,
  adamw: adamOracle,
  adamax: adamaxOracle,
  nadam: nadamOracle,
};

/** The elementwise oracle rules (every rule but NAG's look-ahead form), which also take decimal inputs. */
export function elementwiseOracleOf(name: string): ElementwiseOracleRule {
  const rule = oracleRuleOf(name);
  if (!('enclose' in rule))
    throw new UnknownNameError(
      'elementwise oracle rule',
      name,
      Object.keys(oracleRules).filter((k) => 'enclose' in oracleRules[k]!),
    );
  return rule as ElementwiseOracleRule;
}

/** The oracle rule for catalogue entry `name`. */
export function oracleRuleOf(name: string): OracleRule {
  const rule = oracleRules[name];
  if (rule === undefined) throw new UnknownNameError('oracle rule', name, Object.keys(oracleRules));
  return rule;
}
