/**
 * Scenarios: the endpoint suite against real servers on loopback (the SDK bot and servers that
 * misbehave on purpose). Assertions are on check ids, statuses and evidence, never on prose.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { runChecks, type RunParams } from '../core/runner';
import type { CheckResult, Report, Status } from '../core/types';
import { testPki, type LeafKind } from '../testing/certs';
import { startBotWithWorld, type RealBot } from '../testing/bots/start-bot';
import {
  closedPort, handlers, startConnectProxy, startDripServer, startServer, type ServerOptions, type TestServer,
} from '../testing/servers';
import { endpointSuite } from './endpoint';

let ca: string;
let bot: RealBot;
beforeAll(async () => {
  ca = (await testPki()).caPem;
  bot = await startBotWithWorld({ sdk: 'botbuilder', mode: 'authenticated', nodeEnv: 'production' });
});
afterAll(async () => { await bot.close(); });

/** Per-phase limit for scenarios that succeed (generous: the machine may be busy). */
const FAST = 4_000;

async function run(input: RunParams['input'], extra: Partial<RunParams> & { withoutCa?: true } = {}): Promise<Report> {
  const { withoutCa, ...rest } = extra;
  return runChecks({ suite: endpointSuite, input, allowPrivate: true, ...(withoutCa ? {} : { ca }), phaseTimeoutMs: FAST, gathererTimeoutMs: FAST * 6, ...rest });
}

function byId(report: Report): Record<string, CheckResult> {
  return Object.fromEntries(report.results.map((r) => [r.id, r]));
}

function statuses(report: Report): Record<string, Status> {
  return Object.fromEntries(report.results.map((r) => [r.id, r.status]));
}

async function server(opts: ServerOptions): Promise<TestServer> {
  const s = await startServer(opts);
  onTestFinished(() => s.close());
  return s;
}

describe('endpoint suite against the real SDK bot', () => {
  it('passes everything a local secure bot can pass', async () => {
    const report = await run({ url: bot.url, appId: bot.appId });
    expect(statuses(report)).toEqual({
      'endpoint-https': 'pass',
      'endpoint-dns': 'warn', // loopback: allowed for the test, unreachable for Teams
      'endpoint-reachable': 'pass',
      'tls-protocol-version': 'pass',
      'tls-certificate-trust': 'pass',
      'tls-certificate-hostname': 'pass',
      'tls-certificate-expiry': 'pass',
      'auth-missing-token': 'pass',
      'auth-forged-token': 'pass',
      'endpoint-error-disclosure': 'pass',
      'endpoint-latency': 'pass',
      'endpoint-sdk': 'info',
      'calling-webhook': 'skip',
    });
    const r = byId(report);
    expect(r['auth-missing-token']?.evidence).toMatchObject({ message: { status: 401 }, invoke: { status: 401 }, classification: 'rejected' });
    expect(r['endpoint-sdk']?.evidence).toMatchObject({ sdk: 'botbuilder' });
    expect(r['auth-forged-token']?.evidence).toMatchObject({ message: { status: 401 }, sent: { authorization: 'forged-bearer-token', token: { aud: bot.appId, iss: 'https://api.botframework.com' } } });
    expect(JSON.stringify(report)).not.toMatch(/eyJ[\w-]+\.eyJ/); // the forged JWT itself is never reported
    expect(report.target).toEqual({ url: bot.url, appId: bot.appId });
    expect(await bot.received()).toHaveLength(0); // neither probe reached the bot logic
  });

  it('the same run without --ca fails trust: the test root is not in the bundled store', async () => {
    const report = await run({ url: bot.url }, { withoutCa: true, only: ['tls-certificate-trust'] });
    expect(byId(report)['tls-certificate-trust']).toMatchObject({ status: 'fail', evidence: { trust: { authorized: false } } });
  });

  it('refuses loopback without --allow-private: dns fails and no probe is sent', async () => {
    const s = await server({ tls: { kind: 'good' }, handler: handlers.anonymousBot });
    const report = await run({ url: s.url }, { allowPrivate: false });
    const st = statuses(report);
    expect(st['endpoint-dns']).toBe('fail');
    expect(st['auth-missing-token']).toBe('skip');
    expect(st['tls-protocol-version']).toBe('skip');
    expect(s.requests).toHaveLength(0);
  });
});

