/**
 * A part of the error-bound table: which pairs `--rule` and `--preset` select, the configuration each
 * row records, and how a measured part replaces its rows (src/gate/bound-selection.ts,
 * src/gate/bound-splice.ts).
 */
import { describe, expect, it } from 'vitest';
import * as entries from '../../core/catalogue/entries.js';
import { OptionError } from '../../core/catalogue/index.js';
import { configurationText, selectPairs } from '../../src/gate/bound-selection.js';
import { checkSpliceable, spliceBoundTable } from '../../src/gate/bound-splice.js';
import { measuredConfigurations } from '../../src/gate/bound-pairs.js';
import type { BoundRow, BoundTable } from '../../src/gate/bound-table.js';

const pairs = measuredConfigurations();
const names = (ps: readonly { rule: string; preset: string }[]) => ps.map((p) => `${p.rule}/${p.preset}`);

describe('selectPairs', () => {
  it('selects a rule under every preset it has, a preset under every rule that has it, or one pair', () => {
    expect(names(selectPairs(pairs, { rule: 'sgd' }))).toEqual(['sgd/paper', 'sgd/pytorch', 'sgd/keras', 'sgd/tfjs']);
    expect(names(selectPairs(pairs, { rule: 'adamw', preset: 'keras' }))).toEqual(['adamw/keras']);
    const optax = names(selectPairs(pairs, { preset: 'optax' }));
    expect(optax).toEqual(names(pairs.filter((p) => p.preset === 'optax')));
    expect(optax).toContain('lars/optax');
    expect(selectPairs(pairs, {})).toEqual(pairs);
  });

  it("selects a clipping's presets, and the wrapper's stages as the one pair keras-wrapper/keras", () => {
    expect(names(selectPairs(pairs, { rule: 'clip-by-global-norm' }))).toEqual([
      'clip-by-global-norm/pytorch',
      'clip-by-global-norm/keras',
    ]);
    expect(names(selectPairs(pairs, { rule: 'keras-wrapper' }))).toEqual(['keras-wrapper/keras']);
    const keras = names(selectPairs(pairs, { preset: 'keras' }));
    expect(keras).toContain('clip-by-norm/keras');
    expect(keras.at(-1)).toBe('keras-wrapper/keras');
    expect(names(selectPairs(pairs, { preset: 'pytorch' }))).not.toContain('clip-by-norm/pytorch');
    expect(() => selectPairs(pairs, { rule: 'keras-wrapper', preset: 'pytorch' })).toThrow(
      "keras-wrapper has no preset 'pytorch'; it has keras",
    );
  });

  it.each([
    [{ rule: 'adamw2' }, /unknown rule 'adamw2'; the table measures: sgd, momentum/],
    [{ rule: 'dropout' }, /unknown rule 'dropout'/],
    [{ preset: 'jax' }, /unknown preset 'jax'; presets: paper, pytorch/],
    [{ rule: 'nag', preset: 'keras' }, /nag has no preset 'keras'; it has paper$/],
    [{ preset: 'lightning' }, /nothing the table measures has preset 'lightning'/],
  ])('refuses %o', (selection, message) => {
    expect(() => selectPairs(pairs, selection)).toThrow(OptionError);
    expect(() => selectPairs(pairs, selection)).toThrow(message);
  });
});

describe('configurationText', () => {
  it("is the preset's defaults and flags, each in name order", () => {
    expect(configurationText(entries.sgd, 'paper')).toBe('defaults lr=0.01; flags none');
    // core/catalogue/rules/adam.ts: AdamW under keras, Keras 3's defaults and its decay order.
    expect(configurationText(entries.adamw, 'keras')).toBe(
      'defaults beta1=0.9 beta2=0.999 eps=1e-7 lr=0.001 weightDecay=0.004; flags amsgrad=false biasCorrection=exact-pow form=efficient weightDecay=decoupled-before',
    );
  });

  it('tells every pair of the table apart from the others of its rule', () => {
    for (const rule of new Set(pairs.map((p) => p.rule))) {
      const own = pairs.filter((p) => p.rule === rule);
      const texts = new Set(own.map((p) => p.configuration));
      // SGD's paper, keras and tfjs presets share α = 0.01 and have no flags, and clip-by-value's keras
      // and pytorch presets are the same clamp at v = 1: the same configuration.
      if (rule !== 'sgd' && rule !== 'clip-by-value') expect(texts.size, rule).toBe(own.length);
    }
  });
});

