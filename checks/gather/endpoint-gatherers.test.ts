/**
 * The endpoint gatherers on their own, against real loopback servers: the evidence they record
 * (what the rules then judge), and that expected network outcomes are evidence, not exceptions.
 */
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { CheckInput, EvidenceMap } from '../core/evidence';
import type { GatherContext, RunOptions } from '../core/gatherer';
import { testPki } from '../testing/certs';
import { closedPort, handlers, loopbackLookup, startServer } from '../testing/servers';
import { endpointSuite } from '../suites/endpoint';
import type { LookupFn } from './net';

let ca: string;
beforeAll(async () => { ca = (await testPki()).caPem; });

/** A gather context like the runner's: evidence memoised per "run". */
function context(input: CheckInput, options: RunOptions): GatherContext {
  const memo = new Map<string, Promise<unknown>>();
  const ctx: GatherContext = {
    input,
    options,
    signal: new AbortController().signal,
    environment: 'node',
    now: () => new Date(),
    get: ((id: string) => {
      let p = memo.get(id);
      if (!p) {
        const g = endpointSuite.gatherers.find((x) => x.id === id);
        if (!g) throw new Error(`no gatherer ${id}`);
        p = g.gather(ctx);
        memo.set(id, p);
      }
      return p;
    }) as GatherContext['get'],
  };
  return ctx;
}

function gather<K extends keyof EvidenceMap & string>(id: K, input: CheckInput, options: RunOptions = {}): Promise<EvidenceMap[K]> {
  return context(input, options).get(id);
}

describe('EndpointUrl', () => {
  it('describes a valid URL and flags bad ones without throwing', async () => {
    expect(await gather('EndpointUrl', { url: 'https://bot.contoso.com:8443/api/messages?x=1' })).toMatchObject({ valid: true, https: true, host: 'bot.contoso.com', port: 8443, defaultPort: false, path: '/api/messages?x=1' });
    expect(await gather('EndpointUrl', { url: 'http://[::1]:3978/api/messages' })).toMatchObject({ valid: true, https: false, hostKind: 'ipv6', host: '::1' });
    expect(await gather('EndpointUrl', { url: 'https://u:p@x.com/' })).toMatchObject({ valid: false, problem: 'credentials' });
    expect(await gather('EndpointUrl', {})).toMatchObject({ valid: false, problem: 'missing' });
  });
});

describe('DnsResolution', () => {
  it('classifies every address through the injected resolver', async () => {
    const lookup: LookupFn = async () => [{ address: '20.50.60.70', family: 4 }, { address: '10.0.0.8', family: 4 }];
    const e = await gather('DnsResolution', { url: 'https://bot.contoso.com/api/messages' }, { lookup });
    expect(e).toMatchObject({ probed: true, resolved: true, allowed: false, refused: { address: '10.0.0.8', class: 'private' } });
  });

  it('records a lookup failure as evidence', async () => {
    const lookup: LookupFn = async () => { throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' }); };
    const e = await gather('DnsResolution', { url: 'https://nowhere.contoso.com/' }, { lookup });
    expect(e).toMatchObject({ probed: true, resolved: false, failure: { phase: 'dns', osCode: 'ENOTFOUND' } });
  });
});

describe('TlsHandshake', () => {
  it('records protocol, cipher, the chain with SANs and dates, trust and host name', async () => {
    const s = await startServer({ tls: { kind: 'good' } });
    onTestFinished(() => s.close());
    const e = await gather('TlsHandshake', { url: s.url }, { allowPrivate: true, ca, lookup: loopbackLookup });
    if (!e.probed || !e.ok) throw new Error('expected a handshake');
    expect(e.protocol).toBe('TLSv1.3');
    expect(e.address).toBe('127.0.0.1');
    expect(e.trust).toEqual({ store: 'default+ca', authorized: true });
    expect(e.hostname).toEqual({ host: 'localhost', matches: true });
    expect(e.chain[0]).toMatchObject({ subject: expect.stringContaining('CN=localhost'), subjectAltNames: expect.arrayContaining(['DNS:localhost', 'IP:127.0.0.1']), selfIssued: false, ca: false });
    expect(e.chain[1]).toMatchObject({ subject: expect.stringContaining('Issuing CA'), ca: true });
    expect(Date.parse(e.chain[0]!.notAfter)).toBeGreaterThan(Date.now());
  });

  it('records a refused connection as a failure, not an exception', async () => {
    const port = await closedPort();
    const e = await gather('TlsHandshake', { url: `https://localhost:${port}/` }, { allowPrivate: true, lookup: loopbackLookup, phaseTimeoutMs: 500 });
    expect(e).toMatchObject({ probed: true, ok: false, failure: { phase: 'connect', osCode: 'ECONNREFUSED' } });
  });

  it('does not probe a refused address', async () => {
    const e = await gather('TlsHandshake', { url: 'https://localhost:1/' }, { lookup: loopbackLookup });
    expect(e).toEqual({ probed: false, reason: 'address-refused' });
  });
});

describe('TlsVersions', () => {
  it('tells accepted, refused and every version apart', async () => {
    const s = await startServer({ tls: { kind: 'good', range: 'tls12only' } });
    onTestFinished(() => s.close());
    const e = await gather('TlsVersions', { url: s.url }, { allowPrivate: true, lookup: loopbackLookup, phaseTimeoutMs: 1_000 });
    if (!e.probed) throw new Error('expected a probe');
    expect(e.versions['TLSv1.2']).toMatchObject({ accepted: true, protocol: 'TLSv1.2' });
    expect(e.versions['TLSv1.3'].accepted).toBe(false);
    expect(e.versions.TLSv1.accepted).toBe(false);
    expect(e.versions['TLSv1.1'].accepted).toBe(false);
  });
});

describe('auth probes', () => {
  it('send a Teams message activity; the forged one carries an RS256 JWT with the right claims', async () => {
    const s = await startServer({ tls: { kind: 'good' }, handler: handlers.secureBot });
    onTestFinished(() => s.close());
    const appId = '11111111-2222-3333-4444-555555555555';
    const ctx = context({ url: s.url, appId }, { allowPrivate: true, lookup: loopbackLookup });
    const [missing, forged] = await Promise.all([ctx.get('AuthProbeMissingToken'), ctx.get('AuthProbeForgedToken')]);
    expect(missing).toMatchObject({ probed: true, ok: true, status: 401, sent: { authorization: 'none' } });
    expect(forged).toMatchObject({ probed: true, ok: true, status: 401, sent: { authorization: 'forged-bearer-token', token: { aud: appId, iss: 'https://api.botframework.com' } } });
    const auth = s.requests.map((r) => r.headers.authorization).find((h) => typeof h === 'string') as string;
    const [header = {}, payload = {}] = auth.replace('Bearer ', '').split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    const activity = JSON.parse(s.requests[0]!.body) as { serviceUrl: string };
    expect(payload).toMatchObject({ iss: 'https://api.botframework.com', aud: appId, serviceurl: activity.serviceUrl });
    expect((payload.exp as number) - (payload.iat as number)).toBeLessThanOrEqual(300);
    expect(JSON.stringify(forged)).not.toContain(auth.replace('Bearer ', ''));
  });

  it('uses a random GUID audience when no app id is given', async () => {
    const s = await startServer({ tls: { kind: 'good' } });
    onTestFinished(() => s.close());
    const e = await gather('AuthProbeForgedToken', { url: s.url }, { allowPrivate: true, lookup: loopbackLookup });
    if (!e.probed || !e.ok) throw new Error('expected an answer');
    expect(e.sent.token?.aud).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
