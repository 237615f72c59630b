/**
 * The penalties' stages against their decimal ladder (oracle/regularizers/penalties.ts certifies
 * through certifyStaged): on weight vectors drawn as the penalties' agreement property draws them
 * (src/gate/regularizers/penalty-property.ts), the staged penalty, gradient and proximal step must
 * equal the ones the decimal ladder alone gives, bit for bit with the sign of every zero, with the
 * same uncertified marks. spec/oracle/regularizers/penalty-stages.spec.ts runs it at the depth `npm
 * test` affords, spec/deep/penalty-stages.deep.ts at $OPTIM_ORACLE_DEEP_FAST_CASES weights.
 */
import fc from 'fast-check';
import type { PresetName } from '../../core/catalogue/index.js';
import { penaltyOracle, type PenaltyOracleOutputs } from '../../oracle/regularizers/penalties.js';
import { withCertifyStages } from '../../oracle/staged.js';
import { penaltyCase } from '../../src/gate/regularizers/penalty-property.js';
import type { PenaltyRecord } from '../../src/registry/records.js';

/** A number as text that keeps −0. */
const num = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));

/** Where two outputs of the penalty oracle differ: bit for bit, and in their uncertified marks. */
export function penaltyDifferences(staged: PenaltyOracleOutputs, decimal: PenaltyOracleOutputs): string[] {
  const found: string[] = [];
  for (const key of ['penalty', 'gradient', 'prox'] as const) {
    const [x, y] = [staged[key], decimal[key]];
    if (x === undefined || y === undefined) {
      if (x !== y) found.push(`${key} present on one side only`);
      continue;
    }
    if (x.length !== y.length) found.push(`${key}: ${x.length} elements against ${y.length}`);
    x.forEach((v, i) => {
      if (!Object.is(v, y[i])) found.push(`${key}[${i}] ${num(v)} ≠ ${num(y[i] ?? NaN)}`);
    });
  }
  if (JSON.stringify(staged.uncertified) !== JSON.stringify(decimal.uncertified))
    found.push(`uncertified ${JSON.stringify(staged.uncertified)}, the ladder ${JSON.stringify(decimal.uncertified)}`);
  return found;
}

/**
 * Compares the stages on vectors of `record`'s penalty under `preset` drawn from `seed` until
 * `weights` weights have been compared; returns what differed (each with its case) and the count.
 */
export function penaltyDisagreements(
  record: PenaltyRecord,
  preset: PresetName,
  weights: number,
  seed: number,
): { found: string[]; compared: number } {
  const found: string[] = [];
  let compared = 0;
  for (let batch = 0; compared < weights; batch++)
    for (const { config, w } of fc.sample(penaltyCase(record.entry, preset), {
      numRuns: 64,
      seed: seed + 7919 * batch,
    })) {
      const staged = penaltyOracle(record.oracle, config, w);
      const decimal = withCertifyStages('decimal', () => penaltyOracle(record.oracle, config, w));
      const where = `${record.entry.name}/${preset} ${JSON.stringify(config.hyper)} w = [${Array.from(w, num).join(', ')}]`;
      for (const d of penaltyDifferences(staged, decimal)) found.push(`${d} (${where})`);
      compared += w.length;
      if (compared >= weights) break;
    }
  return { found, compared };
}
