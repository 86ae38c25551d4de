/**
 * POST /api/runs and GET /api/health on a real server: stream shape, the JSON answer, and
 * every way a request can be wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../core/version';
import type { Report } from '../core/types';
import type { ApiErrorBody } from './errors';
import { readRunStream, type HealthResponse, type StreamLine } from './protocol';
import { call, heldSuite, postRun, startApi, type RunningApi } from '../testing/api-server';

const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const BOT = JSON.stringify({
  id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.BotService/botServices/contoso-bot',
  name: 'contoso-bot',
  type: 'Microsoft.BotService/botServices',
  location: 'global',
  kind: 'azurebot',
  properties: {
    msaAppId: '11111111-2222-3333-4444-555555555555',
    msaAppType: 'SingleTenant',
    msaAppTenantId: '66666666-7777-8888-9999-000000000000',
    endpoint: 'https://bot.contoso.com/api/messages',
    publicNetworkAccess: 'Enabled',
    enabledChannels: ['msteams', 'webchat', 'directline'],
  },
});

let api: RunningApi;
beforeAll(async () => { api = await startApi({ mode: 'production' }); });
afterAll(async () => { await api.close(); });

describe('GET /api/health', () => {
  it('says ok with the tool version and the mode', async () => {
    const res = await call(api.base, '/api/health');
    expect(res.status).toBe(200);
    const body = res.json() as HealthResponse;
    expect(body).toMatchObject({ status: 'ok', version: TOOL_VERSION, mode: 'production', allowPrivate: false });
    expect(body.suites).not.toContain('egress');
  });
});

describe('POST /api/runs: answers', () => {
  it('streams ndjson events with the report as the last line', async () => {
    const res = await postRun(api.base, { suite: 'residency', input: { serviceUrl: SERVICE_URL } }, { accept: 'application/x-ndjson' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    expect(res.text.endsWith('\n')).toBe(true);
    const lines = res.lines();
    expect(lines[0]).toMatchObject({ type: 'run-start', suite: 'residency' });
    const types = lines.map((l) => l.type);
    expect(types).toContain('gather-start');
    expect(types).toContain('gather-end');
    expect(types).toContain('check-result');
    expect(types.filter((t) => t === 'run-end')).toHaveLength(1);
    const last = lines[lines.length - 1] as Extract<StreamLine, { type: 'run-end' }>;
    expect(last.type).toBe('run-end');
    expect(last.report).toMatchObject({ schemaVersion: 1, suite: 'residency', tool: { name: 'botflow', version: TOOL_VERSION } });
    const streamed = lines.filter((l): l is Extract<StreamLine, { type: 'check-result' }> => l.type === 'check-result').map((l) => l.result.id);
    expect(streamed.sort()).toEqual(last.report.results.map((r) => r.id).sort());
    expect(last.report.results.map((r) => r.id)).toContain('residency-service-url');
  });

  it('delivers lines as they happen, readable with readRunStream', async () => {
    const held = heldSuite('manifest');
    const slow = await startApi({ mode: 'production', suites: { manifest: held.suite } });
    try {
      const res = await fetch(`${slow.base}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ suite: 'manifest', input: { manifest: '{}' } }) });
      const seen: string[] = [];
      const done = readRunStream(res.body!, (line) => {
        seen.push(line.type);
        if (line.type === 'gather-start') held.release(); // the client saw progress before the run ended
      });
      const report = await done;
      expect(seen[0]).toBe('run-start');
      expect(seen).toContain('gather-start');
      expect(seen.at(-1)).toBe('run-end');
      expect(report.results[0]).toMatchObject({ id: 'held-check', status: 'pass' });
    } finally {
      held.release();
      await slow.close();
    }
  });

  it('streams ndjson when the client sends no Accept preference', async () => {
    const res = await postRun(api.base, { suite: 'residency', input: { serviceUrl: SERVICE_URL } }, { accept: '*/*' });
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(res.lines().at(-1)?.type).toBe('run-end');
  });

  it('returns the Report alone for Accept: application/json', async () => {
    const res = await postRun(api.base, { suite: 'residency', input: { serviceUrl: SERVICE_URL } }, { accept: 'application/json' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const report = res.json() as Report;
    expect(report.schemaVersion).toBe(1);
    expect(report.suite).toBe('residency');
    expect(report.results.find((r) => r.id === 'residency-service-url')?.status).toBe('info');
    expect(report.counts.info).toBeGreaterThan(0);
  });

  it('runs the registration suite on JSON documents', async () => {
    const res = await postRun(api.base, { suite: 'registration', input: { bot: BOT } }, { accept: 'application/json' });
    expect(res.status).toBe(200);
    const report = res.json() as Report;
    expect(report.suite).toBe('registration');
    expect(report.results.find((r) => r.id === 'registration-app-type')?.status).toBe('pass');
    expect(report.results.find((r) => r.id === 'registration-public-access')?.status).toBe('pass');
    expect(JSON.stringify(report.target)).not.toContain('msaAppTenantId');
  });

  it('accepts a registration document as a JSON object as well as text', async () => {
    const res = await postRun(api.base, { suite: 'registration', input: { bot: JSON.parse(BOT) as object } }, { accept: 'application/json' });
    expect(res.status).toBe(200);
    expect((res.json() as Report).results.find((r) => r.id === 'registration-app-type')?.status).toBe('pass');
  });

  it('runs the manifest suite on manifest text', async () => {
    const manifest = JSON.stringify({ manifestVersion: '1.17', id: '11111111-2222-3333-4444-555555555555', bots: [{ botId: '11111111-2222-3333-4444-555555555555', scopes: ['personal'] }] });
    const res = await postRun(api.base, { suite: 'manifest', input: { manifest } }, { accept: 'application/json' });
    expect(res.status).toBe(200);
    const report = res.json() as Report;
    expect(report.suite).toBe('manifest');
    expect(report.results.find((r) => r.id === 'manifest-json')?.status).toBe('pass');
    expect(report.results.find((r) => r.id === 'manifest-bot-id')?.status).toBe('pass');
  });

  it('reports a broken manifest with its position', async () => {
    const res = await postRun(api.base, { suite: 'manifest', input: { manifest: '{\n  "manifestVersion": "1.17",\n  "bots": [\n}' } }, { accept: 'application/json' });
    expect(res.status).toBe(200);
    const result = (res.json() as Report).results.find((r) => r.id === 'manifest-json');
    expect(result?.status).toBe('fail');
    expect(JSON.stringify(result)).toMatch(/"line":\s*4/);
  });

  it('turns a malformed document inside the input into an error result, not a failed request', async () => {
    const res = await postRun(api.base, { suite: 'registration', input: { bot: '{"properties": ' } }, { accept: 'application/json' });
    expect(res.status).toBe(200);
    const report = res.json() as Report;
    expect(report.results.every((r) => r.status === 'error' || r.status === 'skip')).toBe(true);
    expect(report.results.some((r) => r.error?.code === 'CHK_ERR_INVALID_INPUT')).toBe(true);
  });
});

