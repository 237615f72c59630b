/**
 * Prechelt's stopping criteria as catalogue entries (kind `monitor`, preset `paper`): GL_α
 * (generalization loss), PQ_α (quotient of generalization loss and training progress, over training
 * strips of length k) and UP_s (validation error up in s successive strips). Prechelt 1998, "Early
 * Stopping — But When?", in Neural Networks: Tricks of the Trade, LNCS 1524, pp. 55–69, section 2.2;
 * the definitions are written out in docs/early-stopping.md.
 *
 * @module
 */
import { defineEntry, type SchemaOf } from '../define.js';

const PAPER = 'Prechelt 1998, Early Stopping — But When?, LNCS 1524, section 2.2';

const alpha = (what: string) =>
  ({
    symbol: 'α',
    description: `threshold on ${what}`,
    domain: { min: '0' },
  }) as const;
const stripLength = {
  symbol: 'k',
  description: 'training strip length: epochs n+1 … n+k with n divisible by k',
  domain: { min: '1', integer: true },
} as const;
const noFlags = {} as const;
const noSlots = {} as const;

const glHyperparameters = { alpha: alpha('the generalization loss GL(t), in percent') } as const;
const pqHyperparameters = { alpha: alpha('GL(t) / P_k(t)'), k: stripLength } as const;
const upHyperparameters = {
  s: {
    symbol: 's',
    description: 'successive strips with increasing validation error',
    domain: { min: '1', integer: true },
  },
  k: stripLength,
} as const;

/** GL_α's threshold α. */
export type GeneralizationLossSchema = SchemaOf<typeof glHyperparameters, typeof noFlags, typeof noSlots>;
/** PQ_α's threshold α and strip length k. */
export type ProgressQuotientSchema = SchemaOf<typeof pqHyperparameters, typeof noFlags, typeof noSlots>;
/** UP_s's count s and strip length k. */
export type SuccessiveIncreasesSchema = SchemaOf<typeof upHyperparameters, typeof noFlags, typeof noSlots>;

/** GL_α: stop after the first epoch t with GL(t) = 100 · (E_va(t) / E_opt(t) − 1) > α. */
export const generalizationLoss = defineEntry({
  name: 'early-stopping-gl',
  kind: 'monitor',
  title: 'Early stopping GL_α (generalization loss)',
  source: PAPER,
  hyperparameters: glHyperparameters,
  flags: noFlags,
  slots: noSlots,
  presets: {
    paper: { source: `${PAPER}; α = 5 among the values studied (1 to 5)`, defaults: { alpha: '5' }, flags: {} },
  },
});

/**
 * PQ_α: stop after the first end-of-strip epoch t with GL(t) / P_k(t) > α, where
 * P_k(t) = 1000 · (Σ_{t'=t−k+1..t} E_tr(t') / (k · min_{t'=t−k+1..t} E_tr(t')) − 1).
 */
export const progressQuotient = defineEntry({
  name: 'early-stopping-pq',
  kind: 'monitor',
  title: 'Early stopping PQ_α (generalization loss over training progress)',
  source: PAPER,
  hyperparameters: pqHyperparameters,
  flags: noFlags,
  slots: noSlots,
  presets: {
    paper: {
      source: `${PAPER}; k = 5 as in the paper's experiments, α = 0.5 among the values studied (0.5 to 3)`,
      defaults: { alpha: '0.5', k: '5' },
      flags: {},
    },
  },
});

/** UP_s: stop after the first end-of-strip epoch t with E_va(t − i k) > E_va(t − (i + 1) k) for i = 0 … s − 1. */
export const successiveIncreases = defineEntry({
  name: 'early-stopping-up',
  kind: 'monitor',
  title: 'Early stopping UP_s (validation error up in s successive strips)',
  source: PAPER,
  hyperparameters: upHyperparameters,
  flags: noFlags,
  slots: noSlots,
  presets: {
    paper: {
      source: `${PAPER}; k = 5 as in the paper's experiments, s = 2 among the values studied (2 to 4)`,
      defaults: { s: '2', k: '5' },
      flags: {},
    },
  },
});
