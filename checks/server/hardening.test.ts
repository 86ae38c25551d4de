/**
 * Findings of the red-team pass against the production API, each on a real server: forged
 * X-Forwarded-For, answers that skipped the headers or the error format, a malformed pipelined
 * request that made the rate limiter throw, and client-chosen hosts in the logs.
 */
import { connect } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer } from './app';
import type { ApiErrorBody } from './errors';
import { runCli } from '../testing/cli';
import { call, postRun, startApi } from '../testing/api-server';

const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
const residency = { suite: 'residency', input: { serviceUrl: SERVICE_URL } };

/** Sends raw bytes and returns everything the server answered until it closed (or 2 s). */
function raw(base: string, payload: string): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let out = '';
    socket.on('data', (d: Buffer) => { out += d.toString('latin1'); });
    socket.on('error', () => undefined);
    const done = (): void => { clearTimeout(timer); resolve(out); };
    const timer = setTimeout(() => { socket.destroy(); done(); }, 2_000);
    socket.on('close', done);
    socket.write(payload);
  });
}

function headersOf(answer: string): Record<string, string> {
  const head = answer.split('\r\n\r\n')[0] ?? '';
  return Object.fromEntries(head.split('\r\n').slice(1).map((l) => {
    const i = l.indexOf(':');
    return [l.slice(0, i).toLowerCase(), l.slice(i + 1).trim()];
  }));
}

