import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { testPki } from '../../testing/certs';
import {
  closedPort, handlers, loopbackLookup, startConnectProxy, startDripServer, startServer, startSilentServer, type TestServer,
} from '../../testing/servers';
import { connectTls, PhaseNetworkError, PhaseTimeoutError, resolveHost, safeRequest, type LookupFn } from './index';

let ca: string;
beforeAll(async () => { ca = (await testPki()).caPem; });

// Short where a test expects a timeout, generous elsewhere (the machine may be busy).
const FAST = { dns: 300, connect: 3_000, tls: 3_000, firstByte: 400, body: 400 };

async function server(opts: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(opts);
  onTestFinished(() => s.close());
  return s;
}

async function codeOf(p: Promise<unknown>): Promise<{ code?: string | undefined; phase?: string | undefined; osCode?: string | undefined; message: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as { code?: string; phase?: string; osCode?: string; message: string };
    return { code: e.code, phase: e.phase, osCode: e.osCode, message: e.message };
  }
  throw new Error('expected a rejection');
}

describe('address guard', () => {
  it('refuses loopback without allowPrivate and names the address', async () => {
    const s = await server({ tls: { kind: 'good' } });
    const err = await codeOf(safeRequest(s.url, { ca, lookup: loopbackLookup }));
    expect(err.code).toBe('CHK_ERR_ADDRESS_REFUSED');
    expect(err.message).toContain('127.0.0.1');
    expect(s.requests).toHaveLength(0);
  });

  it.each([
    ['a private address', [{ address: '10.0.0.7', family: 4 }]],
    ['the metadata address', [{ address: '169.254.169.254', family: 4 }]],
    ['a mix of public and private', [{ address: '8.8.8.8', family: 4 }, { address: '192.168.0.2', family: 4 }]],
    ['an IPv4-mapped loopback', [{ address: '::ffff:127.0.0.1', family: 6 }]],
  ])('refuses a name that resolves to %s', async (_label, answer) => {
    const lookup: LookupFn = async () => answer;
    const err = await codeOf(safeRequest('https://bot.example.com/api/messages', { lookup }));
    expect(err.code).toBe('CHK_ERR_ADDRESS_REFUSED');
  });

  it('refuses IP literals in decimal, hex and octal form', async () => {
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://[::ffff:7f00:1]/']) {
      expect((await codeOf(safeRequest(url))).code, url).toBe('CHK_ERR_ADDRESS_REFUSED');
    }
  });

  it('refuses the metadata address even with allowPrivate', async () => {
    const err = await codeOf(safeRequest('http://169.254.169.254/latest/meta-data/', { allowPrivate: true }));
    expect(err.code).toBe('CHK_ERR_ADDRESS_REFUSED');
    expect(err.message).toContain('metadata');
  });

  it('connects to the checked address with one lookup; SNI and Host stay the host name', async () => {
    let sni: string | undefined;
    let host: string | undefined;
    const s = await server({
      tls: { kind: 'good', hosts: ['bot.example.test'] },
      handler: (req, res) => { sni = (req.socket as import('node:tls').TLSSocket).servername || undefined; host = req.headers.host; res.end('ok'); },
    });
    let lookups = 0;
    const lookup: LookupFn = async () => { lookups += 1; return [{ address: '127.0.0.1', family: 4 }]; };
    const res = await safeRequest(`https://bot.example.test:${s.port}/api/messages`, { ca, lookup, allowPrivate: true });
    expect(res.status).toBe(200);
    expect(res.body).toBe('ok');
    expect(lookups).toBe(1);
    expect(sni).toBe('bot.example.test');
    expect(host).toBe(`bot.example.test:${s.port}`);
    expect(res.address).toBe('127.0.0.1');
    expect(res.addressClass).toBe('loopback');
    expect(res.tls).toMatchObject({ protocol: 'TLSv1.3', authorized: true });
    expect(res.timings.totalMs).toBeGreaterThanOrEqual(0);
  });

  it('reuses a given resolution instead of looking up again', async () => {
    const s = await server({ tls: { kind: 'good' }, handler: handlers.anonymousBot });
    const resolution = await resolveHost('localhost', { lookup: loopbackLookup });
    const lookup: LookupFn = async () => { throw new Error('must not be called'); };
    const res = await safeRequest(s.url, { ca, allowPrivate: true, resolution, lookup, method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
  });
});

describe('phase timeouts and network errors', () => {
  it('DNS: a lookup that never answers times out in the dns phase', async () => {
    const lookup: LookupFn = () => new Promise(() => undefined);
    const err = await codeOf(safeRequest('https://slow-dns.example.com/', { lookup, timeouts: FAST }));
    expect(err).toMatchObject({ code: 'CHK_ERR_PROBE_TIMEOUT', phase: 'dns' });
  });

  it('DNS: an unknown name is a dns network error', async () => {
    const lookup: LookupFn = async () => { throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }); };
    const err = await codeOf(safeRequest('https://nowhere.example.com/', { lookup, timeouts: FAST }));
    expect(err).toMatchObject({ code: 'CHK_ERR_PROBE_NETWORK', phase: 'dns', osCode: 'ENOTFOUND' });
  });

  it('connect: a closed port is refused', async () => {
    const port = await closedPort();
    const err = await codeOf(safeRequest(`https://localhost:${port}/`, { lookup: loopbackLookup, allowPrivate: true, timeouts: FAST }));
    expect(err).toMatchObject({ code: 'CHK_ERR_PROBE_NETWORK', phase: 'connect', osCode: 'ECONNREFUSED' });
  });

  it('tls: a server that accepts TCP and never speaks TLS times out in the tls phase', async () => {
    const s = await startSilentServer();
    onTestFinished(() => s.close());
    const err = await codeOf(safeRequest(s.url, { lookup: loopbackLookup, allowPrivate: true, timeouts: { ...FAST, tls: 300 } }));
    expect(err).toMatchObject({ code: 'CHK_ERR_PROBE_TIMEOUT', phase: 'tls' });
  });

  it('firstByte: a server that never answers times out waiting for the response', async () => {
    const s = await server({ tls: { kind: 'good' }, handler: handlers.neverAnswer });
    const t0 = performance.now();
    const err = await codeOf(safeRequest(s.url, { ca, lookup: loopbackLookup, allowPrivate: true, timeouts: FAST, method: 'POST', body: '{}' }));
    expect(err).toMatchObject({ code: 'CHK_ERR_PROBE_TIMEOUT', phase: 'firstByte' });
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('firstByte: a status line dripped one byte a second never completes', async () => {
    const s = await startDripServer({ tls: { kind: 'good' }, intervalMs: 1_000 });
    onTestFinished(() => s.close());
    const err = await codeOf(safeRequest(s.url, { ca, lookup: loopbackLookup, allowPrivate: true, timeouts: FAST }));
    expect(err).toMatchObject({ code: 'CHK_ERR_PROBE_TIMEOUT', phase: 'firstByte' });
  });

  it('body: a body dripped one byte a second hits the total body timeout', async () => {
    const s = await server({ tls: { kind: 'good' }, handler: handlers.dripBody(150, 'abcdefghij') });
    const err = await codeOf(safeRequest(s.url, { ca, lookup: loopbackLookup, allowPrivate: true, timeouts: FAST }));
    expect(err).toMatchObject({ code: 'CHK_ERR_PROBE_TIMEOUT', phase: 'body' });
  });

  it('body: the size cap truncates and keeps the first bytes', async () => {
    const s = await server({ handler: handlers.status(200, 'x'.repeat(100_000)) });
    const res = await safeRequest(s.url, { lookup: loopbackLookup, allowPrivate: true, maxBodyBytes: 1_000 });
    expect(res).toMatchObject({ status: 200, truncated: true, bodyBytes: 1_000 });
    expect(res.body).toHaveLength(1_000);
  });

  it('an outer abort signal stops the request', async () => {
    const s = await server({ tls: { kind: 'good' }, handler: handlers.neverAnswer });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 100);
    const err = await codeOf(safeRequest(s.url, { ca, lookup: loopbackLookup, allowPrivate: true, signal: controller.signal }));
    expect(err.message).toBe('stop');
  });
});

