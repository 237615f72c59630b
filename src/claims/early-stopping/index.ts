/**
 * Early stopping's claims (docs/early-stopping.md): the invariances of the patience rule and of
 * Prechelt's GL and PQ, exact on the oracle and as far as the frameworks' floats keep them; that a
 * strictly improving sequence never stops; that the oracle decides every comparison exactly (against
 * an independent BigInt arithmetic); and, per framework, that float comparisons decide as the exact
 * ones do, which they do not near min_delta.
 *
 * @module
 */
import fc from 'fast-check';
import { earlyStopping, generalizationLoss, progressQuotient } from '../../../core/catalogue/monitors/index.js';
import type { EarlyStoppingSchema } from '../../../core/catalogue/monitors/early-stopping.js';
import { patienceRule } from '../../../core/catalogue/monitors/patience-rule.js';
import type { Configuration } from '../../../core/catalogue/types.js';
import { judgeCase } from '../../gate/monitors/agreement.js';
import { monitorCase, patienceCase, type MonitorCase } from '../../gate/monitors/arbitraries.js';
import {
  improvingBreaks,
  improvingCase,
  mirrorBreaks,
  scaleBreaks,
  scaleCase,
  shiftBreaks,
  shiftCase,
} from '../../gate/monitors/invariances.js';
import type { MonitorImplementation } from '../../gate/monitors/properties.js';
import type { Claim } from '../types.js';
import { checkBreaks, describeCase, PATIENCE_PRESETS, sidesOf } from './cases.js';
import { rationalPatienceArith } from './rational.js';

const KERAS = 'keras/src/callbacks/early_stopping.py, tfjs-layers/src/callbacks.ts, Lightning early_stopping.py';
const PRECHELT = 'Prechelt 1998, Early Stopping — But When?, section 2.2';
const patience = sidesOf(earlyStopping.name);
const gl = sidesOf(generalizationLoss.name);
const pq = sidesOf(progressQuotient.name);
const anyPreset = fc.constantFrom(...PATIENCE_PRESETS);
const shifts = anyPreset.chain((p) => shiftCase(earlyStopping, p));
const scales = fc.constantFrom(generalizationLoss, progressQuotient).chain((e) => scaleCase(e));
const patienceCases = anyPreset.chain((p) => patienceCase(earlyStopping, p));
const improving = anyPreset.chain((p) => improvingCase(earlyStopping, p));
const bySide = (impl: 'oracle' | 'production') => (name: string) => (name === gl.record.entry.name ? gl : pq)[impl];
const scaleOn = (side: 'oracle' | 'production') => (s: { c: MonitorCase; scale: number }) =>
  scaleBreaks(bySide(side)(s.c.config.entry.name), s);

/** The exact claims and their float counterparts: shift, scale, mode, strictly improving. */
function invariance(
  id: string,
  statement: string,
  source: string,
  oracleOnly: boolean,
  expected: readonly [Claim['expected'], Claim['expected']],
  check: (side: 'oracle' | 'production') => Claim['check'],
): Claim[] {
  const exact: Claim = { id, statement, source, on: 'oracle', expected: expected[0], check: check('oracle') };
  const float: Claim = {
    id: `${id}/float`,
    statement: `${statement} (the frameworks' floats)`,
    source,
    on: 'float32',
    expected: expected[1],
    check: check('production'),
  };
  return oracleOnly ? [exact] : [exact, float];
}

const impl = (side: 'oracle' | 'production'): MonitorImplementation => patience[side];

/** The oracle's decisions equal those of the rule run on BigInt fractions, comparison by comparison. */
function oracleExactBreaks(c: MonitorCase): string | undefined {
  const config = c.config as Configuration<EarlyStoppingSchema>;
  const options = c.input.options ?? {};
  const rational = patienceRule(
    config,
    c.input.values.values.length,
    options,
    rationalPatienceArith(config, c.input.values.values),
  );
  const oracle = patience.oracle(c.config, c.input);
  const decisions = (o: typeof oracle | typeof rational) =>
    JSON.stringify(o.epochs.map((e) => e.comparisons.map((x) => x.holds)));
  return decisions(oracle) === decisions(rational)
    ? undefined
    : `oracle ${decisions(oracle)}, BigInt fractions ${decisions(rational)}`;
}

