/**
 * A `check` or `gate` report as JUnit XML, the format CI systems read (the common schema of Ant's
 * JUnit task, as Jenkins and GitLab take it): one `testsuite` per rule and preset, one `testcase` per
 * property, a `failure` with the first line of the message as its `message` attribute and the whole
 * message, counterexample and replay line as its text. A property that checked nothing fails; one
 * the implementation never reached (it broke the protocol) is an `error`.
 *
 * @module
 */
import type { AnyReport } from './cells.js';

/** Text escaped for XML content and attribute values; characters XML 1.0 forbids are dropped. */
export function xmlEscape(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

const attributes = (a: Record<string, string | number>) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');

/** The report as JUnit XML. */
export function junitReport(report: AnyReport): string {
  const never = report.broken?.notChecked ?? [];
  const suites = report.results.map((r) => {
    const name = `${r.rule}/${r.preset}`;
    const failures = r.properties.filter((p) => !p.passed).length;
    const lost = never.filter((label) => label.startsWith(`${name} `));
    const cases = r.properties.map((p) => {
      const open = `    <testcase${attributes({ classname: name, name: p.name, time: 0 })}`;
      if (p.passed) return `${open}/>`;
      const message = p.notChecked ?? p.error?.split('\n')[0] ?? 'failed';
      const body = [
        p.error ?? p.notChecked ?? '',
        ...(p.counterexample === undefined ? [] : [`counterexample: ${p.counterexample}`]),
        ...(p.replay === undefined ? [] : [`replay: ${p.replay}`]),
      ].join('\n');
      const type = p.notChecked === undefined ? 'disagreement' : 'not-checked';
      return `${open}>\n      <failure${attributes({ message, type })}>${xmlEscape(body)}</failure>\n    </testcase>`;
    });
    const errors = lost.map(
      (label) =>
        `    <testcase${attributes({ classname: name, name: label.slice(name.length + 1), time: 0 })}>\n      <error${attributes({ message: 'not run: the implementation broke the protocol', type: 'broken' })}>${xmlEscape(report.broken?.message ?? '')}</error>\n    </testcase>`,
    );
    const tests = r.properties.length + lost.length;
    return [
      `  <testsuite${attributes({ name, tests, failures, errors: lost.length, skipped: 0, time: 0 })}>`,
      ...cases,
      ...errors,
      '  </testsuite>',
    ].join('\n');
  });
  const tests = report.results.reduce((n, r) => n + r.properties.length, 0) + never.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: `optim-oracle: ${report.implementation} (${report.backend})`, tests, failures: report.failed, errors: never.length, time: 0 })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
