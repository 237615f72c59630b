/**
 * Rprop as PyTorch 1.13 implements it (torch/optim/rprop.py, _single_tensor_rprop), the iRprop− of
 * Igel & Hüsken 2000 ("Improving the Rprop Learning Algorithm"; Riedmiller & Braun 1993 for Rprop):
 * per element a step size Δ and the previous gradient, with s = sign(g · prev):
 *
 *   Δ ← clamp(Δ · η, Δmin, Δmax),   η = η+ where s > 0, η− where s < 0, 1 where s = 0
 *   g ← 0 where s < 0 (and there the parameter does not move)
 *   θ ← θ − sign(g) Δ,   prev ← g
 *
 * Δ starts at lr, prev at 0. The clamp is torch.clamp's min(max(x, Δmin), Δmax), so Δmin > Δmax
 * gives Δmax. PyTorch 1.13's torch.sign is 0 for NaN: a NaN g · prev (a NaN input, or ∞ · 0) counts as
 * s = 0 (η = 1, g kept), and a NaN g' leaves θ where it is.
 *
 * @module
 */
import { defineEntry, slot, type SchemaOf } from '../define.js';
import { hyperparameters } from './common.js';

const rpropHyperparameters = {
  lr: { ...hyperparameters.learningRate, description: 'the initial step size Δ of every element' },
  etaMinus: {
    symbol: 'η−',
    description: 'step-size factor after a sign change',
    domain: { min: '0', max: '1', minOpen: true, maxOpen: true },
  },
  etaPlus: { symbol: 'η+', description: 'step-size factor while the sign holds', domain: { min: '1', minOpen: true } },
  stepSizeMin: { symbol: 'Δmin', description: 'smallest step size', domain: { min: '0' } },
  stepSizeMax: { symbol: 'Δmax', description: 'largest step size', domain: { min: '0' } },
} as const;

const rpropFlags = {} as const;

const rpropSlots = {
  prev: slot.signed(1),
  // Step sizes change by the signs of the gradients alone: scaling the gradients leaves them alone.
  stepSize: { ...slot.nonnegative(0), initialFrom: 'lr' },
} as const;

/** Rprop's hyperparameters, no flags, the previous gradient and the per-element step size. */
export type RpropSchema = SchemaOf<typeof rpropHyperparameters, typeof rpropFlags, typeof rpropSlots>;

/** Rprop (iRprop−): per-element step sizes grown by η+ and shrunk by η− by the sign of g · prev. */
export const rprop = defineEntry({
  name: 'rprop',
  kind: 'elementwise-update',
  title: 'Rprop (iRprop−)',
  source: 'Riedmiller & Braun 1993; Igel & Hüsken 2000 (iRprop−); torch/optim/rprop.py (PyTorch 1.13)',
  hyperparameters: rpropHyperparameters,
  flags: rpropFlags,
  slots: rpropSlots,
  presets: {
    pytorch: {
      source: 'torch/optim/rprop.py (1.13), _single_tensor_rprop (lr 0.01, etas (0.5, 1.2), step_sizes (1e-6, 50))',
      defaults: { lr: '0.01', etaMinus: '0.5', etaPlus: '1.2', stepSizeMin: '0.000001', stepSizeMax: '50' },
      flags: {},
    },
  },
});
