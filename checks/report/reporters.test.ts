import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../core/types';
import { REPORT_FORMATS } from './formats';
import { renderReport } from './index';
import { compareReports } from './compare';
import { parseReport } from './load';
import { reportSchemaErrors } from './schema';

const sample = JSON.parse(readFileSync(new URL('./fixtures/sample-report.json', import.meta.url), 'utf8')) as Report;
const BASE = 'https://docs.example.test';

describe('report schema', () => {
  it('accepts the golden sample', () => {
    expect(reportSchemaErrors(sample)).toEqual([]);
  });
  it.each([
    ['wrong schemaVersion', { ...sample, schemaVersion: 2 }, '/schemaVersion'],
    ['unknown status', { ...sample, results: [{ ...sample.results[0], status: 'ok' }] }, '/results/0/status'],
    ['missing counts', { ...sample, counts: undefined }, '/'],
    ['bad error code', { ...sample, results: [{ ...sample.results[3], error: { code: 'oops', message: 'x' } }] }, '/results/0/error/code'],
    ['extra top-level field', { ...sample, secret: 'x' }, '/'],
  ])('rejects %s', (_name, candidate, path) => {
    const errors = reportSchemaErrors(JSON.parse(JSON.stringify(candidate)));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.startsWith(`${path}:`))).toBe(true);
  });
});

describe('reporters', () => {
  it.each(REPORT_FORMATS)('%s output matches its golden file', async (format) => {
    const text = renderReport(sample, format, { docsBaseUrl: BASE });
    const ext = { text: 'txt', json: 'json', markdown: 'md', junit: 'xml', sarif: 'sarif.json' }[format];
    await expect(text).toMatchFileSnapshot(`./fixtures/sample-report.golden.${ext}`);
  });

  it('json round-trips to the same report', () => {
    expect(JSON.parse(renderReport(sample, 'json'))).toEqual(sample);
  });

  it('text names every status in words, not colour alone, and links docs only for non-passing checks', () => {
    const text = renderReport(sample, 'text', { docsBaseUrl: BASE });
    for (const word of ['PASS', 'WARN', 'FAIL', 'INFO', 'SKIP', 'ERROR']) expect(text).toContain(word);
    expect(text).toContain(`${BASE}/docs/checks/auth-missing-token`);
    expect(text).not.toContain(`${BASE}/docs/checks/endpoint-https`);
    expect(text).toContain('error code: CHK_ERR_PROBE_TIMEOUT');
    expect(text).not.toContain('\u001b[');
  });

  it('text uses ANSI colour only when asked', () => {
    expect(renderReport(sample, 'text', { color: true })).toContain('\u001b[31m');
  });

  it('quiet text lists only fail, error and warn', () => {
    const text = renderReport(sample, 'text', { quiet: true });
    expect(text).toContain('auth-missing-token');
    expect(text).toContain('tls-certificate-expiry');
    expect(text).not.toContain('endpoint-https');
  });

  const hostile: Report = JSON.parse(JSON.stringify(sample));
  hostile.results[2]!.title = 'Accepts | pipes';
  hostile.results[2]!.message = 'Body was <html><script>x</script></html> & more';

  it('markdown escapes table cells and fences evidence that contains backticks', () => {
    const md = renderReport(hostile, 'markdown');
    expect(md).toContain('\\|');
    expect(md).toMatch(/```json\n[\s\S]*`ok`[\s\S]*\n```/);
  });

  it('junit counts failures, errors and skips and escapes XML', () => {
    const xml = renderReport(hostile, 'junit');
    expect(xml).toMatch(/<testsuite [^>]*tests="6" failures="1" errors="1" skipped="1"/);
    expect((xml.match(/<testcase /g) ?? []).length).toBe(6);
    expect(xml).toContain('&lt;html&gt;&lt;script&gt;');
    expect(xml).toContain('&amp; more');
    expect(xml).not.toMatch(/<html>|<script>/);
    expect(xml).toContain('<failure');
    expect(xml).toContain('<error message=');
    expect(xml).toContain('<skipped');
  });

  it('sarif has one rule per result and maps statuses to levels and kinds', () => {
    const sarif = JSON.parse(renderReport(sample, 'sarif')) as { version: string; runs: Array<{ tool: { driver: { rules: unknown[] } }; results: Array<{ ruleId: string; level: string; kind: string }> }> };
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules).toHaveLength(6);
    const byId = Object.fromEntries(run.results.map((r) => [r.ruleId, r]));
    expect(byId['auth-missing-token']).toMatchObject({ level: 'error', kind: 'fail' });
    expect(byId['tls-certificate-expiry']).toMatchObject({ level: 'warning', kind: 'fail' });
    expect(byId['endpoint-https']).toMatchObject({ level: 'none', kind: 'pass' });
    expect(byId['calling-webhook']).toMatchObject({ kind: 'notApplicable' });
  });
});

describe('loading and comparing saved reports', () => {
  it('loads a saved report', () => {
    expect(parseReport(JSON.stringify(sample))).toEqual(sample);
    expect(parseReport(`\uFEFF${JSON.stringify(sample)}`)).toEqual(sample);
  });
  it.each([
    ['not JSON', '{nope', /not JSON/],
    ['another document', '{"hello":1}', /not a botflow report/],
    ['a newer schema', JSON.stringify({ ...sample, schemaVersion: 7 }), /schemaVersion 7/],
  ])('refuses %s with a clear message', (_n, text, message) => {
    expect(() => parseReport(text, 'report.json')).toThrow(message);
  });
  it('compare reports what changed and whether it improved', () => {
    const after: Report = JSON.parse(JSON.stringify(sample));
    after.results[2]!.status = 'pass';
    after.results = after.results.filter((r) => r.id !== 'calling-webhook');
    after.results.push({ ...sample.results[0]!, id: 'tls-protocol-version', docsUrl: '/docs/checks/tls-protocol-version' });
    const cmp = compareReports(sample, after);
    expect(cmp.summary).toEqual({ changed: 1, added: 1, removed: 1, unchanged: 4 });
    expect(cmp.changes.find((c) => c.id === 'auth-missing-token')).toMatchObject({ kind: 'changed', before: 'fail', after: 'pass', improved: true });
    expect(cmp.changes.find((c) => c.id === 'calling-webhook')).toMatchObject({ kind: 'removed' });
  });
});