const row = (rule: string, preset: string, output: string, maxError: number): BoundRow => ({
  rule,
  preset,
  output,
  configuration: `${rule}/${preset}`,
  compared: 10,
  maxError,
  maxBound: 2,
  maxRatio: maxError / 2,
});

const table: BoundTable = {
  command: 'npx optim-oracle bounds --write --runs 20 --seed 7',
  implementation: 'optim-oracle on cpu',
  seed: 7,
  casesPerPreset: 20,
  rows: [
    row('sgd', 'paper', 'params', 1),
    row('sgd', 'pytorch', 'params', 1),
    row('nag', 'paper', 'params', 1),
    row('adamw', 'paper', 'params', 1),
    row('adamw', 'keras', 'params', 1),
    row('adamw', 'keras', 'm', 1),
    row('adamw', 'keras', 'v', 1),
  ],
  notMeasured: ['adamw/keras/v: no element compared', 'nag/paper/velocity: no element compared'],
};

describe('spliceBoundTable', () => {
  const { notMeasured: _, ...header } = table;
  const part: BoundTable = {
    ...header,
    command: `${table.command} --rule adamw --preset keras`,
    selection: { rule: 'adamw', preset: 'keras' },
    rows: [row('adamw', 'keras', 'params', 1.5), row('adamw', 'keras', 'm', 1.25), row('adamw', 'keras', 'v', 0.5)],
  };

  it("replaces the selected pairs' rows in place, keeps the others and the header", () => {
    const spliced = spliceBoundTable(table, part);
    expect(spliced.rows).toEqual([...table.rows.slice(0, 4), ...part.rows]);
    expect(spliced.notMeasured).toEqual(['nag/paper/velocity: no element compared']);
    expect(spliced.command).toBe(table.command);
    expect(spliced).not.toHaveProperty('selection');
  });

  it("puts the rows of a pair the table lacked in the catalogue's order", () => {
    const without = { ...table, rows: table.rows.filter((r) => r.rule !== 'nag') };
    const nag = { ...part, selection: { rule: 'nag' }, rows: [row('nag', 'paper', 'params', 0.75)] };
    expect(spliceBoundTable(without, nag).rows).toEqual([
      ...table.rows.slice(0, 2),
      ...nag.rows,
      ...table.rows.slice(3),
    ]);
  });

  it('puts the rows of a clipping after the update rules and before the wrapper stages', () => {
    const wrapperRow = row('keras-wrapper', 'keras', 'average', 1);
    const clip = {
      ...part,
      selection: { rule: 'clip-by-norm' },
      rows: [row('clip-by-norm', 'keras', 'grads', 0.5)],
    };
    expect(spliceBoundTable({ ...table, rows: [wrapperRow, ...table.rows] }, clip).rows).toEqual([
      ...table.rows,
      ...clip.rows,
      wrapperRow,
    ]);
  });

  it('refuses a whole table and a row outside the selection', () => {
    expect(() => spliceBoundTable(table, table)).toThrow(/replaces the table whole/);
    const stray = { ...part, rows: [...part.rows, row('sgd', 'paper', 'params', 1)] };
    expect(() => spliceBoundTable(table, stray)).toThrow(
      'a row of sgd/paper is outside the selection --rule adamw --preset keras',
    );
  });
});

describe('checkSpliceable', () => {
  it('passes a measurement made as the table was, and names each difference otherwise', () => {
    expect(() => checkSpliceable(table, table, 'f.json')).not.toThrow();
    const other = { implementation: 'optim-oracle on wasm', seed: 8, casesPerPreset: 100000 };
    expect(() => checkSpliceable(table, other, 'f.json')).toThrow(
      "f.json was measured with implementation 'optim-oracle on cpu', not 'optim-oracle on wasm' (--backend), seed 7, not 8 (--seed), 20 cases per rule and preset, not 100000 (--runs)",
    );
    expect(() => checkSpliceable(table, { ...table, seed: 8 }, 'f.json')).toThrow(/^f\.json was measured with seed 7/);
  });
});
