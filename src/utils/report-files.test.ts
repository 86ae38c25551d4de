import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../checks/core/types';
import { parseReport } from '../../checks/report/load';
import { chronological, compare, comparisonMismatch, loadReport, reportFile, reportFileName, siteDocsBase } from './report-files';

const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE_TEXT = readFileSync(path.join(here, '..', '..', 'checks', 'report', 'fixtures', 'sample-report.json'), 'utf8');
const sample = (): Report => JSON.parse(SAMPLE_TEXT) as Report;

describe('reportFileName', () => {
  it('is sortable and safe for file systems', () => {
    expect(reportFileName({ suite: 'endpoint', startedAt: '2026-11-26T19:02:03.456Z' }, 'json')).toBe('botflow-endpoint-2026-11-26T19-02-03Z.json');
    expect(reportFileName({ suite: 'all', startedAt: '2026-11-26T19:02:03Z' }, 'markdown')).toBe('botflow-all-2026-11-26T19-02-03Z.md');
    expect(reportFileName({ suite: 'manifest', startedAt: '../../etc/passwd' }, 'json')).toBe('botflow-manifest-report.json');
  });
});

describe('save and load', () => {
  it('a saved JSON report loads back equal', () => {
    const report = sample();
    const file = reportFile(report, 'json');
    expect(file.type).toBe('application/json');
    const loaded = loadReport(file.text, file.name);
    expect(loaded).toEqual({ ok: true, report });
  });

  it('Markdown names every check and links to its page on this site', () => {
    const report = sample();
    const file = reportFile(report, 'markdown', 'http://127.0.0.1:3000');
    expect(file.name.endsWith('.md')).toBe(true);
    for (const r of report.results) {
      expect(file.text).toContain(r.id);
      expect(file.text).toContain(`http://127.0.0.1:3000/docs/checks/${r.id}`);
    }
  });

  it('loading something else says what is wrong', () => {
    const notJson = loadReport('<html>', 'page.html');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.error).toMatch(/"page.html" is not JSON/);
    const other = loadReport('{"hello":"world"}', 'other.json');
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error).toMatch(/"other.json" is not a botflow report/);
  });
});

describe('compare', () => {
  it('shows a changed status and orders runs by time', () => {
    const before = sample();
    const after = sample();
    after.startedAt = new Date(Date.parse(before.startedAt) + 60_000).toISOString();
    const target = after.results.find((r) => r.status !== 'pass')!;
    target.status = 'pass';
    expect(chronological(after, before)).toEqual([before, after]);
    const c = compare(...chronological(after, before));
    const change = c.changes.find((x) => x.id === target.id)!;
    expect(change.kind).toBe('changed');
    expect(change.after).toBe('pass');
    expect(change.improved).toBe(true);
    expect(c.summary.changed).toBe(1);
  });
});

describe('HTML and the site the reader is on', () => {
  it('HTML is one file whose docs links point at this site, base path included', () => {
    const file = reportFile(sample(), 'html', siteDocsBase('https://bots.contoso.example', '/flow/'));
    expect(file.name.endsWith('.html')).toBe(true);
    expect(file.type).toBe('text/html');
    expect(file.text).toContain('href="https://bots.contoso.example/flow/docs/checks/auth-missing-token"');
    expect(siteDocsBase('http://127.0.0.1:3000', '/')).toBe('http://127.0.0.1:3000');
  });
});

describe('comparisonMismatch', () => {
  it('warns for another suite or another target, not for two runs of one target', () => {
    const a = sample();
    expect(comparisonMismatch(a, sample())).toBeUndefined();
    expect(comparisonMismatch(a, { ...sample(), suite: 'manifest' })).toMatch(/different suites \(manifest and endpoint\)/);
    expect(comparisonMismatch(a, { ...sample(), target: { url: 'https://other.example/api/messages' } })).toContain(`different targets (https://other.example/api/messages and ${String(a.target.url)})`);
  });
});