describe('authentication scenarios', () => {
  it('the real SDK bot without an app ID (anonymous mode) fails both auth checks', async () => {
    const anon = await startBotWithWorld({ sdk: 'botbuilder', mode: 'anonymous' });
    onTestFinished(() => anon.close());
    const report = await run({ url: anon.url }, { only: ['auth-missing-token', 'auth-forged-token', 'endpoint-reachable'] });
    expect(statuses(report)).toEqual({ 'endpoint-reachable': 'pass', 'auth-missing-token': 'fail', 'auth-forged-token': 'fail' });
    expect(byId(report)['auth-missing-token']?.evidence).toMatchObject({ message: { status: 200 }, invoke: { status: 501 }, turnRan: [expect.stringContaining('HTTP 200'), expect.stringContaining('HTTP 501')] });
    expect((await anon.received()).map((a) => a.text)).toEqual(expect.arrayContaining([expect.stringContaining('missing-token probe'), expect.stringContaining('forged-token probe')]));
  });

  it('a bot that accepts everything fails both auth checks', async () => {
    const s = await server({ tls: { kind: 'good' }, handler: handlers.anonymousBot });
    const report = await run({ url: s.url }, { only: ['auth-missing-token', 'auth-forged-token'] });
    expect(statuses(report)).toEqual({ 'auth-missing-token': 'fail', 'auth-forged-token': 'fail' });
    // What was sent: a well-formed Teams message activity, with and without a forged token.
    // What was sent: a Teams message and invoke, with and without a forged token, and one cut-short body.
    const parsed = s.requests.flatMap((r) => { try { return [{ r, b: JSON.parse(r.body) as { type: string; channelId: string; serviceUrl: string; deliveryMode?: string; name?: string } }]; } catch { return []; } });
    expect(s.requests).toHaveLength(5);
    expect(parsed).toHaveLength(4);
    expect(parsed.every(({ b }) => b.channelId === 'msteams' && b.serviceUrl.startsWith('https://'))).toBe(true);
    expect(parsed.filter(({ b }) => b.type === 'message' && b.deliveryMode === 'expectReplies')).toHaveLength(2);
    expect(parsed.filter(({ b }) => b.type === 'invoke' && b.name === 'botflow/endpointCheck')).toHaveLength(2);
    expect(parsed.filter(({ r }) => r.headers.authorization === undefined)).toHaveLength(2);
    expect(parsed.filter(({ r }) => String(r.headers.authorization).startsWith('Bearer eyJ'))).toHaveLength(2);
  });

  it('Easy Auth in front: 302 to login.microsoftonline.com is told apart', async () => {
    const s = await server({ tls: { kind: 'good' }, handler: handlers.easyAuth });
    const report = await run({ url: s.url }, { only: ['auth-missing-token'] });
    expect(byId(report)['auth-missing-token']).toMatchObject({ status: 'fail', evidence: { classification: 'sign-in-redirect', message: { status: 302 } } });
  });

  it('a redirect to the metadata address is reported, classified and not followed', async () => {
    const s = await server({ tls: { kind: 'good' }, handler: handlers.redirectTo() });
    const report = await run({ url: s.url }, { only: ['auth-missing-token'] });
    expect(byId(report)['auth-missing-token']).toMatchObject({
      status: 'warn',
      evidence: { classification: 'redirect', message: { redirect: { to: 'http://169.254.169.254/latest/meta-data/', targetClass: 'metadata', followed: false } } },
    });
    // Every request went to the server (its five probes), none to the redirect's target.
    expect(s.requests).toHaveLength(5);
  });

  it('a 500 with a stack trace warns in auth and in error disclosure', async () => {
    const s = await server({ tls: { kind: 'good' }, handler: handlers.stackTrace500 });
    const report = await run({ url: s.url }, { only: ['auth-missing-token', 'endpoint-error-disclosure'] });
    const r = byId(report);
    expect(r['auth-missing-token']).toMatchObject({ status: 'warn', evidence: { classification: 'server-error' } });
    expect(r['endpoint-error-disclosure']?.status).toBe('warn');
    expect(JSON.stringify(r['endpoint-error-disclosure']?.evidence)).toContain('stack-trace');
  });

  it('a WAF block page is not mistaken for the bot rejecting the token', async () => {
    const s = await server({ tls: { kind: 'good' }, handler: handlers.wafBlock });
    const report = await run({ url: s.url }, { only: ['auth-missing-token'] });
    expect(byId(report)['auth-missing-token']).toMatchObject({ status: 'warn', evidence: { classification: 'gateway-block', gateway: 'Azure Application Gateway' } });
  });

  it('a wrong path (404) fails', async () => {
    const s = await server({ tls: { kind: 'good' }, handler: handlers.notFound });
    const report = await run({ url: s.url }, { only: ['auth-missing-token', 'endpoint-reachable'] });
    expect(statuses(report)).toEqual({ 'endpoint-reachable': 'pass', 'auth-missing-token': 'fail' });
  });
});

