import { describe, expect, it } from 'vitest';
import { dropConnectOracle } from '../../../oracle/regularizers/dropconnect.js';
import { dropoutOracle } from '../../../oracle/regularizers/dropout.js';
import { l2Exact, penaltyOracle } from '../../../oracle/regularizers/penalties.js';
import { adamOracle } from '../../../oracle/rules/adam.js';
import { ConfigurationError, configure, PRESET_NAMES } from '../../../core/catalogue/index.js';
import * as entries from '../../../core/catalogue/entries.js';
import { catalogue, entryOf, updateRecords } from '../../../src/registry/index.js';
import { l2 } from '../../../core/catalogue/regularizers/penalties.js';

const firstPreset = (name: string) => PRESET_NAMES.find((p) => entryOf(name).presets[p] !== undefined)!;
const input = { params: Float32Array.of(1), grads: Float32Array.of(1), state: {}, t: 1 };

describe("an oracle given another entry's configuration", () => {
  const pairs = updateRecords
    .map((r) => r.oracle)
    .flatMap((oracle) =>
      catalogue.filter((e) => !oracle.entries.includes(e.name)).map((e) => [oracle, e.name] as const),
    );

  it('has pairs to try', () => expect(pairs.length).toBeGreaterThan(50));

  it.each(pairs.map(([oracle, entry]) => [oracle.name, entry, oracle] as const))(
    'the %s oracle throws on %s, naming both',
    (name, entry, oracle) => {
      const config = configure(entryOf(entry), firstPreset(entry));
      const message = new RegExp(
        `^${name}: the oracle rule '${name}' \\(for ${oracle.entries.join(', ')}\\) was given a configuration of '${entry}'`,
      );
      expect(() => oracle.step(config, input)).toThrow(ConfigurationError);
      expect(() => oracle.step(config, input)).toThrow(message);
      expect(() => oracle.init(config, Float32Array.of(1))).toThrow(message);
      expect(() => oracle.initialOutput(config, Float32Array.of(1))).toThrow(message);
      expect(() => oracle.exact(config, input)).toThrow(message);
    },
  );

  it("the regularizer oracles throw on an update rule's configuration", () => {
    const sgd = configure(entries.sgd, 'paper');
    expect(() => dropoutOracle(sgd, Float32Array.of(1), Float32Array.of(1))).toThrow(
      /^dropout: the oracle rule 'dropout' \(for dropout\) was given a configuration of 'sgd'/,
    );
    expect(() => dropConnectOracle(sgd, Float32Array.of(1), Float32Array.of(1), Float32Array.of(1))).toThrow(
      /^dropconnect: the oracle rule 'dropconnect' \(for dropconnect\) was given a configuration of 'sgd'/,
    );
    expect(() => penaltyOracle(l2Exact, sgd, Float32Array.of(1))).toThrow(
      /^l2: the oracle rule 'l2' \(for l2\) was given a configuration of 'sgd'/,
    );
    expect(() => dropoutOracle(configure(l2, 'pytorch'), Float32Array.of(1), Float32Array.of(1))).toThrow(
      /^dropout: .* was given a configuration of 'l2'/,
    );
  });

  it('an oracle given something that is not a configuration says so', () => {
    expect(() => adamOracle.step({} as never, input)).toThrow(ConfigurationError);
  });
});
