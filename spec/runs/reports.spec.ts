/**
 * The reports: a failure as data (the case's inputs, expected, actual, error, bound, ratio, tier),
 * the err/bound histograms and the worst case in the tally, the JSON Schema of the `--json` report
 * (generated, committed, validated with Ajv), and the Markdown and JUnit forms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBitsText, ulp } from '../../oracle/binary32.js';
import { prettyJson } from '../../src/fixtures/pretty-json.js';
import { HISTOGRAM_BINS } from '../../src/gate/histogram.js';
import { mergeTallies } from '../../src/gate/properties.js';
import type { CheckReport } from '../../src/runs/check-types.js';
import { junitReport } from '../../src/runs/formats/junit.js';
import { markdownReport } from '../../src/runs/formats/markdown.js';
import { REPORT_SCHEMA } from '../../src/runs/report-schema.js';
import { backends } from '../backends.js';
import { root } from '../cli/in-process.js';
import { parseXml, type XmlElement } from './xml.js';
import { smallReport } from './report-fixtures.js';

const backend = backends[0]!;
const committed = readFileSync(join(root, 'fixtures/schema/report.schema.json'), 'utf8');
const validate = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(JSON.parse(committed));
/** The report as `--json` writes it (∞ and NaN become null). */
const asJson = (r: CheckReport) => JSON.parse(JSON.stringify(r)) as CheckReport;

let passing: CheckReport;
let failing: CheckReport;
beforeAll(async () => {
  passing = await smallReport(backend);
  failing = await smallReport(backend, true);
});

describe('a failure as data', () => {
  it('lists each mismatching element with the case inputs, the oracle value (p − lr·g), actual = expected’s production + 1, error, bound, ratio and tier', () => {
    const property = failing.results[0]!.properties[0]!;
    expect(property.passed).toBe(false);
    const failure = property.failure!;
    expect(failure).toMatchObject({ rule: 'sgd', preset: 'paper' });
    expect(failure.mismatches.length).toBeGreaterThan(0);
    const lr = Number(failure.hyper['lr']);
    for (const m of failure.mismatches) {
      expect(m.output).toBe('params');
      expect(m.tier).toBe('faithful-to-preset');
      expect(m.inputs['params']).toEqual(failure.inputs['params']![m.index]);
      const [p, g] = [fromBitsText(m.inputs['params']!.bits), fromBitsText(m.inputs['grads']!.bits)];
      const expected = fromBitsText(m.expected.bits);
      // SGD (Ruder 2016, eq. 1): θ − η·g, correctly rounded to float32; float64 adds at most 2^-52 of the terms.
      const exact = p - lr * g;
      expect(Math.abs(expected - exact)).toBeLessThanOrEqual(
        ulp(expected) / 2 + 2 ** -51 * (Math.abs(p) + Math.abs(lr * g)),
      );
      expect(Number(m.expected.decimal)).toBe(expected);
      const actual = fromBitsText(m.actual.bits);
      expect(Number(m.actual.decimal)).toBe(actual);
      expect(m.error).toBe(Math.abs(actual - expected));
      expect(m.ratio).toBe(m.error / m.bound);
      expect(m.ratio).toBeGreaterThan(1);
    }
    // The message keeps its words.
    expect(property.error).toMatch(/disagrees with the oracle on sgd\/paper at t = \d+/);
  });

  it('the tally counts err/bound in 11 bins, summing to the elements compared, and keeps the worst case', () => {
    const tally = passing.results[0]!.tally;
    for (const [output, m] of Object.entries(tally.outputs)) {
      const h = tally.histograms![output]!;
      expect(h).toHaveLength(HISTOGRAM_BINS);
      expect(h.reduce((n, k) => n + k, 0)).toBe(m.compared);
      expect(h[HISTOGRAM_BINS - 1]).toBe(0);
    }
    const worst = Math.max(...Object.values(tally.outputs).map((m) => m.maxRatio));
    expect(worst).toBeGreaterThan(0);
    expect(tally.worst).toMatchObject({ ratio: worst, rule: 'sgd', preset: 'paper' });
    expect(tally.outputs[tally.worst!.output]!.maxRatio).toBe(worst);
    expect(tally.worst!.inputs['params']!.length).toBeGreaterThan(0);
    expect(failing.results[0]!.tally.histograms!['params']![HISTOGRAM_BINS - 1]).toBeGreaterThan(0);
  });

  it('merging tallies adds the histograms bin by bin and keeps the worse worst case', () => {
    const a = passing.results[0]!.tally;
    const b = failing.results[0]!.tally;
    const merged = mergeTallies([a, b]);
    const sum = a.histograms!['params']!.map((k, i) => k + b.histograms!['params']![i]!);
    expect(merged.histograms!['params']).toEqual(sum);
    expect(merged.worst).toEqual(b.worst!.ratio > a.worst!.ratio ? b.worst : a.worst);
  });
});

describe('the JSON Schema of the report', () => {
  it('is what src/runs/report-schema.ts generates', () => {
    expect(committed).toBe(prettyJson(REPORT_SCHEMA));
  });

  it('accepts a passing and a failing report, with schemaVersion 1', () => {
    for (const r of [passing, failing]) {
      expect(r.schemaVersion).toBe(1);
      expect(validate(asJson(r)), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('rejects a report without schemaVersion, or with a misspelt field in a mismatch', () => {
    const { schemaVersion: _, ...without } = asJson(passing);
    expect(validate(without)).toBe(false);
    const bad = asJson(failing) as unknown as { results: { properties: { failure: { mismatches: object[] } }[] }[] };
    const m = bad.results[0]!.properties[0]!.failure.mismatches;
    m[0] = { ...m[0], expectd: m[0] };
    expect(validate(bad)).toBe(false);
  });
});

describe('Markdown and JUnit', () => {
  it('Markdown: a table row per rule and preset, the failure with its replay line', () => {
    const md = markdownReport(failing);
    expect(md).toContain('| rule | preset | status | properties | worst err/bound | at output | findings |');
    expect(md).toMatch(/\| sgd \| paper \| ❌ fail \| 0\/1 \| (\d\.\d{3}|\d\.\d\de\+\d+|∞) \| params \|/);
    expect(md).toContain(`  ${failing.results[0]!.properties[0]!.replay}`);
    expect(markdownReport(passing)).toMatch(/\| sgd \| paper \| ✅ pass \| 1\/1 \| 0\.\d{3} \| params \|/);
  });

  it('JUnit: testsuites > testsuite per rule/preset > testcase per property, a failure with message and replay', () => {
    const doc = parseXml(junitReport(failing));
    expect(doc.name).toBe('testsuites');
    expect(doc.attributes).toMatchObject({ tests: '1', failures: '1', errors: '0' });
    const suite = doc.children[0]!;
    expect(suite).toMatchObject({
      name: 'testsuite',
      attributes: { name: 'sgd/paper', tests: '1', failures: '1', errors: '0', skipped: '0' },
    });
    const testcase = suite.children[0] as XmlElement;
    expect(testcase.attributes).toMatchObject({ name: 'one-step', classname: 'sgd/paper', time: '0' });
    const failure = testcase.children[0]!;
    const p = failing.results[0]!.properties[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.attributes['message']).toBe(p.error!.split('\n')[0]);
    expect(failure.attributes['type']).toBe('disagreement');
    expect(failure.text).toContain(`replay: ${p.replay}`);
    expect(parseXml(junitReport(passing)).children[0]!.children[0]!.children).toEqual([]);
  });
});