describe('TLS scenarios', () => {
  const tlsChecks = ['tls-protocol-version', 'tls-certificate-trust', 'tls-certificate-hostname', 'tls-certificate-expiry'];

  it('TLS 1.3-only fails tls-protocol-version (Teams is reported to use TLS 1.2)', async () => {
    const s = await server({ tls: { kind: 'good', range: 'tls13only' } });
    const report = await run({ url: s.url }, { only: ['tls-protocol-version'] });
    expect(byId(report)['tls-protocol-version']).toMatchObject({
      status: 'fail',
      evidence: { versions: { 'TLSv1.3': { accepted: true }, 'TLSv1.2': { accepted: false }, TLSv1: { accepted: false } } },
    });
  });

  it('TLS 1.0/1.1-only fails tls-protocol-version and reachability', async () => {
    const s = await server({ tls: { kind: 'good', range: 'legacyOnly' } });
    const report = await run({ url: s.url }, { only: ['tls-protocol-version', 'endpoint-reachable'] });
    const r = byId(report);
    expect(r['tls-protocol-version']).toMatchObject({ status: 'fail', evidence: { versions: { 'TLSv1.1': { accepted: true }, 'TLSv1.2': { accepted: false } } } });
    expect(r['endpoint-reachable']).toMatchObject({ status: 'fail', evidence: { failure: { phase: 'tls' } } });
  });

  const certCases: Array<[LeafKind, Record<string, Status>]> = [
    ['expired', { 'tls-certificate-trust': 'pass', 'tls-certificate-hostname': 'pass', 'tls-certificate-expiry': 'fail' }],
    ['notYetValid', { 'tls-certificate-trust': 'pass', 'tls-certificate-hostname': 'pass', 'tls-certificate-expiry': 'fail' }],
    ['expiringSoon', { 'tls-certificate-trust': 'pass', 'tls-certificate-hostname': 'pass', 'tls-certificate-expiry': 'warn' }],
    ['wrongHost', { 'tls-certificate-trust': 'pass', 'tls-certificate-hostname': 'fail', 'tls-certificate-expiry': 'pass' }],
    ['selfSigned', { 'tls-certificate-trust': 'fail', 'tls-certificate-hostname': 'pass', 'tls-certificate-expiry': 'pass' }],
    ['missingIntermediate', { 'tls-certificate-trust': 'fail', 'tls-certificate-hostname': 'pass', 'tls-certificate-expiry': 'pass' }],
  ];
  it.each(certCases)('certificate %s', async (kind, expected) => {
    const s = await server({ tls: { kind } });
    const report = await run({ url: s.url }, { only: tlsChecks.slice(1) });
    expect(statuses(report)).toEqual(expected);
    if (kind === 'expiringSoon') expect(byId(report)['tls-certificate-expiry']?.evidence).toMatchObject({ daysLeft: 9 });
    if (kind === 'missingIntermediate') expect(byId(report)['tls-certificate-trust']?.message).toContain('1 certificate');
  });
});

describe('reachability and latency scenarios', () => {
  it('plain HTTP fails endpoint-https and skips the TLS checks', async () => {
    const s = await server({ handler: handlers.anonymousBot });
    const report = await run({ url: s.url });
    const st = statuses(report);
    expect(st['endpoint-https']).toBe('fail');
    expect(st['tls-protocol-version']).toBe('skip');
    expect(st['tls-certificate-trust']).toBe('skip');
    expect(st['auth-missing-token']).toBe('fail');
  });

  it('a closed port fails reachability in the connect phase', async () => {
    const port = await closedPort();
    const report = await run({ url: `https://localhost:${port}/api/messages` }, { only: ['endpoint-reachable', 'endpoint-latency'] });
    const r = byId(report);
    expect(r['endpoint-reachable']).toMatchObject({ status: 'fail', evidence: { failure: { phase: 'connect', osCode: 'ECONNREFUSED' } } });
    expect(r['endpoint-latency']?.status).toBe('skip');
  });

  it('a server that never answers fails reachability waiting for the response, quickly', async () => {
    const s = await server({ tls: { kind: 'good' }, handler: handlers.neverAnswer });
    const t0 = performance.now();
    const report = await run({ url: s.url }, { phaseTimeoutMs: 1_000, only: ['endpoint-reachable', 'auth-missing-token'] });
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(byId(report)['endpoint-reachable']).toMatchObject({ status: 'fail', evidence: { failure: { phase: 'firstByte', code: 'CHK_ERR_PROBE_TIMEOUT' } } });
    expect(byId(report)['auth-missing-token']?.status).toBe('warn');
  });

  it('a server answering one byte a second fails reachability', async () => {
    const s = await startDripServer({ tls: { kind: 'good' }, intervalMs: 1_000 });
    onTestFinished(() => s.close());
    const report = await run({ url: s.url }, { phaseTimeoutMs: 1_000, only: ['endpoint-reachable'] });
    expect(byId(report)['endpoint-reachable']).toMatchObject({ status: 'fail', evidence: { failure: { code: 'CHK_ERR_PROBE_TIMEOUT' } } });
  });

  it('endpoint-latency measures the time to the rejection', async () => {
    const s = await server({ tls: { kind: 'good' }, handler: (_req, res) => { setTimeout(() => { res.statusCode = 401; res.end(); }, 300); } });
    const report = await run({ url: s.url }, { only: ['endpoint-latency'] });
    const latency = byId(report)['endpoint-latency'];
    expect(latency?.status).toBe('pass'); // 300 ms is fast; the threshold is asserted on the evidence
    expect((latency?.evidence as { withoutToken: { ms: number } }).withoutToken.ms).toBeGreaterThanOrEqual(290);
    expect((latency?.evidence as { withToken: { ms: number } }).withToken.ms).toBeGreaterThanOrEqual(290);
  });
});