function expectSecurityHeaders(get: (name: string) => string | null | undefined): void {
  expect(get('x-content-type-options')).toBe('nosniff');
  expect(get('x-frame-options')).toBe('DENY');
  expect(get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
  expect(get('referrer-policy')).toBe('no-referrer');
}

describe('--trust-proxy trusts only what the operator names', () => {
  it('behind one trusted hop, forged X-Forwarded-For values do not make new clients', async () => {
    const api = await startApi({ mode: 'production', rateLimit: { max: 60, timeWindowMs: 60_000 }, trustProxy: 1 });
    try {
      const statuses: number[] = [];
      // What one proxy in front sends: the client's own (forged) header, then the address it saw.
      for (let i = 0; i < 70; i += 1) {
        const res = await postRun(api.base, residency, { accept: 'application/json', headers: { 'x-forwarded-for': `10.9.${i}.1, 198.51.100.7` } });
        statuses.push(res.status);
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(60);
      expect(statuses.slice(60).every((s) => s === 429)).toBe(true);
      // Another real client (as the proxy saw it) has its own budget.
      expect((await postRun(api.base, residency, { accept: 'application/json', headers: { 'x-forwarded-for': '198.51.100.8' } })).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('by address: the first untrusted hop from the right is the client', async () => {
    const api = await startApi({ mode: 'production', rateLimit: { max: 2, timeWindowMs: 60_000 }, trustProxy: ['127.0.0.1', '10.0.0.0/8'] });
    try {
      const as = (xff: string): Promise<number> => postRun(api.base, residency, { accept: 'application/json', headers: { 'x-forwarded-for': xff } }).then((r) => r.status);
      // 10.1.1.1 is a trusted proxy too, so 198.51.100.9 is the client every time.
      expect([await as('1.1.1.1, 198.51.100.9, 10.1.1.1'), await as('2.2.2.2, 198.51.100.9'), await as('3.3.3.3, 198.51.100.9, 10.2.2.2')]).toEqual([200, 200, 429]);
    } finally {
      await api.close();
    }
  });

  it('by default, X-Forwarded-For is ignored: the socket address is the client', async () => {
    const api = await startApi({ mode: 'production', rateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await postRun(api.base, residency, { accept: 'application/json', headers: { 'x-forwarded-for': `203.0.113.${i}` } })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await api.close();
    }
  });

  it('refuses to trust every hop, and values that are not hops or addresses', async () => {
    await expect(createApiServer({ mode: 'production', logger: false, trustProxy: true as never })).rejects.toThrow(/trusting every hop would let any client choose its own address/);
    await expect(createApiServer({ mode: 'production', logger: false, trustProxy: 0 })).rejects.toThrow(/hop count/);
    await expect(createApiServer({ mode: 'production', logger: false, trustProxy: ['10.0.0.0/33'] })).rejects.toThrow(/not a proxy address or CIDR/);
  });

  describe('botflow serve --trust-proxy', () => {
    let site: string;
    beforeAll(() => {
      site = mkdtempSync(join(tmpdir(), 'botflow-trust-'));
      writeFileSync(join(site, 'index.html'), '<!doctype html><title>t</title>');
    });
    afterAll(() => rmSync(site, { recursive: true, force: true }));

    it.each([
      [['--trust-proxy'], /--trust-proxy needs the proxies to trust: a hop count/],
      [['--trust-proxy', 'everyone'], /--trust-proxy: "everyone" is not a proxy address or CIDR block/],
      [['--trust-proxy', '0'], /hop count must be a whole number from 1/],
    ])('exits 2 on %j', async (args, message) => {
      const run = await runCli(['serve', '--site', site, '--port', '0', ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    });

    it('exits 2 on a Redis URL that is not redis:// (without repeating it)', async () => {
      const run = await runCli(['serve', '--site', site, '--port', '0'], { env: { BOTFLOW_REDIS_URL: 'http://user:CANARY-pw@cache:6379' } });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/BOTFLOW_REDIS_URL must start with redis:\/\//);
      expect(run.stderr).not.toContain('CANARY-pw');
    });
  });
});

describe('answers that never reach a route', () => {
  it('a malformed percent-encoding gets the API error format and headers, without its path, and is logged', async () => {
    const api = await startApi({ mode: 'production' });
    try {
      const res = await call(api.base, '/api/%zzCANARY-path?q=%zzCANARY-query');
      expect(res.status).toBe(400);
      expectSecurityHeaders((n) => res.headers.get(n));
      const body = res.json() as ApiErrorBody;
      expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'CHK_ERR_MALFORMED_REQUEST' });
      expect(res.text).not.toContain('CANARY');
      expect(res.text).not.toContain('FST_ERR');
      await expect.poll(() => api.logs.lines.some((l) => (JSON.parse(l) as { code?: string }).code === 'CHK_ERR_MALFORMED_REQUEST')).toBe(true);
      expect(api.logs.text()).not.toContain('CANARY');
    } finally {
      await api.close();
    }
  });

  it.each([
    ['a request line Node cannot parse', 'BROKEN\r\n\r\n', 400, 'CHK_ERR_MALFORMED_REQUEST'],
    ['headers over Node\'s limit', `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'CHK_ERR_HEADERS_TOO_LARGE'],
  ])('%s gets the API error format and the security headers', async (_name, payload, status, code) => {
    const api = await startApi({ mode: 'production' });
    try {
      const answer = await raw(api.base, payload);
      expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      const headers = headersOf(answer);
      expectSecurityHeaders((n) => headers[n]);
      const body = JSON.parse(answer.split('\r\n\r\n')[1] ?? '') as ApiErrorBody;
      expect(body).toMatchObject({ statusCode: status, code });
      expect(answer).not.toContain('aaaa');
    } finally {
      await api.close();
    }
  });

  it('a malformed request pipelined behind a good one does not make the rate limiter throw', async () => {
    const api = await startApi({ mode: 'production', rateLimit: { max: 100, timeWindowMs: 60_000 } });
    try {
      for (const tail of ['GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n', '\u0000\u0001garbage\r\n\r\n']) {
        const answer = await raw(api.base, `GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n${tail}`);
        expect(answer).toMatch(/HTTP\/1\.1 400 /);
      }
      await new Promise((r) => setTimeout(r, 200));
      const lines = api.logs.lines.map((l) => JSON.parse(l) as { level: number; msg: string });
      expect(lines.filter((l) => l.level >= 50)).toEqual([]);
      expect(api.logs.text()).not.toMatch(/normalizeIP|TypeError/);
      // The server still answers normally.
      expect((await call(api.base, '/api/health')).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});

describe('logs carry no client-supplied host', () => {
  it('refusals name the host to the client, never to the log', async () => {
    const api = await startApi({
      mode: 'production',
      lookup: async () => [{ address: '10.1.2.3', family: 4 }],
    });
    try {
      const res = await postRun(api.base, { suite: 'endpoint', input: { url: 'https://canary-host-4e1f.example.test/api/messages' } }, { headers: { host: 'canary-vhost-4e1f.example' } });
      expect(res.status).toBe(400);
      expect((res.json() as ApiErrorBody).message).toContain('canary-host-4e1f.example.test resolves to 10.1.2.3');
      const literal = await postRun(api.base, { suite: 'endpoint', input: { url: 'https://[::ffff:0:127.0.0.1]/x' } });
      expect(literal.status).toBe(400);
      await new Promise((r) => setTimeout(r, 50));
      const logs = api.logs.text();
      expect(logs).toContain('CHK_ERR_ADDRESS_REFUSED');
      expect(logs).not.toContain('canary-host-4e1f');
      expect(logs).not.toContain('canary-vhost-4e1f');
      expect(logs).not.toContain('7f00');
      expect(logs).not.toContain('10.1.2.3');
    } finally {
      await api.close();
    }
  });
});

describe('one secret rule for every URL and every nested field, in every suite', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  beforeAll(async () => { api = await startApi({ mode: 'production' }); });
  afterAll(async () => { await api.close(); });

  const bot = (properties: Record<string, unknown>): Record<string, unknown> => ({ name: 'bot', properties: { msaAppId: '11111111-2222-3333-4444-555555555555', endpoint: 'https://bot.contoso.com/api/messages', ...properties } });
  const CANARY = 'CANARY-secret-5d2a';

  it.each([
    ['residency serviceUrl with user:password', { suite: 'residency', input: { serviceUrl: `https://u:${CANARY}@smba.trafficmanager.net/amer/` } }, '/input/serviceUrl'],
    ['residency serviceUrl with ?sig=', { suite: 'residency', input: { serviceUrl: `https://smba.trafficmanager.net/amer/?sig=${CANARY}` } }, '/input/serviceUrl'],
    ['registration url with ?code=', { suite: 'registration', input: { bot: bot({}), url: `https://bot.contoso.com/api/messages?code=${CANARY}` } }, '/input/url'],
    ['registration callingWebhook with a password', { suite: 'registration', input: { bot: bot({}), callingWebhook: `https://x:${CANARY}@bot.contoso.com/api/calls` } }, '/input/callingWebhook'],
    ['a registration document (text) whose endpoint carries ?code=', { suite: 'registration', input: { bot: JSON.stringify(bot({ endpoint: `https://f.azurewebsites.net/api/messages?code=${CANARY}` })) } }, '/input/bot/properties/endpoint'],
    ['a secret-named field nested in a registration document (object)', { suite: 'registration', input: { bot: bot({ developerAppInsightsApiKey: CANARY }) } }, '/input/bot/properties/developerAppInsightsApiKey'],
    ['a channel key nested in an array', { suite: 'registration', input: { bot: bot({}), channel: JSON.stringify({ properties: { sites: [{ siteName: 'a', key: CANARY }] } }) } }, '/input/channel/properties/sites/0/key'],
    ['a secret inside the manifest text', { suite: 'manifest', input: { manifest: JSON.stringify({ manifestVersion: '1.17', bots: [{ botId: 'x', clientSecret: CANARY }] }) } }, '/input/manifest/bots/0/clientSecret'],
    ['an access token in a URL fragment inside the manifest', { suite: 'manifest', input: { manifest: JSON.stringify({ developer: { websiteUrl: `https://contoso.com/#access_token=${CANARY}` } }) } }, '/input/manifest/developer/websiteUrl'],
    ['a numeric password in the envelope', { suite: 'residency', password: 12345678, input: { serviceUrl: SERVICE_URL } }, '/password'],
  ])('refuses %s (400 CHK_ERR_SECRET_REFUSED with the field, value never repeated)', async (_name, body, field) => {
    const res = await postRun(api.base, body, { accept: 'application/json' });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CHK_ERR_SECRET_REFUSED', field });
    expect(res.text).not.toContain(CANARY);
    expect(res.text).not.toContain('12345678');
  });

  it.each([
    ['empty and null secret-named fields (as az bot show prints them)', { suite: 'registration', input: { bot: bot({ developerAppInsightsApiKey: null, developerAppInsightKey: '', luisKey: null }) } }],
    ['names of identifiers, URLs and flags', { suite: 'registration', input: { bot: bot({ cmekKeyVaultUrl: 'https://vault.azure.net/keys/k', msaAppMSIResourceId: 'x', isTokenExchangeEnabled: true }) } }],
    ['a manifest with API-secret auth for a message extension (a registration id, not a secret)', { suite: 'manifest', input: { manifest: JSON.stringify({ manifestVersion: '1.17', composeExtensions: [{ authorization: { authType: 'apiSecretServiceAuth', apiSecretServiceAuthConfiguration: { apiSecretRegistrationId: '0a1b2c3d' } } }] }) } }],
  ])('accepts %s', async (_name, body) => {
    expect((await postRun(api.base, body, { accept: 'application/json' })).status).toBe(200);
  });

  it('walks a deeply nested document without exhausting the stack', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const res = await postRun(api.base, { suite: 'manifest', input: { manifest: deep } }, { accept: 'application/json' });
    expect(res.status).toBeLessThan(500);
  });
});
