/**
 * Production optimizers by name or configuration: the registry's production rule on TensorFlow.js.
 *
 * @module
 */
import { checkIsConfiguration, configure, type Configuration } from '../../core/catalogue/index.js';
import { tfjsOptimizer, type Optimizer, type OptimizerOptions } from '../production/tfjs/optimizer.js';
import { entryOf, productionRuleOf } from './registry.js';

/** A production optimizer for catalogue entry `rule`, under `options.preset` (default `pytorch`). */
export function createOptimizer(rule: string, options: OptimizerOptions = {}): Optimizer {
  return optimizerFor(configure(entryOf(rule), options.preset ?? 'pytorch', options.hyper));
}

/** The production optimizer for a configuration. */
export function optimizerFor(config: Configuration): Optimizer {
  checkIsConfiguration('optimizerFor', config);
  return tfjsOptimizer(productionRuleOf(config.entry.name), config);
}