describe('calling webhook and proxy', () => {
  it('checks a separate calling webhook and fails it when it is TLS 1.3-only', async () => {
    const calling = await server({ tls: { kind: 'good', range: 'tls13only' } });
    const report = await run({ url: bot.url, callingWebhook: `${calling.origin}/api/calling` }, { only: ['calling-webhook'] });
    expect(byId(report)['calling-webhook']).toMatchObject({ status: 'fail', evidence: { sameAsMessaging: false, offered: 'TLSv1.3' } });
  });

  it('passes a healthy calling webhook and warns on one equal to the messaging endpoint', async () => {
    const calling = await server({ tls: { kind: 'good' } });
    const ok = await run({ url: bot.url, callingWebhook: `${calling.origin}/api/calling` }, { only: ['calling-webhook'] });
    expect(byId(ok)['calling-webhook']?.status).toBe('pass');
    const same = await run({ url: bot.url, callingWebhook: `${bot.url}/` }, { only: ['calling-webhook'] });
    expect(byId(same)['calling-webhook']).toMatchObject({ status: 'warn', evidence: { sameAsMessaging: true } });
  });

  it('goes through an HTTP proxy and says so in the evidence', async () => {
    const proxy = await startConnectProxy();
    onTestFinished(() => proxy.close());
    const report = await run({ url: bot.url }, { proxy: { url: `http://127.0.0.1:${proxy.port}` }, only: ['endpoint-reachable', 'auth-missing-token', 'tls-certificate-trust'] });
    const r = byId(report);
    expect(r['endpoint-reachable']).toMatchObject({ status: 'pass', evidence: { proxy: `http://127.0.0.1:${proxy.port}` } });
    expect(r['auth-missing-token']?.status).toBe('pass');
    expect(r['tls-certificate-trust']?.status).toBe('pass');
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(2);
  });

  it('NO_PROXY keeps the probes direct', async () => {
    const proxy = await startConnectProxy();
    onTestFinished(() => proxy.close());
    const report = await run({ url: bot.url }, { proxy: { url: `http://127.0.0.1:${proxy.port}`, noProxy: 'localhost' }, only: ['endpoint-reachable'] });
    expect(byId(report)['endpoint-reachable']?.status).toBe('pass');
    expect(proxy.tunnels).toHaveLength(0);
  });
});

describe('runner: a gatherer that throws or hangs', () => {
  it('gives error with its code on the dependent checks, and the rest of the run completes', async () => {
    const throwing = { id: 'TlsVersions', environments: ['node'] as const, async gather(): Promise<never> { throw Object.assign(new Error('boom'), { code: 'ENOPE' }); } };
    const hanging = { id: 'AuthProbeForgedToken', environments: ['node'] as const, timeoutMs: 200, gather: () => new Promise<never>(() => undefined) };
    const suite = { ...endpointSuite, gatherers: endpointSuite.gatherers.map((g) => (g.id === 'TlsVersions' ? throwing : g.id === 'AuthProbeForgedToken' ? hanging : g)) };
    const report = await runChecks({ suite, input: { url: bot.url }, allowPrivate: true, ca, phaseTimeoutMs: FAST });
    const r = byId(report);
    expect(r['tls-protocol-version']).toMatchObject({ status: 'error', error: { code: 'CHK_ERR_EVIDENCE_ERRORED' } });
    expect(r['auth-forged-token']).toMatchObject({ status: 'error', error: { code: 'CHK_ERR_PROBE_TIMEOUT' } });
    // Checks that only read the forged-token probe as optional evidence still give their verdict.
    expect(r['endpoint-error-disclosure']?.status).toBe('pass');
    expect(r['endpoint-latency']?.status).toBe('pass');
    expect(r['auth-missing-token']?.status).toBe('pass');
    expect(r['tls-certificate-trust']?.status).toBe('pass');
    expect(report.counts.error).toBe(2);
    expect(report.results).toHaveLength(13);
  });
});
