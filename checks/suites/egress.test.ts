import { afterEach, describe, expect, it } from 'vitest';
import { selectFqdns, type EgressCloudId, type Feature } from '../core/clouds';
import { runChecks } from '../core/runner';
import type { CheckResult, Report } from '../core/types';
import { EGRESS_DEADLINE_MS, EGRESS_GATHERER_TIMEOUT_MS, type EgressNetwork } from '../gather/egress-config';
import { startWorld, type World, type WorldOptions } from '../testing/egress-world';
import { startConnectProxy, startSilentServer } from '../testing/servers';
import { createEgressSuite } from './egress';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => { await Promise.all(open.splice(0).map((w) => w.close())); });

function hostsFor(cloud: EgressCloudId, features: Feature[] = []): string[] {
  return selectFqdns({ cloud, features }).filter((e) => !e.host.startsWith('*.') && e.probe !== false).map((e) => e.host);
}

async function world(options: Partial<WorldOptions> & { cloud?: EgressCloudId; features?: Feature[] } = {}): Promise<World> {
  const cloud = options.cloud ?? 'public';
  const w = await startWorld({ hosts: hostsFor(cloud, options.features), ...options, cloud });
  open.push(w);
  return w;
}

// Short enough for quick tests, long enough that healthy local hosts never hit them on a loaded machine.
const FAST = { dns: 1_500, connect: 1_500, tls: 1_500, firstByte: 1_500, body: 1_500 };

async function run(network: EgressNetwork, input: { cloud?: EgressCloudId; features?: Feature[]; proxyEnv?: Record<string, string> } = {}): Promise<Report> {
  return runChecks({
    suite: createEgressSuite(network),
    input: { egress: { cloud: input.cloud ?? 'public', ...(input.features ? { features: input.features } : {}), ...(input.proxyEnv ? { proxyEnv: input.proxyEnv } : {}) } },
    deadlineMs: EGRESS_DEADLINE_MS,
    gathererTimeoutMs: EGRESS_GATHERER_TIMEOUT_MS,
  });
}

function result(report: Report, id: string): CheckResult {
  const r = report.results.find((x) => x.id === id);
  if (!r) throw new Error(`no result for ${id}`);
  return r;
}

type HostRow = { host: string; ok: boolean; via: string; failedPhase?: string; tlsMs?: number; dnsMs?: number; addresses?: string[] };
const hostRows = (r: CheckResult): HostRow[] => r.evidence.hosts as HostRow[];

