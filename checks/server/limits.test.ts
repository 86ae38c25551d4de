/**
 * Per-client rate limit (429) and the cap on concurrent runs (503 + Retry-After), on a real
 * server. Held runs come from a fixture suite whose evidence waits for the test.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ApiErrorBody } from './errors';
import { ClientRunSlots, RunSlots } from './run-slots';
import { call, heldSuite, postRun, startApi } from '../testing/api-server';

const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';

describe('rate limit', () => {
  it('answers 429 with Retry-After once a client exceeds its budget', async () => {
    const api = await startApi({ mode: 'production', rateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        statuses.push((await postRun(api.base, { suite: 'residency', input: { serviceUrl: SERVICE_URL } }, { accept: 'application/json' })).status);
      }
      expect(statuses).toEqual([200, 200, 200]);
      const limited = await postRun(api.base, { suite: 'residency', input: { serviceUrl: SERVICE_URL } }, { accept: 'application/json' });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = limited.json() as ApiErrorBody;
      expect(body.code).toBe('CHK_ERR_RATE_LIMITED');
      expect(body.message).toMatch(/Too many requests/);
      expect(limited.headers.get('x-content-type-options')).toBe('nosniff');
      // Health has its own, ten times larger budget (every widget asks it on load).
      const health: number[] = [];
      for (let i = 0; i < 31; i += 1) health.push((await call(api.base, '/api/health')).status);
      expect(health.slice(0, 30).every((s) => s === 200)).toBe(true);
      expect(health[30]).toBe(429);
    } finally {
      await api.close();
    }
  });

  it('counts per client address (X-Forwarded-For only behind a trusted proxy)', async () => {
    const api = await startApi({ mode: 'production', rateLimit: { max: 1, timeWindowMs: 60_000 }, trustProxy: ['127.0.0.1'] });
    try {
      const asClient = (ip: string): Promise<number> => postRun(api.base, { suite: 'residency', input: { serviceUrl: SERVICE_URL } }, { headers: { 'x-forwarded-for': ip }, accept: 'application/json' }).then((r) => r.status);
      expect(await asClient('203.0.113.1')).toBe(200);
      expect(await asClient('203.0.113.1')).toBe(429);
      expect(await asClient('203.0.113.2')).toBe(200);
    } finally {
      await api.close();
    }
  });
});

describe('concurrency cap', () => {
  it('answers 503 with Retry-After beyond the cap, and takes runs again once slots free up', async () => {
    const held = heldSuite('manifest');
    const api = await startApi({ mode: 'production', maxConcurrentRuns: 2, maxRunsPerClient: 3, retryAfterSeconds: 7, suites: { manifest: held.suite } });
    try {
      const body = { suite: 'manifest', input: { manifest: '{}' } };
      const first = postRun(api.base, body, { accept: 'application/json' });
      const second = postRun(api.base, body, { accept: 'application/json' });
      await expect.poll(() => held.started(), { timeout: 5_000 }).toBe(2);
      const third = await postRun(api.base, body, { accept: 'application/json' });
      expect(third.status).toBe(503);
      expect(third.headers.get('retry-after')).toBe('7');
      const err = third.json() as ApiErrorBody;
      expect(err.code).toBe('CHK_ERR_BUSY');
      expect(err.message).toMatch(/running 2 checks already.*Try again in 7 s/);
      expect(held.started()).toBe(2); // the refused run never started
      // Cheap requests are not held up by the cap.
      expect((await call(api.base, '/api/health')).status).toBe(200);
      held.release();
      expect((await first).status).toBe(200);
      expect((await second).status).toBe(200);
      const again = await postRun(api.base, body, { accept: 'application/json' });
      expect(again.status).toBe(200);
    } finally {
      held.release();
      await api.close();
    }
  });

  it('caps runs per client (429) so one client cannot take every slot', async () => {
    const held = heldSuite('manifest');
    const api = await startApi({ mode: 'production', maxConcurrentRuns: 4, maxRunsPerClient: 2, trustProxy: 1, suites: { manifest: held.suite } });
    try {
      const body = { suite: 'manifest', input: { manifest: '{}' } };
      const as = (ip: string): Promise<{ status: number; headers: Headers; json(): unknown }> => postRun(api.base, body, { accept: 'application/json', headers: { 'x-forwarded-for': ip } });
      const a1 = as('203.0.113.7');
      const a2 = as('203.0.113.7');
      await expect.poll(() => held.started(), { timeout: 5_000 }).toBe(2);
      const a3 = await as('203.0.113.7');
      expect(a3.status).toBe(429);
      expect(a3.headers.get('retry-after')).toBeTruthy();
      expect((a3.json() as ApiErrorBody).message).toMatch(/already have 2 checks running/);
      // Another client still gets a slot.
      const b1 = as('203.0.113.8');
      await expect.poll(() => held.started(), { timeout: 5_000 }).toBe(3);
      held.release();
      expect((await a1).status).toBe(200);
      expect((await a2).status).toBe(200);
      expect((await b1).status).toBe(200);
      expect((await as('203.0.113.7')).status).toBe(200); // slots come back
    } finally {
      held.release();
      await api.close();
    }
  });

  it('a refused (400) request does not take a slot', async () => {
    const held = heldSuite('manifest');
    const api = await startApi({ mode: 'production', maxConcurrentRuns: 1, suites: { manifest: held.suite } });
    try {
      for (let i = 0; i < 3; i += 1) {
        expect((await postRun(api.base, { suite: 'endpoint', input: { url: 'https://10.0.0.1/' } })).status).toBe(400);
      }
      held.release();
      expect((await postRun(api.base, { suite: 'manifest', input: { manifest: '{}' } }, { accept: 'application/json' })).status).toBe(200);
    } finally {
      held.release();
      await api.close();
    }
  });
});

describe('slow senders', () => {
  it('cuts off a client that never finishes its request body (408, connection closed)', async () => {
    const api = await startApi({ mode: 'production', requestTimeoutMs: 800 });
    try {
      const { port } = new URL(api.base);
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      const t0 = performance.now();
      socket.write('POST /api/runs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"suite":');
      let answer = '';
      socket.on('data', (d: Buffer) => { answer += d.toString(); });
      await new Promise<void>((resolve) => socket.once('close', () => resolve()));
      expect(performance.now() - t0).toBeLessThan(5_000);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await api.close();
    }
  });

  it('does not cut off a run that lasts longer than the request limit', async () => {
    const held = heldSuite('manifest');
    const api = await startApi({ mode: 'production', requestTimeoutMs: 800, suites: { manifest: held.suite } });
    try {
      const pending = postRun(api.base, { suite: 'manifest', input: { manifest: '{}' } });
      await new Promise((r) => setTimeout(r, 2_200));
      held.release();
      const res = await pending;
      expect(res.status).toBe(200);
      expect(res.lines().at(-1)?.type).toBe('run-end');
    } finally {
      held.release();
      await api.close();
    }
  });
});

describe('RunSlots', () => {
  it('hands out at most max slots and releases each once', () => {
    const slots = new RunSlots(2);
    const a = slots.tryAcquire();
    const b = slots.tryAcquire();
    expect(a && b).toBeTruthy();
    expect(slots.tryAcquire()).toBeUndefined();
    a!();
    a!();
    expect(slots.active).toBe(1);
    expect(slots.tryAcquire()).toBeDefined();
    expect(() => new RunSlots(0)).toThrow(RangeError);
  });

  it('counts per client and forgets a client with nothing running', () => {
    const slots = new ClientRunSlots(1);
    const a = slots.tryAcquire('a');
    expect(slots.tryAcquire('a')).toBeUndefined();
    expect(slots.tryAcquire('b')).toBeDefined();
    a!();
    a!();
    expect(slots.activeFor('a')).toBe(0);
    expect(slots.tryAcquire('a')).toBeDefined();
  });
});
