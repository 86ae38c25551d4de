import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckResult, Report } from '../core/types';
import { GOLDEN_EXT, renderGoldens, SAMPLE_DOCS_BASE } from '../../scripts/sample-report';
import { REPORT_FORMATS } from './formats';
import { renderReport } from './index';
import { compareReports } from './compare';
import { parseReport } from './load';
import { reportSchemaErrors } from './schema';
import { overallVerdict } from './shared';

/** A real run (scripts/sample-report.ts made it; sample-report.test.ts keeps it equal to a fresh run). */
const sample = JSON.parse(readFileSync(new URL('./fixtures/sample-report.json', import.meta.url), 'utf8')) as Report;
const BASE = SAMPLE_DOCS_BASE;
const byId = (id: string): CheckResult => sample.results.find((r) => r.id === id)!;
const indexOf = (id: string): number => sample.results.findIndex((r) => r.id === id);
/** Statuses worst first, as often as the sample has each. */
const WORST_FIRST = ['fail', 'error', 'warn', 'info', 'pass', 'skip'] as const;
const statusesWorstFirst = WORST_FIRST.flatMap((s) => Array.from({ length: sample.counts[s] }, () => s));
const failedSentence = `${sample.counts.fail} of ${sample.results.length} checks failed.`;
/** The run's time as the reporters print it: 2026-06-01 12:00:00 UTC. */
const runTime = `${sample.startedAt.slice(0, 10)} ${sample.startedAt.slice(11, 19)} UTC`;

describe('report schema', () => {
  it('accepts the golden sample', () => {
    expect(reportSchemaErrors(sample)).toEqual([]);
  });

  it('has a sample that shows every status, so every reporter renders each', () => {
    for (const s of WORST_FIRST) expect(sample.counts[s], s).toBeGreaterThan(0);
  });

  it('accepts a report written before results carried sources (the field is optional)', () => {
    const older: Report = JSON.parse(JSON.stringify(sample));
    for (const r of older.results) delete r.sources;
    expect(reportSchemaErrors(older)).toEqual([]);
    expect(sample.results.some((r) => r.sources?.length)).toBe(true);
  });
  it.each([
    ['wrong schemaVersion', { ...sample, schemaVersion: 2 }, '/schemaVersion'],
    ['unknown status', { ...sample, results: [{ ...sample.results[0], status: 'ok' }] }, '/results/0/status'],
    ['missing counts', { ...sample, counts: undefined }, '/'],
    ['bad error code', { ...sample, results: [{ ...sample.results.find((r) => r.status === 'error'), error: { code: 'oops', message: 'x' } }] }, '/results/0/error/code'],
    ['extra top-level field', { ...sample, secret: 'x' }, '/'],
    ['a source that is not https', { ...sample, results: [{ ...sample.results[0], sources: [{ title: 'x', url: 'javascript:alert(1)' }] }] }, '/results/0/sources/0/url'],
    ['a source without a title', { ...sample, results: [{ ...sample.results[0], sources: [{ url: 'https://learn.microsoft.com/' }] }] }, '/results/0/sources/0'],
  ])('rejects %s', (_name, candidate, path) => {
    const errors = reportSchemaErrors(JSON.parse(JSON.stringify(candidate)));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.startsWith(`${path}:`))).toBe(true);
  });
});

