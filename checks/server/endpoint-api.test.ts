/**
 * Endpoint runs through the API against real local bots (H2's test servers):
 * - development mode (private targets allowed) tells a secure bot from an open one;
 * - the engine alone: `allowPrivate: false` in the run is enough on its own. (A resolver that
 *   answers differently the second time: dns-once.test.ts, the API resolves each name once.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suites } from '../core/registry';
import { runChecks } from '../core/runner';
import type { Report } from '../core/types';
import { testPki } from '../testing/certs';
import { handlers, startServer, type TestServer } from '../testing/servers';
import { postRun, startApi, type RunningApi } from '../testing/api-server';

let secure: TestServer;
let open: TestServer;
let ca: string;

beforeAll(async () => {
  ca = (await testPki()).caPem;
  secure = await startServer({ tls: { kind: 'good' }, handler: handlers.secureBot });
  open = await startServer({ tls: { kind: 'good' }, handler: handlers.anonymousBot });
});
afterAll(async () => {
  await secure.close();
  await open.close();
});

function result(report: Report, id: string): Report['results'][number] {
  const r = report.results.find((x) => x.id === id);
  if (!r) throw new Error(`no ${id} in the report: ${report.results.map((x) => x.id).join(', ')}`);
  return r;
}

describe('development mode: local bots', () => {
  let api: RunningApi;
  beforeAll(async () => { api = await startApi({ mode: 'development', ca }); });
  afterAll(async () => { await api.close(); });

  it('passes auth-missing-token for a bot that rejects an unauthenticated activity', async () => {
    const res = await postRun(api.base, { suite: 'endpoint', input: { url: secure.url } }, { accept: 'application/json' });
    expect(res.status).toBe(200);
    const report = res.json() as Report;
    expect(result(report, 'auth-missing-token').status).toBe('pass');
    expect(result(report, 'tls-certificate-trust').status).toBe('pass');
    expect(report.notes?.join(' ')).toMatch(/Private and loopback targets were allowed/);
  });

  it('fails auth-missing-token for a bot that accepts anything, and streams it', async () => {
    const res = await postRun(api.base, { suite: 'endpoint', input: { url: open.url } });
    const lines = res.lines();
    const last = lines.at(-1);
    expect(last?.type).toBe('run-end');
    const report = (last as { report: Report }).report;
    expect(result(report, 'auth-missing-token').status).toBe('fail');
    const streamed = lines.find((l) => l.type === 'check-result' && l.result.id === 'auth-missing-token');
    expect(streamed).toBeDefined();
  });
});

describe('development mode: redirects', () => {
  it('reports a redirect to the metadata address and does not follow it', async () => {
    const api = await startApi({ mode: 'development', ca });
    const redirecting = await startServer({ tls: { kind: 'good' }, handler: handlers.redirectTo() });
    try {
      const res = await postRun(api.base, { suite: 'endpoint', input: { url: redirecting.url } }, { accept: 'application/json' });
      const auth = result(res.json() as Report, 'auth-missing-token');
      expect(auth.status).toBe('warn');
      expect(auth.message).toMatch(/redirect .*169\.254\.169\.254.*not followed/);
    } finally {
      await redirecting.close();
      await api.close();
    }
  });
});

describe('the engine alone: allowPrivate false is enough', () => {
  it('refuses localhost in runChecks without the API in front, contacting nothing', async () => {
    const before = secure.requests.length;
    const report = await runChecks({ suite: suites.endpoint, input: { url: secure.url }, allowPrivate: false, ca });
    expect(result(report, 'endpoint-dns')).toMatchObject({ status: 'fail' });
    expect(result(report, 'endpoint-dns').message).toMatch(/localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    expect(report.results.filter((r) => r.status === 'pass').map((r) => r.id)).toEqual(['endpoint-https']);
    expect(secure.requests.length).toBe(before);
  });
});
