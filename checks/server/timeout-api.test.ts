/**
 * The endpoint input's `timeout` is the CLI's --timeout: the cap on each network step of a
 * probe, with the same bounds and the same message (checks/core/run-params.ts), within this
 * server's own per-run budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../core/types';
import { phaseTimeoutMessage } from '../core/run-params';
import { testPki } from '../testing/certs';
import { handlers, startServer, type TestServer } from '../testing/servers';
import { postRun, startApi, type RunningApi } from '../testing/api-server';

let slow: TestServer;
let api: RunningApi;
beforeAll(async () => {
  const ca = (await testPki()).caPem;
  slow = await startServer({ tls: { kind: 'good' }, handler: handlers.slowInSteps(600) });
  api = await startApi({ mode: 'development', ca });
});
afterAll(async () => {
  await api?.close();
  await slow?.close();
});

describe('POST /api/runs endpoint input: timeout', () => {
  it('caps each step, not the probe: a bot answering in two 600 ms steps passes with timeout 1000', async () => {
    const res = await postRun(api.base, { suite: 'endpoint', input: { url: slow.url, timeout: 1000 } }, { accept: 'application/json' });
    expect(res.status).toBe(200);
    const report = res.json() as Report;
    expect(report.results.find((r) => r.id === 'auth-missing-token')?.status).toBe('pass');
  });

  it('a step slower than the cap fails with the phase named, as in the CLI', async () => {
    const res = await postRun(api.base, { suite: 'endpoint', input: { url: slow.url, timeout: 300 } }, { accept: 'application/json' });
    const reachable = (res.json() as Report).results.find((r) => r.id === 'endpoint-reachable');
    expect(reachable?.status).toBe('fail');
    expect(JSON.stringify(reachable?.evidence)).toContain('"timeoutMs":300');
  });

  it.each([[49], [120_001], [1.5], ['5000'], [null]])('refuses %j with 400 on /input/timeout and the CLI\'s bounds, without echoing it', async (timeout) => {
    const res = await postRun(api.base, { suite: 'endpoint', input: { url: slow.url, timeout } }, { accept: 'application/json' });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CHK_ERR_INVALID_INPUT', field: '/input/timeout', message: phaseTimeoutMessage('/input/timeout') });
    expect(res.text).not.toContain('120001');
  });
});
