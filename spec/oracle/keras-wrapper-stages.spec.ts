/**
 * The stages of Keras's wrapper (oracle/keras-wrapper.ts) certified through the oracle's stages,
 * against their decimal ladder alone (spec/deep/formula-stages.ts): the decay with a constant rate
 * and the moving average, the same bits and marks; and a decay by a schedule's rate, which only
 * decimal intervals enclose, certified on the ladder at once.
 */
import { describe, expect, it } from 'vitest';
import { configureSchedule, exponentialDecay } from '../../core/schedules/index.js';
import { decayOracle } from '../../oracle/keras-wrapper.js';
import { certifyStatistics, resetCertifyStatistics, withCertifyStages } from '../../oracle/staged.js';
import { kerasWrapperSubjects, outputDifferences, stageAgreementSpec } from '../deep/formula-stages.js';

stageAgreementSpec(
  'spec/oracle/keras-wrapper-stages.spec.ts',
  "Keras's wrapper stages: the stages agree with the decimal ladder",
  kerasWrapperSubjects,
);

describe("a decay by a schedule's rate", () => {
  it('goes to the decimal ladder at once, and a constant rate through the stages', () => {
    const schedule = configureSchedule(exponentialDecay, 'pytorch', {
      hyper: { lr: '0.05', decayRate: '0.1', decaySteps: 30 },
    });
    const theta = Float32Array.of(1, -3.5, 0, 1e-30);
    resetCertifyStatistics();
    const staged = decayOracle(theta, '0.01', { schedule, iterations: 45 }, 'decayed');
    // Certified by the ladder itself, not through certifyStaged: nothing counted under the wrapper.
    expect(certifyStatistics()['keras-wrapper']).toBeUndefined();
    const decimal = withCertifyStages('decimal', () =>
      decayOracle(theta, '0.01', { schedule, iterations: 45 }, 'decayed'),
    );
    expect(outputDifferences(staged, decimal)).toEqual([]);
    // θ − θ · 0.01 · 0.005 (0.05 · 0.1^⌊45/30⌋) = 0.99995 θ.
    expect(staged.values[0]).toBe(Math.fround(0.99995));
    // The same rate as a constant goes through the stages, to the same values.
    const constant = decayOracle(theta, '0.01', '0.005', 'decayed');
    expect(certifyStatistics()['keras-wrapper']!.fast).toBe(1);
    expect(outputDifferences(constant, staged)).toEqual([]);
  });
});
