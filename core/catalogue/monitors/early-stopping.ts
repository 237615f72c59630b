/**
 * Early stopping on patience as a catalogue entry (kind `monitor`): a rule over the sequence of a
 * monitored metric's values, one per epoch, that decides at the end of each epoch whether training
 * stops, which epoch is the best, and whose weights are restored. The three frameworks' conventions
 * are presets; what a user chooses per run (mode, baseline, thresholds, restoring) is in
 * {@link EarlyStoppingOptions} (./monitor-types.ts), not in the entry.
 *
 * @module
 */
import { defineEntry, type SchemaOf } from '../define.js';

const earlyStoppingHyperparameters = {
  patience: {
    symbol: 'p',
    description: 'epochs (checks) without improvement after which training stops',
    domain: { min: '0', integer: true },
  },
  minDelta: {
    symbol: 'δ',
    description:
      'smallest change that counts as an improvement; Keras and tfjs take |δ|, Lightning takes δ with its sign',
    domain: {},
  },
  startFromEpoch: {
    symbol: 's₀',
    description: 'epochs before monitoring starts (Keras only)',
    domain: { min: '0', integer: true },
    optional: true,
  },
} as const;

const earlyStoppingFlags = {
  minDelta: {
    description: "'absolute': δ is replaced by |δ| (Keras, tfjs); 'signed': δ is used as given (Lightning)",
    values: ['absolute', 'signed'],
  },
  wait: {
    description:
      "'counted-before-test': wait += 1 every monitored epoch, reset to 0 by an improvement that also beats the baseline (Keras); 'counted-on-no-improvement': wait += 1 only when the epoch does not improve, reset by any improvement (tfjs, Lightning)",
    values: ['counted-before-test', 'counted-on-no-improvement'],
  },
  initialBest: {
    description:
      "'none': the first monitored value is always an improvement (Keras 3); 'baseline-or-infinity': best starts at the baseline, else ±∞ (tfjs); 'infinity': best starts at ±∞ (Lightning)",
    values: ['none', 'baseline-or-infinity', 'infinity'],
  },
  epochZeroGuard: {
    description: 'never stop at epoch 0 (Keras: `wait >= patience and epoch > 0`)',
    values: [true, false],
  },
  restore: {
    description:
      "'at-train-end': restore_best_weights restores the best epoch's weights when training ends, stopped early or not (Keras 3); 'unsupported': asking for it is an error (tfjs 4.22); 'none': there is no such option (Lightning)",
    values: ['at-train-end', 'unsupported', 'none'],
  },
  autoMode: {
    description:
      "how mode 'auto' picks the direction: 'loss-or-metric-direction' (Keras 3: 'loss' after removing 'val_' is min, else the compiled metric's direction, else an error); 'acc-substring' (tfjs: max when the name contains 'acc'); 'none' (Lightning: 'auto' is an error)",
    values: ['loss-or-metric-direction', 'acc-substring', 'none'],
  },
  thresholds: {
    description:
      'finite check, stopping threshold and divergence threshold, tested in this order before improvement (Lightning)',
    values: [true, false],
  },
} as const;

const noSlots = {} as const;

/** The patience rule's hyperparameters (patience, min_delta, Keras's start_from_epoch) and its convention flags. */
export type EarlyStoppingSchema = SchemaOf<
  typeof earlyStoppingHyperparameters,
  typeof earlyStoppingFlags,
  typeof noSlots
>;

/**
 * Early stopping on patience: with best the reference value, an epoch improves when its value v
 * satisfies v − δ' < best (mode min, δ' = −δ) or v − δ' > best (mode max, δ' = δ); training stops
 * once `patience` epochs have passed without an improvement.
 */
export const earlyStopping = defineEntry({
  name: 'early-stopping',
  kind: 'monitor',
  title: 'Early stopping (patience)',
  source:
    'Keras 3 keras/src/callbacks/early_stopping.py; tfjs-layers/src/callbacks.ts; Lightning callbacks/early_stopping.py',
  hyperparameters: earlyStoppingHyperparameters,
  flags: earlyStoppingFlags,
  slots: noSlots,
  presets: {
    keras: {
      source:
        'keras/src/callbacks/early_stopping.py and monitor_callback.py (Keras 3): min_delta=0, patience=0, start_from_epoch=0',
      defaults: { patience: '0', minDelta: '0', startFromEpoch: '0' },
      flags: {
        minDelta: 'absolute',
        wait: 'counted-before-test',
        initialBest: 'none',
        epochZeroGuard: true,
        restore: 'at-train-end',
        autoMode: 'loss-or-metric-direction',
        thresholds: false,
      },
    },
    tfjs: {
      source: 'tfjs-layers/src/callbacks.ts, tf.callbacks.earlyStopping (tfjs 4.22.0): minDelta=0, patience=0',
      defaults: { patience: '0', minDelta: '0' },
      flags: {
        minDelta: 'absolute',
        wait: 'counted-on-no-improvement',
        initialBest: 'baseline-or-infinity',
        epochZeroGuard: false,
        restore: 'unsupported',
        autoMode: 'acc-substring',
        thresholds: false,
      },
    },
    lightning: {
      source: 'src/lightning/pytorch/callbacks/early_stopping.py (PyTorch Lightning 2.x): min_delta=0.0, patience=3',
      defaults: { patience: '3', minDelta: '0' },
      flags: {
        minDelta: 'signed',
        wait: 'counted-on-no-improvement',
        initialBest: 'infinity',
        epochZeroGuard: false,
        restore: 'none',
        autoMode: 'none',
        thresholds: true,
      },
    },
  },
});
