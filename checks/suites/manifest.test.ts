/**
 * Scenario tests of the whole manifest suite through runChecks: the corpus of realistic
 * manifests (every sample for every version from v1.11 to v1.30 and devPreview) passes, as JSON
 * and as real app packages with generated PNG icons; every broken variant gives the expected
 * verdicts.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../core/runner';
import type { Report } from '../core/types';
import { manifestSuite } from './manifest';
import { brokenCorpus, validCorpus, BOT_ID } from '../testing/manifests/corpus';
import { buildPackage } from '../testing/manifests/package';
import { LATEST_VERSION, CURRENT_WINDOW } from '../rules/manifest-version';
import { RELEASED_VERSIONS, compareVersions } from '../manifest/schemas';

const oldestCurrent = RELEASED_VERSIONS[RELEASED_VERSIONS.length - CURRENT_WINDOW]!;

function byId(report: Report): Record<string, Report['results'][number]> {
  return Object.fromEntries(report.results.map((r) => [r.id, r]));
}

describe('valid corpus', () => {
  it.each(validCorpus().map((e) => [e.name, e] as const))('%s passes as manifest.json', async (_name, entry) => {
    const report = await runChecks({ suite: manifestSuite, input: { manifestText: JSON.stringify(entry.manifest, null, 2), appId: BOT_ID } });
    const r = byId(report);
    expect(report.counts.error, JSON.stringify(report.results.filter((x) => x.status === 'error'))).toBe(0);
    expect(report.counts.fail, JSON.stringify(report.results.filter((x) => x.status === 'fail').map((x) => [x.id, x.message, x.details?.slice(0, 3)]))).toBe(0);
    expect(r['manifest-json']!.status).toBe('pass');
    expect(r['manifest-schema']!.status).toBe('pass');
    expect(r['manifest-bot-id']!.status).toBe('pass');
    expect(r['manifest-bot-scopes']!.status).toBe('pass');
    expect(r['manifest-package-layout']!.status).toBe('skip');
    expect(r['manifest-icons']!.status).toBe('skip');
    const expectedVersion = entry.version === 'devPreview' ? 'info' : compareVersions(entry.version, oldestCurrent) < 0 ? 'info' : 'pass';
    expect(r['manifest-version']!.status).toBe(expectedVersion);
    expect(['pass', 'skip', 'info']).toContain(r['manifest-sso']!.status);
    expect(r['manifest-valid-domains']!.status).toBe('pass');
    expect(r['manifest-rsc-permissions']!.status).toBe('info');
  });

  it.each(validCorpus().filter((_, i) => i % 4 === 0).map((e) => [e.name, e] as const))('%s passes as an app package with real icons', async (_name, entry) => {
    const report = await runChecks({ suite: manifestSuite, input: { manifestBytes: buildPackage(entry.manifest), manifestName: 'app.zip' } });
    const r = byId(report);
    expect(report.counts.fail + report.counts.error).toBe(0);
    expect(r['manifest-package-layout']!.status).toBe('pass');
    expect(r['manifest-icons']!.status).toBe('pass');
    expect(report.target).toMatchObject({ kind: 'package', file: 'app.zip' });
  });

  it('reports supportsCalling in the evidence for the registration check', async () => {
    const calling = validCorpus().find((e) => e.name === `calling-bot@${LATEST_VERSION}`)!;
    const report = await runChecks({ suite: manifestSuite, input: { manifestText: JSON.stringify(calling.manifest) } });
    const scopes = byId(report)['manifest-bot-scopes']!;
    expect(scopes.evidence).toMatchObject({ supportsCalling: true });
    expect(scopes.details?.some((d) => d.status === 'info' && /registration-calling/.test(d.message))).toBe(true);
  });
});

describe('broken corpus', () => {
  it.each(brokenCorpus().map((e) => [e.name, e] as const))('%s', async (_name, entry) => {
    const report = await runChecks({ suite: manifestSuite, input: { manifestText: JSON.stringify(entry.manifest, null, 2), appId: BOT_ID } });
    const r = byId(report);
    expect(report.counts.error).toBe(0);
    for (const [id, want] of Object.entries(entry.expect)) {
      expect(r[id]!.status, `${id}: ${r[id]!.message}`).toBe(want.status);
    }
  });

  it('a wrong expected app id fails manifest-bot-id and names both ids', async () => {
    const entry = validCorpus()[0]!;
    const other = '00000000-1111-2222-3333-444444444444';
    const report = await runChecks({ suite: manifestSuite, input: { manifestText: JSON.stringify(entry.manifest), appId: other } });
    const r = byId(report)['manifest-bot-id']!;
    expect(r.status).toBe('fail');
    expect(r.message).toContain(other);
    expect(r.message).toContain(BOT_ID);
  });

  it('schema errors point at the line and column of the offending value', async () => {
    const entry = validCorpus().find((e) => e.name === 'notification-bot@1.30')!;
    const m = JSON.parse(JSON.stringify(entry.manifest));
    m.accentColor = 'white';
    const text = JSON.stringify(m, null, 2);
    const report = await runChecks({ suite: manifestSuite, input: { manifestText: text } });
    const r = byId(report)['manifest-schema']!;
    expect(r.status).toBe('fail');
    const detail = r.details!.find((d) => d.path === '/accentColor')!;
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"accentColor"')) + 1;
    expect(detail).toMatchObject({ line, column: lines[line - 1]!.indexOf('"white"') + 1 });
  });
});