/** Per framework: its float decisions equal the exact ones (refuted where a comparison lies within rounding). */
const floatVersusExact = (preset: 'keras' | 'tfjs' | 'lightning' | 'paper', name: string, runs: number): Claim => ({
  id: `early-stopping/float-decides-as-exact/${preset === 'paper' ? 'gl' : preset}`,
  statement: `${preset === 'paper' ? 'GL_α in float64' : `${preset}'s float comparisons`} decide every comparison as the exact one does`,
  source: preset === 'paper' ? PRECHELT : KERAS,
  on: 'float32',
  expected: 'refuted',
  check: (o) =>
    checkBreaks(
      monitorCase(sidesOf(name).record.entry, preset),
      (c) => {
        const j = judgeCase(sidesOf(name).record, c);
        return (
          j.mismatch ??
          (j.diverged === undefined
            ? undefined
            : `epoch ${j.diverged.epoch}, ${j.diverged.what}: the float decision differs from the exact one; the exact operands are ${j.diverged.margin} apart, within the rounding bound ${j.diverged.bound}`)
        );
      },
      (c) => describeCase(c),
      runs,
      o,
    ),
});

/** Early stopping's claims. */
export const earlyStoppingClaims: readonly Claim[] = [
  ...invariance(
    'early-stopping/shift-invariance',
    "adding a constant c to every value (and to the baseline and thresholds) leaves the patience rule's stop, best and restored epochs unchanged",
    KERAS,
    false,
    ['holds', 'refuted'],
    (side) => (o) =>
      checkBreaks(
        shifts,
        (s) => shiftBreaks(impl(side), s),
        (s) => describeCase(s.c, { c: String(s.shift) }),
        200,
        o,
      ),
  ),
  ...invariance(
    'early-stopping/gl-pq-scale-invariance',
    "scaling every E_va and E_tr by c > 0 leaves GL_α and PQ_α's decisions unchanged",
    PRECHELT,
    false,
    ['holds', 'holds'],
    (side) => (o) => checkBreaks(scales, scaleOn(side), (s) => describeCase(s.c, { c: String(s.scale) }), 200, o),
  ),
  ...invariance(
    'early-stopping/mode-symmetry',
    "mode 'max' on v decides as mode 'min' on −v (baseline and thresholds negated)",
    KERAS,
    false,
    ['holds', 'holds'],
    (side) => (o) =>
      checkBreaks(
        patienceCases,
        (c) => mirrorBreaks(impl(side), c),
        (c) => describeCase(c),
        200,
        o,
      ),
  ),
  ...invariance(
    'early-stopping/strictly-improving-never-stops',
    'a sequence that improves by more than |min_delta| at every epoch (no baseline, no thresholds) never stops',
    KERAS,
    false,
    ['holds', 'refuted'],
    (side) => (o) =>
      checkBreaks(
        improving,
        (c) => improvingBreaks(impl(side), c),
        (c) => describeCase(c),
        200,
        o,
      ),
  ),
  {
    id: 'early-stopping/oracle-decides-exactly',
    statement:
      'the oracle decides every comparison of the patience rule as exact rational arithmetic does, near min_delta included',
    source: KERAS,
    on: 'oracle',
    expected: 'holds',
    check: (o) => checkBreaks(patienceCases, oracleExactBreaks, (c) => describeCase(c), 200, o),
  },
  floatVersusExact('keras', earlyStopping.name, 200),
  floatVersusExact('tfjs', earlyStopping.name, 500),
  floatVersusExact('lightning', earlyStopping.name, 200),
  floatVersusExact('paper', generalizationLoss.name, 200),
];