describe('TLS trust and versions', () => {
  it('rejects an untrusted chain by default and reports it when asked not to', async () => {
    const s = await server({ tls: { kind: 'good' }, handler: handlers.anonymousBot });
    const err = await codeOf(safeRequest(s.url, { lookup: loopbackLookup, allowPrivate: true, timeouts: FAST }));
    expect(err).toMatchObject({ code: 'CHK_ERR_PROBE_NETWORK', phase: 'tls' });
    const res = await safeRequest(s.url, { lookup: loopbackLookup, allowPrivate: true, rejectUnauthorized: false });
    expect(res.tls?.authorized).toBe(false);
    expect(res.tls?.authorizationError).toBeTruthy();
  });

  it('negotiates TLS 1.0/1.1 with a legacy-only server when the client allows it', async () => {
    const s = await server({ tls: { kind: 'good', range: 'legacyOnly' } });
    const c = await connectTls('localhost', s.port, { ca, lookup: loopbackLookup, allowPrivate: true, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0', rejectUnauthorized: false });
    expect(c.socket.getProtocol()).toBe('TLSv1.1');
    c.socket.destroy();
  });

  it('fails the handshake when a 1.2-capped client meets a 1.3-only server', async () => {
    const s = await server({ tls: { kind: 'good', range: 'tls13only' } });
    const err = await codeOf(connectTls('localhost', s.port, { ca, lookup: loopbackLookup, allowPrivate: true, maxVersion: 'TLSv1.2', timeouts: FAST }));
    expect(err).toMatchObject({ code: 'CHK_ERR_PROBE_NETWORK', phase: 'tls' });
    expect(err.osCode).toMatch(/PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL/);
  });
});

describe('redirects', () => {
  it('reports a redirect to the metadata address without following it', async () => {
    const s = await server({ tls: { kind: 'good' }, handler: handlers.redirectTo() });
    const res = await safeRequest(s.url, { ca, lookup: loopbackLookup, allowPrivate: true, method: 'POST', body: '{}' });
    expect(res.status).toBe(302);
    expect(res.hops).toHaveLength(1);
    expect(res.redirect).toMatchObject({ to: 'http://169.254.169.254/latest/meta-data/', reason: 'not-followed', targetClass: 'metadata' });
  });

  it('re-checks a followed redirect target and refuses the metadata address', async () => {
    const s = await server({ tls: { kind: 'good' }, handler: handlers.redirectTo() });
    const res = await safeRequest(s.url, { ca, lookup: loopbackLookup, allowPrivate: true, maxRedirects: 3 });
    expect(res.status).toBe(302);
    expect(res.redirect).toMatchObject({ reason: 'refused', targetClass: 'metadata', error: { code: 'CHK_ERR_ADDRESS_REFUSED' } });
  });

  it('follows allowed hops as GET without body or Authorization, reporting each hop', async () => {
    const last = await server({ handler: handlers.status(200, 'landed') });
    const first = await server({ tls: { kind: 'good' }, handler: handlers.redirectTo(`${last.origin}/final`, 307) });
    const res = await safeRequest(first.url, {
      ca, lookup: loopbackLookup, allowPrivate: true, maxRedirects: 2, method: 'POST', body: '{"a":1}',
      headers: { authorization: 'Bearer secret', 'content-type': 'application/json' },
    });
    expect(res.hops.map((h) => h.status)).toEqual([307, 200]);
    expect(res.body).toBe('landed');
    expect(last.requests[0]).toMatchObject({ method: 'GET', path: '/final', body: '' });
    expect(last.requests[0]?.headers.authorization).toBeUndefined();
    expect(first.requests[0]?.headers.authorization).toBe('Bearer secret');
  });

  it('stops at the redirect limit and says so', async () => {
    const s = await server({ handler: (req, res) => { res.writeHead(302, { location: `/loop${req.url?.length ?? 0}` }); res.end(); } });
    const res = await safeRequest(s.url, { lookup: loopbackLookup, allowPrivate: true, maxRedirects: 2 });
    expect(res.hops).toHaveLength(3);
    expect(res.redirect?.reason).toBe('limit');
  });
});

describe('proxy', () => {
  let proxy: Awaited<ReturnType<typeof startConnectProxy>>;
  beforeAll(async () => { proxy = await startConnectProxy(); });
  afterAll(async () => { await proxy.close(); });

  it('sends a request through undici ProxyAgent and reports the proxy', async () => {
    const s = await server({ tls: { kind: 'good' }, handler: handlers.secureBot });
    const res = await safeRequest(s.url, { ca, proxy: { url: `http://user:pw@127.0.0.1:${proxy.port}` }, method: 'POST', body: '{}', timeouts: 2_000 });
    expect(res.status).toBe(401);
    expect(res.proxy).toBe(`http://127.0.0.1:${proxy.port}`);
    expect(proxy.tunnels).toContain(`localhost:${s.port}`);
  });

  it('tunnels a raw TLS handshake through CONNECT', async () => {
    const s = await server({ tls: { kind: 'good' } });
    const c = await connectTls('localhost', s.port, { ca, proxy: { url: `http://127.0.0.1:${proxy.port}` }, timeouts: 2_000 });
    expect(c.proxy).toBe(`http://127.0.0.1:${proxy.port}`);
    expect(c.address).toBeUndefined();
    expect(c.socket.authorized).toBe(true);
    c.socket.destroy();
  });

  it('gives up on a proxy that never answers CONNECT, by its timers and by the caller\'s signal', async () => {
    const silent = await startSilentServer();
    onTestFinished(() => silent.close());
    const proxyCfg = { url: `http://127.0.0.1:${silent.port}` };
    let t0 = Date.now();
    const timedOut = await codeOf(safeRequest('https://bot.example.com/api/messages', { proxy: proxyCfg, timeouts: 150 }));
    expect(timedOut.code).toBe('CHK_ERR_PROBE_TIMEOUT');
    expect(Date.now() - t0).toBeLessThan(3_000);
    t0 = Date.now();
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('caller gave up')), 100);
    await expect(safeRequest('https://bot.example.com/api/messages', { proxy: proxyCfg, timeouts: 30_000, signal: controller.signal })).rejects.toThrow('caller gave up');
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  it('still refuses an IP-literal private target through a proxy', async () => {
    const err = await codeOf(safeRequest('https://10.0.0.1/', { proxy: { url: `http://127.0.0.1:${proxy.port}` } }));
    expect(err.code).toBe('CHK_ERR_ADDRESS_REFUSED');
  });
});

describe('error classes', () => {
  it('carry code and phase and serialise without a stack', () => {
    const t = new PhaseTimeoutError('tls', 100, 'x:443');
    expect(t).toMatchObject({ code: 'CHK_ERR_PROBE_TIMEOUT', phase: 'tls', timeoutMs: 100 });
    expect(JSON.stringify(t)).not.toContain('at ');
    const n = new PhaseNetworkError('connect', 'ECONNREFUSED', 'refused');
    expect(n.toJSON()).toEqual({ name: 'ProbeNetworkError', code: 'CHK_ERR_PROBE_NETWORK', message: 'refused' });
  });
});
