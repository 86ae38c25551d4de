import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../checks/core/types';
import { startApi, type RunningApi } from '../../checks/testing/api-server';
import { ApiRunError, checkApiHealth, streamRun } from './check-api';

/**
 * The widgets' client against the real API (H7's fastify app on loopback) and against a plain
 * static server without one.
 */
let api: RunningApi;
let staticServer: Server;
let staticBase: string;

beforeAll(async () => {
  api = await startApi({ mode: 'production' });
  staticServer = createServer((req, res) => {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>Not found</title>');
  });
  await new Promise<void>((resolve) => staticServer.listen(0, '127.0.0.1', resolve));
  staticBase = `http://127.0.0.1:${(staticServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await api?.close();
  await new Promise<void>((resolve) => staticServer?.close(() => resolve()));
});

describe('checkApiHealth', () => {
  it('finds the API', async () => {
    const result = await checkApiHealth(fetch, api.base);
    expect(result.available).toBe(true);
    if (result.available) {
      expect(result.health.mode).toBe('production');
      expect(result.health.suites).toContain('endpoint');
    }
  });

  it('says there is no API on a static host, and when nothing listens', async () => {
    const onStatic = await checkApiHealth(fetch, staticBase);
    expect(onStatic).toEqual({ available: false, reason: expect.stringMatching(/HTTP 404: this site is served without the check API/) });
    const closed = await checkApiHealth(fetch, 'http://127.0.0.1:9');
    expect(closed.available).toBe(false);
  });
});

describe('streamRun', () => {
  it('streams the events of a residency run and returns its report', async () => {
    const events: RunEvent[] = [];
    const report = await streamRun(fetch, { suite: 'residency', input: { serviceUrl: 'https://smba.trafficmanager.net/emea/' } }, {
      base: api.base,
      onEvent: (e) => events.push(e),
    });
    expect(events[0]?.type).toBe('run-start');
    expect(events.at(-1)).toEqual({ type: 'run-end', report });
    expect(events.some((e) => e.type === 'check-result' && e.result.id === 'residency-service-url')).toBe(true);
    expect(report.results.find((r) => r.id === 'residency-service-url')?.evidence).toMatchObject({ cloud: 'public', region: 'emea' });
  });

  it('turns a refusal into ApiRunError with the field at fault', async () => {
    const err = await streamRun(fetch, { suite: 'endpoint', input: { url: 'https://127.0.0.1/api/messages' } }, { base: api.base })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiRunError);
    expect((err as ApiRunError).status).toBe(400);
    expect((err as ApiRunError).code).toBe('CHK_ERR_ADDRESS_REFUSED');
    expect((err as ApiRunError).field).toBe('/input/url');
    expect((err as ApiRunError).message.length).toBeGreaterThan(10);
  });

  it('gives an HTTP error that is not the API\'s its own code', async () => {
    const err = await streamRun(fetch, { suite: 'residency', input: { serviceUrl: 'x' } }, { base: staticBase }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 404, code: 'CHK_ERR_API_HTTP_ERROR' });
  });

  it('reports a network failure and an abort in words', async () => {
    const down = await streamRun(fetch, { suite: 'residency', input: { serviceUrl: 'x' } }, { base: 'http://127.0.0.1:9' }).catch((e: unknown) => e);
    expect((down as ApiRunError).code).toBe('CHK_ERR_API_UNREACHABLE');
    const controller = new AbortController();
    controller.abort(new Error('stopped by you'));
    const stopped = await streamRun(fetch, { suite: 'residency', input: { serviceUrl: 'x' } }, { base: api.base, signal: controller.signal }).catch((e: unknown) => e);
    expect((stopped as ApiRunError).code).toBe('CHK_ERR_ABORTED');
    expect((stopped as ApiRunError).message).toMatch(/stopped by you/);
  });
});
