import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { ErrorCodes } from '../core/errors';
import { sendJson, startMockServer, type MockServer } from '../testing/azure-mocks/http';
import { startConnectProxy } from '../testing/servers';
import { controlRequest, describeUrl, retryAfterSeconds, sleep } from './registration-http';

const servers: MockServer[] = [];
afterEach(async () => { await Promise.all(servers.splice(0).map((s) => s.close())); });

describe('retryAfterSeconds', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  it.each([
    ['7', 7],
    [' 0 ', 0],
    ['Mon, 01 Jun 2026 12:00:30 GMT', 30],
    ['Mon, 01 Jun 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    [undefined, undefined],
  ])('%s -> %s', (value, seconds) => {
    expect(retryAfterSeconds(value, now)).toBe(seconds);
  });
});

describe('controlRequest', () => {
  it('posts a form, parses JSON and keeps only the headers it needs', async () => {
    const s = await startMockServer((req, res, body) => {
      sendJson(res, 200, { echo: Object.fromEntries(new URLSearchParams(body)), type: req.headers['content-type'] }, { 'x-ms-request-id': 'r1', 'set-cookie': 'a=b' });
    });
    servers.push(s);
    const res = await controlRequest(`${s.url}/t`, { service: 'test', form: { a: '1', b: 'x y' } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ echo: { a: '1', b: 'x y' }, type: 'application/x-www-form-urlencoded' });
    expect(res.headers).toEqual({ 'content-type': 'application/json; charset=utf-8', 'x-ms-request-id': 'r1' });
    expect(s.requests[0]?.method).toBe('POST');
  });

  it('returns non-JSON bodies without json', async () => {
    const s = await startMockServer((_req, res) => { res.writeHead(502, { 'content-type': 'text/html' }); res.end('<html>bad gateway</html>'); });
    servers.push(s);
    const res = await controlRequest(s.url, { service: 'test' });
    expect(res).toEqual({ status: 502, headers: { 'content-type': 'text/html' } });
  });

  it('honours an outer abort', async () => {
    const s = await startMockServer(() => { /* never answers */ });
    servers.push(s);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(controlRequest(s.url, { service: 'test', signal: controller.signal, timeoutMs: 5000 })).rejects.toMatchObject({ code: ErrorCodes.DEADLINE });
  });

  it('times out a service that never answers, naming it and the limit', async () => {
    const s = await startMockServer(() => { /* never answers */ });
    servers.push(s);
    const t0 = performance.now();
    await expect(controlRequest(`${s.url}/token?client_secret=x`, { service: 'Entra ID', timeoutMs: 200 })).rejects.toMatchObject({
      code: ErrorCodes.PROBE_TIMEOUT,
      message: `Entra ID (${s.url}/token) did not answer within 200 ms.`,
    });
    expect(performance.now() - t0).toBeLessThan(3_000);
  });

  it('says cancelled, not timed out, when the run stops it first', async () => {
    const s = await startMockServer(() => { /* never answers */ });
    servers.push(s);
    const controller = new AbortController();
    controller.abort(new Error('not an engine error'));
    await expect(controlRequest(s.url, { service: 'test', signal: controller.signal, timeoutMs: 100 })).rejects.toMatchObject({
      code: ErrorCodes.DEADLINE, message: 'The request to test was cancelled.',
    });
  });

  it('never puts the query string in messages', () => {
    expect(describeUrl('https://login.example/t/oauth2/v2.0/token?client_secret=x')).toBe('https://login.example/t/oauth2/v2.0/token');
  });

  it('sleep rejects when aborted', async () => {
    const controller = new AbortController();
    const p = sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
  });
});

describe('controlRequest through a proxy (the probes\' chooser: proxySettingsFromEnv + proxyForTarget)', () => {
  const PROXY_VARS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy'];
  const withEnv = (vars: Record<string, string>): void => {
    const saved = PROXY_VARS.map((k) => [k, process.env[k]] as const);
    for (const k of PROXY_VARS) delete process.env[k];
    Object.assign(process.env, vars);
    onTestFinished(() => {
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    });
  };

  it.each([
    ['HTTP_PROXY', (proxy: string) => ({ HTTP_PROXY: proxy }), true],
    ['ALL_PROXY', (proxy: string) => ({ ALL_PROXY: proxy }), true],
    ['NO_PROXY naming the host', (proxy: string) => ({ HTTP_PROXY: proxy, NO_PROXY: '127.0.0.1' }), false],
    ['only HTTPS_PROXY, for an http target', (proxy: string) => ({ HTTPS_PROXY: proxy }), false],
  ])('%s', async (_name, env, tunnelled) => {
    const proxy = await startConnectProxy();
    onTestFinished(() => proxy.close());
    const s = await startMockServer((_req, res) => { sendJson(res, 200, { ok: true }); });
    servers.push(s);
    withEnv(env(proxy.url));
    const res = await controlRequest(`${s.url}/t`, { service: 'test' });
    expect(res.json).toEqual({ ok: true });
    expect(proxy.tunnels).toEqual(tunnelled ? [`127.0.0.1:${new URL(s.url).port}`] : []);
  });
});
