/**
 * Scale-out on real processes, all on loopback: a real redis-server, two `botflow serve`
 * replicas sharing their per-client limits through it (BOTFLOW_REDIS_URL), and nginx in front
 * with the sample configuration of README.md. One client spread across both replicas gets one
 * budget; killing Redis mid-run fails open to per-replica limits with one warning, as the
 * README documents, and the shared limits come back with Redis. Every process is stopped in
 * afterAll, also when a test fails.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestJson } from '../testing/azure-mocks/files';
import type { HealthResponse } from './protocol';
import { heldSuite, postRun, startApi } from '../testing/api-server';
import { freePort, ProcessSet, startNginx, startRedis, startServe, type Managed } from './test-processes';

const MANIFEST = JSON.stringify(manifestJson('11111111-2222-3333-4444-555555555555'));
const RUN = { suite: 'manifest', input: { manifest: MANIFEST } };

const set = new ProcessSet();
let dir: string;
let redis: Managed & { port: number; url: string };
let replicas: Array<Managed & { port: number; base: string }>;
let lb: Managed & { base: string };

async function health(base: string): Promise<HealthResponse> {
  return (await fetch(`${base}/api/health`)).json() as Promise<HealthResponse>;
}

interface LogLine { level: number; msg: string; route?: string; statusCode?: number }
const logLines = (m: Managed): LogLine[] => m.stdoutLines().map((l) => JSON.parse(l) as LogLine);
const runStatuses = (m: Managed, from = 0): number[] => logLines(m).slice(from).filter((l) => l.msg === 'request' && l.route === '/api/runs').map((l) => l.statusCode ?? 0);

async function runThroughLb(n: number, forge: boolean): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const headers = forge ? { 'x-forwarded-for': `198.51.100.${i % 250}` } : undefined;
    statuses.push((await postRun(lb.base, RUN, { accept: 'application/json', ...(headers ? { headers } : {}) })).status);
  }
  return statuses;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'botflow-replicas-'));
  try {
    redis = await startRedis(set, join(dir, 'redis'));
    const site = join(dir, 'site');
    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Teams Bot Flow</title><p>home</p>');
    const env = { BOTFLOW_REDIS_URL: redis.url };
    replicas = await Promise.all([0, 1].map(() => startServe(set, ['--site', site, '--trust-proxy', '1'], env)));
    lb = await startNginx(set, join(dir, 'nginx'), replicas.map((r) => r.port));
    const t0 = Date.now();
    while ((await Promise.all(replicas.map((r) => health(r.base)))).some((h) => h.limits !== 'redis')) {
      if (Date.now() - t0 > 10_000) throw new Error('the replicas did not connect to Redis');
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    await set.stopAll();
    throw err;
  }
}, 120_000);

afterAll(async () => {
  await set.stopAll();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('two replicas behind nginx, limits in Redis', () => {
  it('serves the site and the API through the load balancer with the security headers', async () => {
    const page = await fetch(`${lb.base}/`);
    expect(await page.text()).toContain('home');
    const h = await fetch(`${lb.base}/api/health`);
    expect(h.headers.get('x-content-type-options')).toBe('nosniff');
    expect(((await h.json()) as HealthResponse).limits).toBe('redis');
  });

  it('one client spread across both replicas hits the shared limit exactly (forged X-Forwarded-For included)', async () => {
    const before = replicas.map((r) => runStatuses(r).length);
    const statuses = await runThroughLb(64, true);
    expect(statuses.slice(0, 60)).toEqual(Array<number>(60).fill(200));
    expect(statuses.slice(60)).toEqual([429, 429, 429, 429]);
    // Each replica logs a request after answering it: wait until every answer is in the logs.
    await expect.poll(() => replicas.reduce((n, r, i) => n + runStatuses(r).length - before[i]!, 0), { timeout: 5_000 }).toBe(64);
    const served = replicas.map((r, i) => runStatuses(r, 0).slice(before[i]));
    // nginx spread them: both replicas answered, and together they let exactly 60 through.
    expect(served.every((s) => s.length >= 20)).toBe(true);
    expect(served.flat().filter((s) => s === 200)).toHaveLength(60);
  }, 60_000);
});

describe('per-client runs in flight, shared through Redis', () => {
  it('counts a client\'s runs on two servers against one cap', async () => {
    const held = heldSuite('manifest');
    const options = { mode: 'production' as const, redisUrl: redis.url, maxRunsPerClient: 2, maxConcurrentRuns: 8, suites: { manifest: held.suite } };
    const [a, b] = await Promise.all([startApi(options), startApi(options)]);
    try {
      await expect.poll(async () => [(await health(a!.base)).limits, (await health(b!.base)).limits], { timeout: 5_000 }).toEqual(['redis', 'redis']);
      const body = { suite: 'manifest', input: { manifest: '{}' } };
      const first = postRun(a!.base, body, { accept: 'application/json' });
      const second = postRun(b!.base, body, { accept: 'application/json' });
      await expect.poll(() => held.started(), { timeout: 5_000 }).toBe(2);
      const third = await postRun(a!.base, body, { accept: 'application/json' });
      expect(third.status).toBe(429);
      expect((third.json() as { message: string }).message).toMatch(/already have 2 checks running/);
      held.release();
      expect([(await first).status, (await second).status]).toEqual([200, 200]);
      // Released on both: the client can start runs again.
      expect((await postRun(b!.base, body, { accept: 'application/json' })).status).toBe(200);
    } finally {
      held.release();
      await Promise.all([a!.close(), b!.close()]);
    }
  }, 30_000);

  it('with Redis unreachable from the start, a server still answers and counts in memory', async () => {
    const api = await startApi({ mode: 'production', redisUrl: `redis://127.0.0.1:${await freePort()}`, rateLimit: { max: 2, timeWindowMs: 60_000 } });
    try {
      await expect.poll(async () => (await health(api.base)).limits, { timeout: 5_000 }).toBe('memory-fallback');
      const res = [await postRun(api.base, RUN, { accept: 'application/json' }), await postRun(api.base, RUN, { accept: 'application/json' }), await postRun(api.base, RUN, { accept: 'application/json' })];
      expect(res.map((r) => r.status)).toEqual([200, 200, 429]);
      const warnings = api.logs.lines.map((l) => JSON.parse(l) as LogLine).filter((l) => l.level === 40 && /Redis is unreachable/.test(l.msg));
      expect(warnings).toHaveLength(1);
    } finally {
      await api.close();
    }
  }, 30_000);
});

describe('when Redis dies mid-run', () => {
  it('keeps serving, warns once per replica, falls back to per-replica limits, and shares them again once Redis is back', async () => {
    const marks = replicas.map((r) => logLines(r).length);
    // Requests in flight while Redis is killed all get answers (no 5xx).
    const inFlight = Array.from({ length: 20 }, () => fetch(`${lb.base}/api/health`).then((r) => r.status));
    await redis.stop('SIGKILL');
    expect((await Promise.all(inFlight)).every((s) => s === 200)).toBe(true);
    await expect.poll(async () => (await Promise.all(replicas.map((r) => health(r.base)))).map((h) => h.limits), { timeout: 10_000 }).toEqual(['memory-fallback', 'memory-fallback']);
    // Reconnection attempts go on (every 2 s at most) without repeating the warning.
    await new Promise((r) => setTimeout(r, 2_500));
    for (const [i, r] of replicas.entries()) {
      const warnings = logLines(r).slice(marks[i]).filter((l) => l.level === 40 && /Redis is unreachable.*fail-open to local limits/.test(l.msg));
      expect(warnings).toHaveLength(1);
    }

    // Per-replica budgets now: each replica lets 60 runs through, then refuses.
    const runMarks = replicas.map((r) => runStatuses(r).length);
    const statuses = await runThroughLb(130, false);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    await expect.poll(() => replicas.reduce((n, r, i) => n + runStatuses(r).length - runMarks[i]!, 0), { timeout: 5_000 }).toBe(130);
    for (const [i, r] of replicas.entries()) {
      const seen = runStatuses(r).slice(runMarks[i]);
      const allowed = Math.min(seen.length, 60);
      expect(seen.slice(0, allowed).every((s) => s === 200)).toBe(true);
      expect(seen.slice(allowed).every((s) => s === 429)).toBe(true);
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(120);

    // Redis back on the same port: both replicas reconnect and share the limits again.
    redis = await startRedis(set, join(dir, 'redis'), redis.port);
    await expect.poll(async () => (await Promise.all(replicas.map((r) => health(r.base)))).map((h) => h.limits), { timeout: 15_000 }).toEqual(['redis', 'redis']);
    for (const r of replicas) expect(logLines(r).some((l) => /Redis answers again/.test(l.msg))).toBe(true);
    expect((await postRun(lb.base, RUN, { accept: 'application/json' })).status).toBe(200);
  }, 90_000);
});