describe('reporters', () => {
  const goldens = renderGoldens(sample);
  it.each(REPORT_FORMATS)('%s output matches its golden file', async (format) => {
    await expect(goldens[format]).toMatchFileSnapshot(`./fixtures/sample-report.golden.${GOLDEN_EXT[format]}`);
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
  hostile.results[indexOf('auth-missing-token')]!.title = 'Accepts | pipes';
  hostile.results[indexOf('auth-missing-token')]!.message = 'Body was <html><script>x</script></html> & more';
  hostile.results[indexOf('auth-missing-token')]!.evidence = { body: 'said `ok`' };

  it('markdown escapes table cells and fences evidence that contains backticks', () => {
    const md = renderReport(hostile, 'markdown');
    expect(md).toContain('\\|');
    expect(md).toMatch(/```json\n[\s\S]*`ok`[\s\S]*\n```/);
  });

  it('markdown leads with the overall verdict, lists failures first and names each result\'s sources', () => {
    const md = renderReport(sample, 'markdown', { docsBaseUrl: BASE });
    expect(md.split('\n')[2]).toBe(`**Overall: ✖ FAIL.** ${failedSentence}`);
    const sections = [...md.matchAll(/^## (\w+): .* \(`([a-z-]+)`\)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(statusesWorstFirst.map((s) => s.toUpperCase()));
    for (const r of sample.results) for (const s of r.sources ?? []) expect(md).toContain(`[${s.title.replace(/([[\]])/g, '\\$1')}](<${s.url}>)`);
    // A sub-finding is never shown worse than its check.
    const warned: Report = JSON.parse(JSON.stringify(sample));
    warned.results[indexOf('endpoint-dns')]!.details = [{ message: 'one host', status: 'fail' }];
    expect(byId('endpoint-dns').status).toBe('warn');
    expect(renderReport(warned, 'markdown')).toContain('- ▲ WARN one host');
  });

  it('junit counts failures, errors and skips and escapes XML', () => {
    const xml = renderReport(hostile, 'junit');
    const { fail, error, skip } = sample.counts;
    expect(xml).toMatch(new RegExp(`<testsuite [^>]*tests="${sample.results.length}" failures="${fail}" errors="${error}" skipped="${skip}"`));
    expect((xml.match(/<testcase /g) ?? []).length).toBe(sample.results.length);
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
    expect(run.tool.driver.rules).toHaveLength(sample.results.length);
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
    after.results[indexOf('auth-missing-token')]!.status = 'pass';
    after.results = after.results.filter((r) => r.id !== 'calling-webhook');
    after.results.push({ ...sample.results[0]!, id: 'registration-endpoint', docsUrl: '/docs/checks/registration-endpoint' });
    const cmp = compareReports(sample, after);
    expect(cmp.summary).toEqual({ changed: 1, added: 1, removed: 1, unchanged: sample.results.length - 2 });
    expect(cmp.changes.find((c) => c.id === 'auth-missing-token')).toMatchObject({ kind: 'changed', before: 'fail', after: 'pass', improved: true });
    expect(cmp.changes.find((c) => c.id === 'calling-webhook')).toMatchObject({ kind: 'removed' });
  });
});

describe('html report', () => {
  const html = renderReport(sample, 'html', { docsBaseUrl: BASE });

  it('is one file that loads nothing: no script, stylesheet, image or frame from anywhere, and a CSP that forbids it', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|video|audio|source)\b/i);
    expect(html).not.toMatch(/\bsrc\s*=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    // The only script element is the embedded report, as inert data.
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script type="application/json" id="botflow-report">']);
  });

  it('names the target, the run time, the tool version and the overall verdict', () => {
    expect(html).toContain(`<dd data-target><code>${sample.target.url as string}</code></dd>`);
    expect(html).toContain(`<time datetime="${sample.startedAt}">${runTime}</time>`);
    expect(html).toContain(`<dd data-tool-version>botflow ${sample.tool.version} (report schema v1)</dd>`);
    expect(html).toContain(`data-overall-verdict="fail">\n<strong><span aria-hidden="true">✖</span> FAIL</strong>\n<p>${failedSentence}</p>`);
  });

  it('shows every finding worst first, with its evidence, fix, sources and docs link', () => {
    const order = [...html.matchAll(/<article class="finding s-(\w+)" id="([a-z-]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(statusesWorstFirst);
    for (const r of sample.results) {
      const start = html.indexOf(`<article class="finding s-${r.status}" id="${r.id}"`);
      const body = html.slice(start, html.indexOf('</article>', start));
      expect(body).toContain(`${BASE}/docs/checks/${r.id}`);
      if (r.remediation) expect(body).toContain('<h4>How to fix</h4>');
      if (Object.keys(r.evidence).length) expect(body).toContain('<details class="evidence" open><summary>Evidence</summary>');
      for (const s of r.sources ?? []) expect(body).toContain(`<a href="${s.url}">`);
    }
  });

  it('has a dark scheme and a print layout with page margins and a stamp on every page', () => {
    expect(html).toContain('@media (prefers-color-scheme: dark)');
    expect(html).toMatch(/@page \{ size: A4; margin: 20mm 16mm 20mm 16mm;/);
    expect(html).toContain(`@bottom-left { content: "botflow ${sample.tool.version} · run ${runTime}"`);
    expect(html).toContain('@media print');
  });

  it('escapes hostile text everywhere and never links a script URL', () => {
    const evil: Report = JSON.parse(JSON.stringify(sample));
    evil.results[indexOf('auth-missing-token')]!.message = '<img src=x onerror=alert(1)> </script><script>alert(2)</script>';
    evil.results[indexOf('auth-missing-token')]!.sources = [{ title: '"><script>x</script>', url: 'javascript:alert(3)' }];
    evil.target = { url: 'https://x.test/"; } body { display: none } /*' };
    const out = renderReport(evil, 'html');
    expect(out).not.toMatch(/<img|<script>|href="javascript:/i);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The embedded JSON cannot end its script element early.
    const embedded = out.slice(out.indexOf('id="botflow-report">') + 20, out.lastIndexOf('</script>'));
    expect(embedded).not.toContain('</script');
    expect(JSON.parse(embedded)).toEqual(evil);
    // The target in a CSS string stays a string.
    expect(out).toContain('content: "botflow report · endpoint · https://x.test/\\"; } body { display: none } /*"');
  });
});

describe('overall verdict', () => {
  const counts = (c: Partial<Report['counts']>): Report['counts'] => ({ pass: 0, warn: 0, fail: 0, info: 0, skip: 0, error: 0, ...c });
  const of = (c: Partial<Report['counts']>, n: number) => overallVerdict({ counts: counts(c), results: Array.from({ length: n }, () => sample.results[0]!) });
  it.each([
    [{ fail: 2, error: 1, pass: 10 }, 13, 'fail', 'FAIL', '2 of 13 checks failed.'],
    [{ error: 8 }, 8, 'error', 'INCOMPLETE', '8 of 8 checks could not run, so the result is incomplete.'],
    [{ warn: 1, pass: 12 }, 13, 'warn', 'PASS WITH WARNINGS', 'No check failed; 1 of 13 checks warned.'],
    [{ pass: 1 }, 1, 'pass', 'PASS', 'No check failed or warned (1 check).'],
  ] as const)('%j of %i -> %s', (c, n, status, label, sentence) => {
    expect(of(c, n)).toEqual({ status, label, sentence });
  });
});
