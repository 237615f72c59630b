/**
 * The pairs of the error-bound table beyond the update rules (src/gate/bound-pairs.ts): the clippings
 * under their presets and the decay and EMA stages of Keras's wrapper, measured by `bounds` on the
 * cases `check` draws, and failing as a rule's pair fails when a case leaves its bound.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as entries from '../../core/catalogue/entries.js';
import type { CatalogueEntry } from '../../core/catalogue/index.js';
import { measuredConfigurations } from '../../src/gate/bound-pairs.js';
import { BoundExceededError, measureBoundTable } from '../../src/gate/bound-table.js';
import { production, type Implementation } from '../../src/gate/implementation.js';
import {
  casesPerWrappedRule,
  kerasWrappedEntries,
  kerasWrapperConfigurationText,
} from '../../src/gate/keras-wrapper/bound-rows.js';
import { tfjsClipArrays } from '../../src/production/tfjs/clipping.js';
import { useBackend } from '../../src/production/tfjs/backend.js';
import { kerasStepArrays } from '../../src/production/tfjs/keras-wrapper.js';
import { gradientTransformRecordOf } from '../../src/registry/gradient-transforms.js';
import { plannedProperties } from '../../src/runs/check-plan.js';
import { backends } from '../backends.js';
import { expectedRows } from '../fixtures/error-bound-rows.js';

const backend = backends[0]!;

describe('measuredConfigurations', () => {
  it('has a pair for every row the table must have, each output once, in the order of the table', () => {
    const rows = measuredConfigurations().flatMap((p) => p.outputs.map((o) => `${p.rule}/${p.preset}/${o.output}`));
    expect(rows).toEqual(expectedRows());
  });

  it("wraps the rules check runs keras-wrapper on, in check's order", () => {
    const checked = plannedProperties({ property: 'keras-wrapper' }).map((p) => p.rule);
    expect(kerasWrappedEntries().map((e) => e.name)).toEqual(checked);
    expect(checked).toHaveLength(16);
  });
});

describe("the wrapper's configuration", () => {
  it('is the EMA default and each wrapped rule with its keras lr and its own weight decay', () => {
    const text = kerasWrapperConfigurationText(kerasWrappedEntries());
    // keras/src/optimizers: SGD learning_rate=0.01; AdamW weight_decay=0.004; base_optimizer ema_momentum=0.99.
    expect(text).toMatch(/^defaults emaMomentum=0\.99; wraps sgd \(lr=0\.01\), /);
    expect(text).toContain(', adamw (lr=0.001, own weightDecay=0.004), ');
  });

  it("changes with a wrapped rule's keras learning rate", () => {
    const sgd = entries.sgd as CatalogueEntry;
    const keras = sgd.presets.keras!;
    const faster = {
      ...sgd,
      presets: { ...sgd.presets, keras: { ...keras, defaults: { ...keras.defaults, lr: '0.02' } } },
    };
    expect(kerasWrapperConfigurationText([faster])).toBe('defaults emaMomentum=0.99; wraps sgd (lr=0.02)');
    expect(kerasWrapperConfigurationText([sgd])).toBe('defaults emaMomentum=0.99; wraps sgd (lr=0.01)');
  });
});

describe('casesPerWrappedRule', () => {
  it.each([
    [100_000, 16, Array(16).fill(6250)],
    [10, 4, [3, 3, 2, 2]],
    [2, 5, [1, 1, 0, 0, 0]],
  ])('deals %i cases to %i rules', (cases, rules, shares) => {
    expect(casesPerWrappedRule(cases, rules)).toEqual(shares);
  });
});

describe('bounds on the clippings and the wrapper', () => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  it("measures a clipping's grads under each preset and the wrapper's decayed and average", () => {
    const impl = production(backend);
    const clip = measureBoundTable(impl, { cases: 20, seed: 1, selection: { rule: 'clip-by-global-norm' } });
    const wrapper = measureBoundTable(impl, { cases: 48, seed: 1, selection: { rule: 'keras-wrapper' } });
    const pairs = measuredConfigurations();
    for (const table of [clip, wrapper]) {
      expect(table.notMeasured).toBeUndefined();
      for (const row of table.rows) {
        expect(row.configuration).toBe(
          pairs.find((p) => p.rule === row.rule && p.preset === row.preset)!.configuration,
        );
        expect(row.compared).toBeGreaterThan(0);
        expect(row.maxRatio).toBeLessThanOrEqual(1);
        expect(row.maxError).toBeLessThanOrEqual(row.maxBound);
      }
    }
    const keys = (rows: typeof clip.rows) => rows.map((r) => `${r.rule}/${r.preset}/${r.output}`);
    expect(keys(clip.rows)).toEqual(['clip-by-global-norm/pytorch/grads', 'clip-by-global-norm/keras/grads']);
    expect(keys(wrapper.rows)).toEqual(['keras-wrapper/keras/decayed', 'keras-wrapper/keras/average']);
  });

  const scaled = (factor: number) => (xs: readonly Float32Array[]) => xs.map((x) => x.map((v) => v * factor));
  const measured = (impl: Implementation, rule: string, cases: number) => () =>
    measureBoundTable(impl, { cases, seed: 1, selection: { rule } });

  /** Production's clipping as an implementation's own `transform`, its output times `factor`. */
  function clippingTimes(factor: number): Implementation {
    return {
      ...production(backend),
      name: `clips times ${factor}`,
      transform: (config, grads) => {
        const clipped = tfjsClipArrays(gradientTransformRecordOf(config.entry.name).production, config, grads);
        const starts = grads.map((_, i) => grads.slice(0, i).reduce((n, g) => n + g.length, 0));
        return scaled(factor)(grads.map((g, i) => clipped.slice(starts[i], starts[i]! + g.length)));
      },
    };
  }

  /** Production's wrapper as an implementation's own `kerasStep`, its decayed θ and average times `factor`. */
  function wrapperTimes(factor: number): Implementation {
    const real = production(backend);
    return {
      ...real,
      name: `decays and averages times ${factor}`,
      kerasStep: (config, input) => {
        const s = kerasStepArrays(config, input, (c, i) => real.step(c, i));
        const times = scaled(factor);
        return { ...s, decayed: times(s.decayed), ...(s.average ? { average: times(s.average) } : {}) };
      },
    };
  }

  it("fails a clipping's pair when the clipped gradients are 2^-8 off, and not when they are exact", () => {
    expect(measured(clippingTimes(1), 'clip-by-value', 20)).not.toThrow();
    expect(measured(clippingTimes(1 + 2 ** -8), 'clip-by-value', 20)).toThrow(BoundExceededError);
    expect(measured(clippingTimes(1 + 2 ** -8), 'clip-by-value', 20)).toThrow(
      /^clip-by-value\/pytorch: a case left its derived bound/,
    );
  });

  it("fails the wrapper's pair when the decayed θ and the average are 2^-8 off, and not when they are exact", () => {
    expect(measured(wrapperTimes(1), 'keras-wrapper', 48)).not.toThrow();
    expect(measured(wrapperTimes(1 + 2 ** -8), 'keras-wrapper', 48)).toThrow(
      /^keras-wrapper\/keras: a case left its derived bound/,
    );
  });
});
