import { describe, expect, it } from 'vitest';
import { runCheckTable, assertValidMeta } from '../testing/check-tester';
import { analyzeServiceUrl } from '../residency/service-url';
import { runChecks } from '../core/runner';
import { residencySuite } from '../suites/residency';
import check from './residency-service-url';

const ev = (url: string): Record<string, unknown> => ({ ServiceUrlResidency: analyzeServiceUrl(url) });

runCheckTable(check, {
  valid: [
    { name: 'worldwide EMEA', evidence: ev('https://smba.trafficmanager.net/emea/'), status: 'info', messageId: 'recognized', data: { region: 'emea' } },
    { name: 'global teams path', evidence: ev('https://smba.trafficmanager.net/teams/'), status: 'info', messageId: 'recognized', data: { region: 'teams' } },
    { name: 'GCC High', evidence: ev('https://smba.infra.gov.teams.microsoft.us/teams'), status: 'info', messageId: 'recognized', data: { cloudName: 'Microsoft 365 GCC High' } },
    { name: 'undocumented region', evidence: ev('https://smba.trafficmanager.net/uk/'), status: 'info', messageId: 'recognizedUnconfirmedRegion' },
    { name: 'older GCC path', evidence: ev('https://smba.infra.gcc.teams.microsoft.com/gcc'), status: 'info', messageId: 'recognizedLegacyRegion' },
    { name: 'no region path', evidence: ev('https://smba.trafficmanager.net'), status: 'info', messageId: 'recognizedNoRegion' },
  ],
  invalid: [
    { name: 'unknown host', evidence: ev('https://bot.contoso.com/'), status: 'warn', messageId: 'unknownHost' },
    { name: 'look-alike', evidence: ev('https://smba.trafficmanager.net.evil.example/'), status: 'warn', messageId: 'lookalikeHost' },
    { name: 'userinfo', evidence: ev('https://x@smba.trafficmanager.net/emea/'), status: 'warn', messageId: 'userinfo' },
    { name: 'http', evidence: ev('http://smba.trafficmanager.net/emea/'), status: 'warn', messageId: 'insecureScheme' },
    { name: 'port', evidence: ev('https://smba.trafficmanager.net:444/emea/'), status: 'warn', messageId: 'nonDefaultPort' },
    { name: 'trailing dot', evidence: ev('https://smba.trafficmanager.net./emea/'), status: 'warn', messageId: 'lookalikeHost' },
    { name: 'trailing dot on an unknown host', evidence: ev('https://bot.contoso.com./'), status: 'warn', messageId: 'unknownHost', data: { host: 'bot.contoso.com.' } },
    { name: 'dots', evidence: ev('https://smba.trafficmanager.net/a/../emea/'), status: 'warn', messageId: 'dotSegments' },
    { name: 'backslash', evidence: ev('https://smba.trafficmanager.net\\x'), status: 'warn', messageId: 'malformed' },
    { name: 'not a url', evidence: ev('not a url'), status: 'warn', messageId: 'invalidUrl' },
  ],
});

describe('residency-service-url', () => {
  it('has valid meta', () => assertValidMeta(check));

  it('says an unknown host must not get the token, with host, cloud and region in evidence', async () => {
    const report = await runChecks({ suite: residencySuite, input: { serviceUrl: 'https://evil.example/emea/' } });
    const r = report.results[0]!;
    expect(r.status).toBe('warn');
    expect(r.message).toMatch(/must not send its token/);
    expect(r.evidence).toMatchObject({ host: 'evil.example', cloud: null, region: null, recognized: false });
  });

  it('reports host, cloud and region for a real serviceUrl, with sourced residency statements', async () => {
    const report = await runChecks({ suite: residencySuite, input: { serviceUrl: 'https://smba.infra.dod.teams.microsoft.us/teams' } });
    const r = report.results[0]!;
    expect(r.status).toBe('info');
    expect(r.evidence).toMatchObject({ host: 'smba.infra.dod.teams.microsoft.us', cloud: 'dod', region: 'teams' });
    const residency = r.evidence.residency as Array<{ sources: string[] }>;
    expect(residency.length).toBeGreaterThan(0);
    for (const s of residency) for (const u of s.sources) expect(u).toMatch(/^https:\/\//);
    expect(report.target).toEqual({ serviceUrl: 'https://smba.infra.dod.teams.microsoft.us/teams' });
  });

  it('runs in the browser environment and turns a missing serviceUrl into an error result', async () => {
    const ok = await runChecks({ suite: residencySuite, input: { serviceUrl: 'https://smba.trafficmanager.net/in/' }, environment: 'browser' });
    expect(ok.results[0]!.status).toBe('info');
    const missing = await runChecks({ suite: residencySuite, input: {} });
    expect(missing.results[0]!.status).toBe('error');
    expect(missing.results[0]!.error?.code).toBe('CHK_ERR_INVALID_INPUT');
  });

  it('keeps passwords out of the report', async () => {
    const report = await runChecks({ suite: residencySuite, input: { serviceUrl: 'https://u:hunter2@smba.trafficmanager.net/emea/' } });
    expect(JSON.stringify(report)).not.toContain('hunter2');
  });
});
