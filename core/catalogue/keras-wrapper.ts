/**
 * Keras 3's optimizer wrapper (keras/src/optimizers/base_optimizer.py): the options every Keras
 * optimizer takes on top of its rule, checked as `configure` checks hyperparameters. One Keras step
 * (`apply` → `_backend_apply_gradients`) is, in this order:
 *
 *   1. clip (`_clip_gradients`): clipnorm per variable g · c / max(‖g‖, c), or global_clipnorm
 *      g · c · min(1/N, 1/c), or clipvalue min(max(g, −v), v); at most one of the three (ValueError);
 *   2. decoupled weight decay (`_apply_weight_decay`): θ ← θ − θ · wd · lr, lr the current learning rate;
 *   3. the rule's own `update_step` on the clipped gradient and the decayed θ;
 *   4. EMA (`_update_model_variables_moving_average`): m = ema_momentum, or 0 while iterations = 0;
 *      avg ← m · avg + (1 − m) · θ (avg starts at 0, so the first step copies θ);
 *   5. overwrite (`_overwrite_model_variables_with_average_value`) θ ← avg when
 *      (iterations + 1) mod ema_overwrite_frequency = 0; then iterations += 1.
 *
 * @module
 */
import { decimalText, domainText, inDomain, type HyperValue } from './decimal-text.js';
import { HyperparameterError } from './errors.js';
import type { Domain, KerasWrapper } from './types.js';

/** The options, as `configure` takes them under the `keras` preset (Keras's names in camel case). */
export interface KerasWrapperOptions {
  /** weight_decay: θ ← θ − θ · wd · lr before the rule's step. */
  readonly weightDecay?: HyperValue;
  /** clipnorm: each variable's gradient clipped to norm c. */
  readonly clipnorm?: HyperValue;
  /** clipvalue: each gradient element clipped to [−v, v]. */
  readonly clipvalue?: HyperValue;
  /** global_clipnorm: every gradient scaled by one factor to global norm at most c. */
  readonly globalClipnorm?: HyperValue;
  /** use_ema: keep an exponential moving average of the variables. */
  readonly useEma?: boolean;
  /** ema_momentum (default 0.99). */
  readonly emaMomentum?: HyperValue;
  /** ema_overwrite_frequency: copy the average into the variables every this many steps. */
  readonly emaOverwriteFrequency?: number;
}

/** The option names. */
export const KERAS_WRAPPER_OPTIONS: readonly (keyof KerasWrapperOptions)[] = [
  'weightDecay',
  'clipnorm',
  'clipvalue',
  'globalClipnorm',
  'useEma',
  'emaMomentum',
  'emaOverwriteFrequency',
];

const DOMAINS: Readonly<Record<'weightDecay' | 'clip' | 'emaMomentum', Domain>> = {
  weightDecay: { min: '0' },
  clip: { min: '0', minOpen: true },
  emaMomentum: { min: '0', max: '1' },
};

/** The default of ema_momentum. */
export const EMA_MOMENTUM_DEFAULT = '0.99';

function checked(rule: string, name: string, value: HyperValue, domain: Domain): string {
  const text = decimalText(rule, name, value);
  if (!inDomain(text, domain))
    throw new HyperparameterError(rule, name, `${name} = ${text} is outside its domain ${domainText(domain)}`);
  return text;
}

/**
 * The wrapper of `options` for rule `rule`, checked: the decimals' domains (weight_decay ≥ 0, the
 * clip thresholds > 0, ema_momentum in [0, 1] as Keras checks it), at most one clip option (Keras's
 * ValueError), use_ema a boolean, ema_overwrite_frequency an integer ≥ 1, and the EMA options only
 * with useEma: true. Undefined when no option is given.
 */
export function kerasWrapperOf(rule: string, options: KerasWrapperOptions): KerasWrapper | undefined {
  const clips = (['clipnorm', 'clipvalue', 'globalClipnorm'] as const).filter((k) => options[k] !== undefined);
  if (clips.length > 1)
    throw new HyperparameterError(
      rule,
      clips.join(', '),
      `only one of clipnorm, clipvalue and globalClipnorm can be set; got ${clips.join(' and ')}`,
    );
  const { useEma, emaMomentum, emaOverwriteFrequency, weightDecay } = options;
  if (useEma !== undefined && typeof useEma !== 'boolean')
    throw new HyperparameterError(rule, 'useEma', `useEma = ${String(useEma)} must be true or false`);
  if (!useEma && (emaMomentum !== undefined || emaOverwriteFrequency !== undefined))
    throw new HyperparameterError(
      rule,
      'emaMomentum',
      'emaMomentum and emaOverwriteFrequency take effect only with useEma: true',
    );
  const frequency = emaOverwriteFrequency;
  if (frequency !== undefined && (typeof frequency !== 'number' || !Number.isSafeInteger(frequency) || frequency < 1))
    throw new HyperparameterError(
      rule,
      'emaOverwriteFrequency',
      `emaOverwriteFrequency = ${String(frequency)} must be an integer ≥ 1`,
    );
  const [clip] = clips;
  const wrapper: KerasWrapper = {
    ...(weightDecay === undefined
      ? {}
      : { weightDecay: checked(rule, 'weightDecay', weightDecay, DOMAINS.weightDecay) }),
    ...(clip === undefined
      ? {}
      : { clip: { option: clip, threshold: checked(rule, clip, options[clip] as HyperValue, DOMAINS.clip) } }),
    ...(useEma
      ? {
          ema: {
            momentum: checked(rule, 'emaMomentum', emaMomentum ?? EMA_MOMENTUM_DEFAULT, DOMAINS.emaMomentum),
            ...(frequency === undefined ? {} : { overwriteFrequency: frequency }),
          },
        }
      : {}),
  };
  return Object.keys(wrapper).length === 0 ? undefined : Object.freeze(wrapper);
}
