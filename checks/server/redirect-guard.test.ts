/**
 * The redirect rule under the API's production policy (`allowPrivate: false`, what the API
 * passes into every run): a public-looking first hop that redirects inside is not followed.
 * A public target cannot exist here, so the first hop is let through with an injected
 * resolution (the guard's test hook) that calls the loopback test server "public"; every
 * redirect hop is resolved and classified afresh, and must be refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeRequest } from '../gather/net/request';
import type { Resolution } from '../gather/net/resolve';
import { handlers, startServer, type TestServer } from '../testing/servers';

let inside: TestServer;
const PRODUCTION = { allowPrivate: false } as const;

/** The test allowlist: this name "resolves" to the loopback server, classified public. */
function publicLookingResolution(host: string): Resolution {
  return { host, literal: false, addresses: [{ address: '127.0.0.1', family: 4, class: 'public' }], durationMs: 0 };
}

beforeAll(async () => {
  inside = await startServer({ handler: handlers.status(200, 'internal admin page') });
});
afterAll(async () => { await inside.close(); });

describe('redirects under the production policy', () => {
  const cases: Array<[string, (port: number) => string, string]> = [
    ['loopback literal', (port) => `http://127.0.0.1:${port}/admin`, 'loopback'],
    ['metadata address', () => 'http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['decimal loopback', (port) => `http://2130706433:${port}/admin`, 'loopback'],
    ['IPv6 loopback', (port) => `http://[::1]:${port}/admin`, 'loopback'],
    ['private 10/8', () => 'http://10.0.0.1/admin', 'private'],
    ['name resolving to loopback', (port) => `http://inside.example.test:${port}/admin`, 'loopback'],
  ];

  it.each(cases)('refuses a redirect to a %s', async (_name, location, cls) => {
    const first = await startServer({ handler: handlers.redirectTo(location(inside.port)) });
    try {
      const before = inside.requests.length;
      const res = await safeRequest(`http://bot.example.test:${first.port}/api/messages`, {
        ...PRODUCTION,
        method: 'POST',
        body: '{}',
        maxRedirects: 3,
        resolution: publicLookingResolution('bot.example.test'),
        lookup: async () => [{ address: '127.0.0.1', family: 4 }],
        timeouts: 3_000,
      });
      expect(res.status).toBe(302);
      expect(res.hops).toHaveLength(1);
      expect(res.redirect).toMatchObject({ followed: false, reason: 'refused', targetClass: cls });
      expect(res.redirect?.error?.code).toBe('CHK_ERR_ADDRESS_REFUSED');
      expect(res.redirect?.error?.message).toMatch(new RegExp(`a ${cls}|metadata`));
      expect(inside.requests.length).toBe(before); // the inside server was never contacted
    } finally {
      await first.close();
    }
  });

  it('control: the same redirect is followed when private targets are allowed (so the refusal above is the policy)', async () => {
    const first = await startServer({ handler: handlers.redirectTo(`http://127.0.0.1:${inside.port}/admin`) });
    try {
      const res = await safeRequest(`http://127.0.0.1:${first.port}/api/messages`, { allowPrivate: true, maxRedirects: 3, timeouts: 3_000 });
      expect(res.hops).toHaveLength(2);
      expect(res.status).toBe(200);
      expect(res.body).toBe('internal admin page');
    } finally {
      await first.close();
    }
  });

  it('never follows to the metadata address, even when private targets are allowed', async () => {
    const first = await startServer({ handler: handlers.redirectTo() });
    try {
      const res = await safeRequest(`http://127.0.0.1:${first.port}/api/messages`, { allowPrivate: true, maxRedirects: 3, timeouts: 3_000 });
      expect(res.redirect).toMatchObject({ followed: false, reason: 'refused', targetClass: 'metadata' });
    } finally {
      await first.close();
    }
  });
});
