/**
 * Weight penalties as catalogue entries (docs/update-rules.md, section Penalties): L1, L2,
 * elastic net and the smooth approximation of L1. Each has three outputs on a weight vector w:
 * the penalty (a sum), its gradient (subgradient 0 at w = 0 for L1), and the proximal step with step
 * size α (none for the smooth approximation). The L2 convention is a flag:
 *
 *   half (PyTorch's weight_decay):  λ/2 ‖w‖²,  gradient λ w,    prox w / (1 + α λ)
 *   full (Keras and tfjs):          λ ‖w‖²,    gradient 2 λ w,  prox w / (1 + 2 α λ)
 *
 * @module
 */
import { defineEntry, type SchemaOf } from '../define.js';
import type { CatalogueEntry, HyperparameterSpec } from '../types.js';
import { hyperparameters } from '../rules/common.js';

const strength = (symbol: string, what: string): HyperparameterSpec => ({
  symbol,
  description: `${what} penalty strength`,
  domain: { min: '0' },
});
const step = { ...hyperparameters.learningRate, description: 'step size α of the proximal step' };
const noFlags = {} as const;
const conventionFlags = {
  convention: {
    description: "L2's scale: 'half' is λ/2 ‖w‖² (PyTorch weight_decay), 'full' is λ ‖w‖² (Keras, tfjs)",
    values: ['half', 'full'],
  },
} as const;
const noSlots = {} as const;

const l1Hyperparameters = { lambda: strength('λ', 'L1'), lr: step } as const;
const l2Hyperparameters = { lambda: strength('λ', 'L2'), lr: step } as const;
const elasticNetHyperparameters = { lambda1: strength('λ1', 'L1'), lambda2: strength('λ2', 'L2'), lr: step } as const;
const smoothL1Hyperparameters = {
  lambda: strength('λ', 'L1'),
  eps: { symbol: 'ε', description: 'smoothing: √(w² + ε) → |w| as ε → 0', domain: { min: '0', minOpen: true } },
} as const;

/** L1's strength λ and proximal step α; no flags, no state. */
export type L1Schema = SchemaOf<typeof l1Hyperparameters, typeof noFlags, typeof noSlots>;
/** L2's strength λ and proximal step α, and its scale convention; no state. */
export type L2Schema = SchemaOf<typeof l2Hyperparameters, typeof conventionFlags, typeof noSlots>;
/** The elastic net's strengths λ1, λ2 and proximal step α, and L2's scale convention; no state. */
export type ElasticNetSchema = SchemaOf<typeof elasticNetHyperparameters, typeof conventionFlags, typeof noSlots>;
/** The smooth L1's strength λ and smoothing ε; no flags, no state. */
export type SmoothL1Schema = SchemaOf<typeof smoothL1Hyperparameters, typeof noFlags, typeof noSlots>;

/** L1: λ ‖w‖₁, proximal step soft thresholding by α λ. */
export const l1 = defineEntry({
  name: 'l1',
  kind: 'penalty',
  title: 'L1 penalty',
  source: 'Tibshirani 1996; the survey (arXiv:1712.04711), regularization',
  hyperparameters: l1Hyperparameters,
  flags: noFlags,
  slots: noSlots,
  presets: {
    paper: {
      source: 'λ ‖w‖₁; prox = soft thresholding (Parikh & Boyd 2014, section 6.5.2)',
      defaults: { lambda: '0.01', lr: '0.01' },
      flags: {},
    },
    keras: {
      source: 'keras/src/regularizers/regularizers.py, L1(l1=0.01)',
      defaults: { lambda: '0.01', lr: '0.01' },
      flags: {},
    },
    tfjs: {
      source: 'tfjs-layers/src/regularizers.ts, l1({l1: 0.01})',
      defaults: { lambda: '0.01', lr: '0.01' },
      flags: {},
    },
  },
});

/** L2: λ/2 ‖w‖² (half) or λ ‖w‖² (full). */
export const l2 = defineEntry({
  name: 'l2',
  kind: 'penalty',
  title: 'L2 penalty',
  source: 'Hoerl & Kennard 1970; Krogh & Hertz 1992; the survey, regularization',
  hyperparameters: l2Hyperparameters,
  flags: conventionFlags,
  slots: noSlots,
  presets: {
    paper: {
      source: 'λ/2 ‖w‖² (Krogh & Hertz 1992)',
      defaults: { lambda: '0.01', lr: '0.01' },
      flags: { convention: 'half' },
    },
    pytorch: {
      source: 'torch/optim/sgd.py weight_decay: gradient λ w, so the penalty is λ/2 ‖w‖²',
      defaults: { lambda: '0.01', lr: '0.01' },
      flags: { convention: 'half' },
    },
    keras: {
      source: 'keras/src/regularizers/regularizers.py, L2(l2=0.01): l2 · Σ w²',
      defaults: { lambda: '0.01', lr: '0.01' },
      flags: { convention: 'full' },
    },
    tfjs: {
      source: 'tfjs-layers/src/regularizers.ts, l2({l2: 0.01}): l2 · Σ w²',
      defaults: { lambda: '0.01', lr: '0.01' },
      flags: { convention: 'full' },
    },
  },
});

/** Elastic net: λ1 ‖w‖₁ plus the L2 penalty with λ2. */
export const elasticNet = defineEntry({
  name: 'elastic-net',
  kind: 'penalty',
  title: 'Elastic net',
  source: 'Zou & Hastie 2005',
  hyperparameters: elasticNetHyperparameters,
  flags: conventionFlags,
  slots: noSlots,
  presets: {
    paper: {
      source: 'Zou & Hastie 2005: λ1 ‖w‖₁ + λ2 ‖w‖²',
      defaults: { lambda1: '0.01', lambda2: '0.01', lr: '0.01' },
      flags: { convention: 'full' },
    },
    pytorch: {
      source: 'λ1 ‖w‖₁ by hand plus weight_decay λ2 (λ2/2 ‖w‖²)',
      defaults: { lambda1: '0.01', lambda2: '0.01', lr: '0.01' },
      flags: { convention: 'half' },
    },
    keras: {
      source: 'keras/src/regularizers/regularizers.py, L1L2(l1, l2)',
      defaults: { lambda1: '0.01', lambda2: '0.01', lr: '0.01' },
      flags: { convention: 'full' },
    },
    tfjs: {
      source: 'tfjs-layers/src/regularizers.ts, l1l2({l1: 0.01, l2: 0.01})',
      defaults: { lambda1: '0.01', lambda2: '0.01', lr: '0.01' },
      flags: { convention: 'full' },
    },
  },
});

/** Smooth L1: λ Σ √(w² + ε), gradient λ w / √(w² + ε). */
export const smoothL1 = defineEntry({
  name: 'smooth-l1',
  kind: 'penalty',
  title: 'Smooth approximation of L1',
  source: 'Schmidt, Fung & Rosales 2007 (λ Σ √(w² + ε))',
  hyperparameters: smoothL1Hyperparameters,
  flags: noFlags,
  slots: noSlots,
  presets: {
    paper: { source: 'λ Σ √(w² + ε), gradient λ w / √(w² + ε)', defaults: { lambda: '0.01', eps: '1e-6' }, flags: {} },
  },
});

/** The penalties, in the order reports list them. */
export const penalties: readonly CatalogueEntry[] = [l1, l2, elasticNet, smoothL1];