describe('egress suite against local stand-ins of the Microsoft hosts', () => {
  it('passes every check when every host is reachable (worldwide, SSO and Graph)', async () => {
    const w = await world({ features: ['sso', 'graph'] });
    const report = await run(w.network, { features: ['sso', 'graph'] });
    expect(report.results.map((r) => [r.id, r.status])).toEqual([
      ['egress-fqdn', 'pass'], ['egress-tls-interception', 'pass'], ['egress-openid-metadata', 'pass'], ['egress-clock-skew', 'pass'],
    ]);
    const rows = hostRows(result(report, 'egress-fqdn'));
    expect(rows.map((r) => r.host).sort()).toEqual(hostsFor('public', ['sso', 'graph']).sort());
    for (const r of rows) {
      expect(r).toMatchObject({ ok: true, via: 'direct', addresses: ['127.0.0.1'] });
      expect(typeof r.tlsMs).toBe('number');
      expect(typeof r.dnsMs).toBe('number');
    }
    expect(result(report, 'egress-tls-interception').evidence.issuersSeen).toEqual(['CN=Teams Bot Flow Test Issuing CA, O=Teams Bot Flow tests']);
    expect(result(report, 'egress-openid-metadata').evidence).toMatchObject({ jwks: { keyCount: 2, msteamsKeys: 2, from: 'metadata' } });
    expect(w.requests).toEqual(expect.arrayContaining(['login.botframework.com/v1/.well-known/openidconfiguration', 'login.botframework.com/v1/.well-known/keys']));
  });

  it.each(['gcc', 'gcch', 'dod'] as const)('uses the %s hosts and metadata', async (cloud) => {
    const w = await world({ cloud });
    const report = await run(w.network, { cloud });
    expect(result(report, 'egress-fqdn').status).toBe('pass');
    expect(result(report, 'egress-openid-metadata').status).toBe('pass');
    const expectedMetadataHost = cloud === 'gcc' ? 'login.botframework.com' : 'login.botframework.azure.us';
    expect(w.requests[0]).toMatch(new RegExp(`^${expectedMetadataHost.replace(/\./g, '\\.')}/`));
    expect(report.target).toMatchObject({ cloud, proxy: 'none' });
  });

  it('fails egress-fqdn for a blackholed host, names it and the phase, and still reports the others', async () => {
    const w = await world({ behaviour: { 'smba.trafficmanager.net': 'blackhole' } });
    const t0 = performance.now();
    const report = await run({ ...w.network, timeouts: FAST });
    const ms = performance.now() - t0;
    const fqdn = result(report, 'egress-fqdn');
    expect(fqdn.status).toBe('fail');
    expect(fqdn.message).toContain('smba.trafficmanager.net');
    const row = hostRows(fqdn).find((r) => r.host === 'smba.trafficmanager.net')!;
    expect(row).toMatchObject({ ok: false, failedPhase: 'tls' });
    expect(hostRows(fqdn).filter((r) => r.ok).length).toBe(hostRows(fqdn).length - 1);
    expect(result(report, 'egress-openid-metadata').status).toBe('pass');
    expect(ms).toBeLessThan(5_000);
  });

  it('reports DNS failures and refused connections with their phase', async () => {
    const w = await world({ behaviour: { 'login.microsoftonline.com': 'nxdomain', 'smba.trafficmanager.net': 'refused' } });
    const report = await run({ ...w.network, timeouts: FAST });
    const rows = hostRows(result(report, 'egress-fqdn'));
    expect(rows.find((r) => r.host === 'login.microsoftonline.com')).toMatchObject({ ok: false, failedPhase: 'dns', error: 'ENOTFOUND' });
    expect(rows.find((r) => r.host === 'smba.trafficmanager.net')).toMatchObject({ ok: false, failedPhase: 'connect', error: 'ECONNREFUSED' });
  });

  it('warns, not fails, when only an optional host is unreachable', async () => {
    const w = await world({ behaviour: { 'smba.onyx.prod.teams.trafficmanager.net': 'refused' } });
    const report = await run({ ...w.network, timeouts: FAST });
    const fqdn = result(report, 'egress-fqdn');
    expect(fqdn.status).toBe('warn');
    expect(fqdn.message).toContain('smba.onyx.prod.teams.trafficmanager.net');
    // Allowlist-only entries are not probed at all.
    expect(hostRows(fqdn).map((r) => r.host)).not.toContain('sts.windows.net');
  });

  it('ends within 10 s with the default limits when every host is blackholed', async () => {
    const hosts = hostsFor('public', ['sso', 'graph']);
    const kinds = ['blackhole', 'dnsHang', 'slowDnsBlackhole'] as const;
    const behaviour: Record<string, (typeof kinds)[number]> = Object.fromEntries(hosts.map((h, i) => [h, kinds[i % kinds.length]!]));
    // The metadata host: slow DNS, then a TLS handshake that never completes (the slowest path).
    behaviour['login.botframework.com'] = 'slowDnsBlackhole';
    const w = await world({ features: ['sso', 'graph'], behaviour });
    const t0 = performance.now();
    const report = await run(w.network, { features: ['sso', 'graph'] });
    const ms = performance.now() - t0;
    console.info(`egress run with every host blackholed: ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(10_000);
    expect(report.results.map((r) => [r.id, r.status])).toEqual([
      ['egress-fqdn', 'fail'], ['egress-tls-interception', 'skip'], ['egress-openid-metadata', 'fail'], ['egress-clock-skew', 'skip'],
    ]);
    const rows = hostRows(result(report, 'egress-fqdn'));
    expect(rows.every((r) => !r.ok)).toBe(true);
    expect(new Set(rows.map((r) => r.failedPhase))).toEqual(new Set(['tls', 'dns']));
  }, 15_000);

  it('stops every probe at the gatherer budget, whatever the phase limits', async () => {
    const w = await world({ behaviour: { 'smba.trafficmanager.net': 'blackhole', 'login.botframework.com': 'blackhole' } });
    const t0 = performance.now();
    const report = await run({ ...w.network, budgetMs: 700, timeouts: { tls: 5_000, firstByte: 5_000 } });
    expect(performance.now() - t0).toBeLessThan(2_000);
    const rows = hostRows(result(report, 'egress-fqdn'));
    expect(rows.find((r) => r.host === 'smba.trafficmanager.net')).toMatchObject({ ok: false, failedPhase: 'budget' });
    expect(result(report, 'egress-openid-metadata').status).toBe('fail');
  });

  it('warns naming the issuer when a host presents a certificate from an inspecting proxy CA', async () => {
    const w = await world({ behaviour: { 'login.microsoftonline.com': 'intercepted' } });
    const report = await run(w.network);
    const r = result(report, 'egress-tls-interception');
    expect(r.status).toBe('warn');
    expect(r.message).toContain('Contoso TLS Inspection CA');
    expect(r.message).toContain('login.microsoftonline.com');
    expect(r.remediation).toMatch(/TLS inspection/);
    // The handshake itself worked, so reachability passes; interception is its own finding.
    expect(result(report, 'egress-fqdn').status).toBe('pass');
  });

  it('says the inspecting CA is trusted locally when the bot trusts it (NODE_EXTRA_CA_CERTS)', async () => {
    const w = await world({ behaviour: { 'login.botframework.com': 'intercepted' } });
    const network = { ...w.network, trustedRoots: [...w.network.trustedRoots!, w.interceptionCaPem] };
    const report = await run(network);
    const r = result(report, 'egress-tls-interception');
    expect(r.status).toBe('warn');
    expect(r.message).toMatch(/trusted on this machine/);
    // Metadata still loads through the trusted inspector.
    expect(result(report, 'egress-openid-metadata').status).toBe('pass');
  });

  it('fails egress-openid-metadata when the metadata host is intercepted and not trusted', async () => {
    const w = await world({ behaviour: { 'login.botframework.com': 'intercepted' } });
    const report = await run(w.network);
    const r = result(report, 'egress-openid-metadata');
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/Could not fetch/);
  });

  it('warns, saying it is UNCONFIRMED, when no key is endorsed for msteams', async () => {
    for (const endorsements of [null, [], ['skype', 'webchat']]) {
      const w = await world({ endorsements });
      const r = result(await run(w.network), 'egress-openid-metadata');
      expect(r.status, JSON.stringify(endorsements)).toBe('warn');
      expect(r.message).toMatch(/UNCONFIRMED/);
      await w.close();
    }
  });

  it('fails on a block page instead of metadata', async () => {
    const w = await world({ metadataBody: '<html><body>Access denied by policy</body></html>' });
    const r = result(await run(w.network), 'egress-openid-metadata');
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/not with a usable OpenID metadata document/);
  });

  it('warns when the metadata names an unexpected issuer', async () => {
    const w = await world({ metadataIssuer: 'https://login.contoso.example' });
    const r = result(await run(w.network), 'egress-openid-metadata');
    expect(r.status).toBe('warn');
    expect(r.message).toContain('https://login.contoso.example');
  });

  it('fails egress-clock-skew when the server Date is 10 minutes off, warns at 2 minutes', async () => {
    const off = await world({ dateOffsetMs: 10 * 60_000 });
    const r = result(await run(off.network), 'egress-clock-skew');
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/(59\d|60\d) s behind login\.botframework\.com/);
    expect(r.evidence.skewSeconds).toBeLessThan(-590);
    await off.close();
    const drift = await world({ dateOffsetMs: -2 * 60_000 });
    const d = result(await run(drift.network), 'egress-clock-skew');
    expect(d.status).toBe('warn');
    expect(d.message).toMatch(/ahead of/);
  });

  it('goes through a real local CONNECT proxy from HTTPS_PROXY, and honours NO_PROXY', async () => {
    const w = await world({ features: ['sso'] });
    const proxy = await startConnectProxy();
    open.push(proxy);
    // Names must not be resolved locally when they go through the proxy.
    const resolved: string[] = [];
    const network: EgressNetwork = { ...w.network, lookup: async (name) => { resolved.push(name); return w.network.lookup!(name); } };
    const report = await run(network, { features: ['sso'], proxyEnv: { HTTPS_PROXY: `http://user:secret@127.0.0.1:${proxy.port}`, NO_PROXY: 'token.botframework.com' } });
    expect(report.results.map((r) => r.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    const rows = hostRows(result(report, 'egress-fqdn'));
    for (const r of rows) expect(r.via, r.host).toBe(r.host === 'token.botframework.com' ? 'direct' : 'proxy');
    expect(resolved).toEqual(['token.botframework.com']);
    const tunnelled = proxy.tunnels.map((t) => t.replace(/:\d+$/, ''));
    expect(new Set(tunnelled)).toEqual(new Set(rows.filter((r) => r.host !== 'token.botframework.com').map((r) => r.host)));
    expect(tunnelled).toContain('login.botframework.com');
    expect(report.target).toMatchObject({ proxy: `http://127.0.0.1:${proxy.port}`, noProxy: 'token.botframework.com' });
    expect(JSON.stringify(report)).not.toContain('secret');
  });

  it('reports a proxy that refuses to tunnel as the proxy phase', async () => {
    const w = await world();
    const proxy = await startConnectProxy();
    open.push(proxy);
    // Every host maps to a port nothing listens on: the proxy answers 502.
    const network: EgressNetwork = { ...w.network, portFor: () => 9 };
    const report = await run({ ...network, timeouts: FAST }, { proxyEnv: { https_proxy: `127.0.0.1:${proxy.port}` } });
    const rows = hostRows(result(report, 'egress-fqdn'));
    expect(rows.every((r) => !r.ok && r.via === 'proxy' && r.failedPhase === 'proxy')).toBe(true);
  });

  it('ends within 10 s with the default limits when the proxy itself is blackholed', async () => {
    const w = await world();
    const silent = await startSilentServer();
    open.push(silent);
    const t0 = performance.now();
    const report = await run(w.network, { proxyEnv: { HTTPS_PROXY: `http://127.0.0.1:${silent.port}` } });
    const ms = performance.now() - t0;
    console.info(`egress run through a blackholed proxy: ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(10_000);
    const rows = hostRows(result(report, 'egress-fqdn'));
    expect(rows.every((r) => !r.ok && r.via === 'proxy' && ['proxy', 'budget'].includes(r.failedPhase ?? ''))).toBe(true);
    expect(result(report, 'egress-openid-metadata').status).toBe('fail');
    expect(w.requests).toEqual([]);
  }, 15_000);

  it('turns bad input into an error result, not a crash', async () => {
    const report = await runChecks({ suite: createEgressSuite({}), input: { egress: { cloud: 'mars' as EgressCloudId } } });
    expect(report.results.every((r) => r.status === 'error' && r.error?.code === 'CHK_ERR_INVALID_INPUT')).toBe(true);
  });
});