describe('POST /api/runs: refusals', () => {
  const expectError = (res: { status: number; json(): unknown; text: string }, status: number, code: string, field?: string): ApiErrorBody => {
    expect(res.status).toBe(status);
    const body = res.json() as ApiErrorBody;
    expect(body.code).toBe(code);
    if (field !== undefined) expect(body.field).toBe(field);
    expect(body.message.length).toBeGreaterThan(10);
    expect(res.text).not.toMatch(/\n\s+at /); // no stack
    return body;
  };

  it('malformed JSON -> 400 without echoing the body', async () => {
    const res = await postRun(api.base, '{"suite": "residency", "input": {"serviceUrl": CANARY-x91');
    const body = expectError(res, 400, 'CHK_ERR_MALFORMED_JSON');
    expect(body.message).toMatch(/not valid JSON/);
    expect(res.text).not.toContain('CANARY');
  });

  it('prototype poisoning (__proto__ / constructor.prototype) -> 400', async () => {
    const proto = await postRun(api.base, '{"suite":"residency","input":{"serviceUrl":"https://smba.trafficmanager.net/emea/","__proto__":{"polluted":true}}}');
    expect(proto.status).toBe(400);
    expect((proto.json() as ApiErrorBody).message).toMatch(/__proto__/);
    const ctor = await postRun(api.base, '{"suite":"residency","input":{"constructor":{"prototype":{"polluted":true}}}}');
    expect(ctor.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('deeply nested documents are handled, not crashed on', async () => {
    const deep = `{"suite":"registration","input":{"bot":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}}`;
    const res = await postRun(api.base, deep, { accept: 'application/json' });
    expect([200, 400]).toContain(res.status);
    expect((await call(api.base, '/api/health')).status).toBe(200);
  });

  it('empty body -> 400', async () => {
    expectError(await postRun(api.base, ''), 400, 'CHK_ERR_MALFORMED_JSON');
  });

  it('oversized body -> 413', async () => {
    const res = await postRun(api.base, { suite: 'manifest', input: { manifest: 'x'.repeat(300 * 1024) } });
    expectError(res, 413, 'CHK_ERR_TOO_LARGE');
  });

  it('a document over its own size limit -> 400 with the field', async () => {
    const small = await startApi({ mode: 'production', bodyLimitBytes: 1024 * 1024 });
    try {
      const res = await postRun(small.base, { suite: 'manifest', input: { manifest: 'x'.repeat(250_000) } });
      expectError(res, 400, 'CHK_ERR_INVALID_INPUT', '/input/manifest');
    } finally {
      await small.close();
    }
  });

  it('not JSON -> 415', async () => {
    const res = await call(api.base, '/api/runs', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'suite=endpoint' });
    expectError(res, 415, 'CHK_ERR_UNSUPPORTED_MEDIA_TYPE');
  });

  it('unknown suite -> 400 with the field path', async () => {
    const body = expectError(await postRun(api.base, { suite: 'dns', input: {} }), 400, 'CHK_ERR_INVALID_INPUT', '/suite');
    expect(body.message).toMatch(/endpoint, manifest, registration, residency/);
  });

  it('egress -> 400 saying it is CLI-only', async () => {
    const body = expectError(await postRun(api.base, { suite: 'egress', input: {} }), 400, 'CHK_ERR_CLI_ONLY', '/suite');
    expect(body.message).toMatch(/only from the CLI.*botflow egress/);
  });

  it('missing input -> 400 /input', async () => {
    expectError(await postRun(api.base, { suite: 'residency' }), 400, 'CHK_ERR_INVALID_INPUT', '/input');
  });

  it('missing required field -> 400 with its path', async () => {
    const body = expectError(await postRun(api.base, { suite: 'endpoint', input: {} }), 400, 'CHK_ERR_INVALID_INPUT', '/input/url');
    expect(body.message).toMatch(/required/);
  });

  it('unknown field -> 400 naming it and what is accepted', async () => {
    const body = expectError(await postRun(api.base, { suite: 'residency', input: { serviceUrl: SERVICE_URL, region: 'emea' } }), 400, 'CHK_ERR_INVALID_INPUT', '/input/region');
    expect(body.message).toMatch(/residency accepts serviceUrl/);
  });

  it('unknown envelope field -> 400', async () => {
    expectError(await postRun(api.base, { suite: 'residency', input: { serviceUrl: SERVICE_URL }, extra: 1 }), 400, 'CHK_ERR_INVALID_INPUT', '/extra');
  });

  it('wrong type -> 400 with its path', async () => {
    expectError(await postRun(api.base, { suite: 'residency', input: { serviceUrl: 42 } }), 400, 'CHK_ERR_INVALID_INPUT', '/input/serviceUrl');
  });

  it('app id that is not a GUID -> 400', async () => {
    const body = expectError(await postRun(api.base, { suite: 'endpoint', input: { url: 'https://52.1.2.3/api/messages', appId: 'not-a-guid' } }), 400, 'CHK_ERR_INVALID_INPUT', '/input/appId');
    expect(body.message).toMatch(/GUID/);
  });

  it.each(['password', 'appSecret', 'token', 'clientSecret', 'accessToken'])('a field named %s -> 400, secrets are never accepted', async (name) => {
    const body = expectError(await postRun(api.base, { suite: 'endpoint', input: { url: 'https://52.1.2.3/api/messages', [name]: 'CANARY-s3cr3t' } }), 400, 'CHK_ERR_SECRET_REFUSED', `/input/${name}`);
    expect(body.message).toMatch(/accepts no secrets/);
  });

  it('unknown API path -> 404 JSON', async () => {
    expectError(await call(api.base, '/api/nothing'), 404, 'CHK_ERR_NOT_FOUND');
  });
});

describe('POST /api/runs: deadline and disconnects', () => {
  it('ends a run at its deadline with error results, in time', async () => {
    const held = heldSuite('manifest');
    const slow = await startApi({ mode: 'production', runDeadlineMs: 300, suites: { manifest: held.suite } });
    try {
      const t0 = performance.now();
      const res = await postRun(slow.base, { suite: 'manifest', input: { manifest: '{}' } }, { accept: 'application/json' });
      const ms = performance.now() - t0;
      expect(res.status).toBe(200);
      const report = res.json() as Report;
      expect(report.results[0]).toMatchObject({ id: 'held-check', status: 'error', error: { code: 'CHK_ERR_DEADLINE' } });
      expect(ms).toBeLessThan(3_000);
    } finally {
      held.release();
      await slow.close();
    }
  });

  it('aborts the run and frees its slot when the client goes away mid-stream', async () => {
    const held = heldSuite('manifest');
    const slow = await startApi({ mode: 'production', maxConcurrentRuns: 1, suites: { manifest: held.suite } });
    try {
      const controller = new AbortController();
      const res = await fetch(`${slow.base}/api/runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ suite: 'manifest', input: { manifest: '{}' } }),
        signal: controller.signal,
      });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      await reader.read(); // the run-start line
      controller.abort();
      await expect.poll(() => held.aborted(), { timeout: 3_000 }).toBe(1);
      held.release();
      const next = await postRun(slow.base, { suite: 'manifest', input: { manifest: '{}' } }, { accept: 'application/json' });
      expect(next.status).toBe(200);
    } finally {
      held.release();
      await slow.close();
    }
  });
});
