/**
 * The API scaled out, all on loopback, in one run: throughput and p99 latency of GET
 * /api/health and of a manifest run (POST /api/runs) through
 * - one replica, limits in memory (the single-server default), straight to it;
 * - one replica behind nginx with the limits in Redis (the cost of the proxy and the store);
 * - two replicas behind nginx with the limits in Redis (the README's sample deployment).
 * Replicas are separate processes with the production settings except a per-client budget
 * large enough that the bench measures the server, not the 429s (every request still goes
 * through the rate limiter and, with Redis, its store). autocannon: 10 connections, 3 s each.
 * The machine has 2 cores shared by autocannon, nginx, Redis and the replicas: a second
 * replica can only add what the cores have left.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestJson } from '../checks/testing/azure-mocks/files';
import { ProcessSet, startNginx, startRedis, type Managed } from '../checks/server/test-processes';
import type { BenchResult } from './types';

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const MANIFEST = JSON.stringify(manifestJson('11111111-2222-3333-4444-555555555555'));
const APP = fileURLToPath(new URL('../checks/server/app.ts', import.meta.url));

/** A replica: createApiServer as `botflow serve` configures it, budget raised, on a free port. */
function replicaEntry(): string {
  return `
const { createApiServer } = await import(${JSON.stringify(APP)});
const redisUrl = process.env.BOTFLOW_REDIS_URL;
const app = await createApiServer({ mode: 'production', logger: { level: 'warn' }, trustProxy: 1,
  rateLimit: { max: 1e9, timeWindowMs: 60000 }, maxConcurrentRuns: 64, maxRunsPerClient: 64, ...(redisUrl ? { redisUrl } : {}) });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stderr.write('listening on ' + address + ' (\\n');
process.on('SIGTERM', () => { void app.close().then(() => process.exit(0)); });
`;
}

async function startReplica(set: ProcessSet, redisUrl?: string): Promise<Managed & { port: number; base: string }> {
  const m = await set.start('replica', process.execPath, ['--import', 'tsx', '--input-type=module', '-e', replicaEntry()], {
    env: redisUrl ? { BOTFLOW_REDIS_URL: redisUrl } : {},
    cwd: fileURLToPath(new URL('../', import.meta.url)),
    ready: /listening on http:\/\/127\.0\.0\.1:(\d+) \(/,
    timeoutMs: 30_000,
  });
  const port = Number(m.match?.[1]);
  return { ...m, port, base: `http://127.0.0.1:${port}` };
}

async function measure(base: string): Promise<{ health: AutocannonResult; runs: AutocannonResult }> {
  await autocannon({ url: `${base}/api/health`, connections: 4, duration: 1 }); // warm-up
  const health = await autocannon({ url: `${base}/api/health`, connections: 10, duration: 3 });
  const runs = await autocannon({
    url: `${base}/api/runs`, method: 'POST', connections: 10, duration: 3,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ suite: 'manifest', input: { manifest: MANIFEST } }),
  });
  return { health, runs };
}

export default async function bench(): Promise<BenchResult[]> {
  const set = new ProcessSet();
  const dir = mkdtempSync(join(tmpdir(), 'botflow-scale-bench-'));
  const results: BenchResult[] = [];
  try {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>bench</title>');
    const redis = await startRedis(set, join(dir, 'redis'));
    const single = await startReplica(set);
    const shared = await Promise.all([startReplica(set, redis.url), startReplica(set, redis.url)]);
    const lbOne = await startNginx(set, join(dir, 'nginx-one'), [shared[0]!.port, shared[0]!.port]);
    const lbTwo = await startNginx(set, join(dir, 'nginx-two'), shared.map((r) => r.port));
    const topologies: Array<[string, string]> = [
      ['1 replica, direct, limits in memory', single.base],
      ['1 replica behind nginx, limits in Redis', lbOne.base],
      ['2 replicas behind nginx, limits in Redis', lbTwo.base],
    ];
    const figures: Array<{ name: string; m: { health: AutocannonResult; runs: AutocannonResult } }> = [];
    for (const [name, base] of topologies) figures.push({ name, m: await measure(base) });
    const baseline = figures[0]!.m;
    for (const { name, m } of figures) {
      for (const [what, r, ref] of [['GET /api/health', m.health, baseline.health], ['POST /api/runs (manifest)', m.runs, baseline.runs]] as const) {
        results.push({
          name: `${what}: ${name}`,
          value: r.requests.average,
          unit: 'req/s',
          ok: r.errors === 0 && r.non2xx === 0,
          note: `p99 ${r.latency.p99} ms (p50 ${r.latency.p50} ms); ${(r.requests.average / ref.requests.average).toFixed(2)}x the single replica; errors ${r.errors}, non-2xx ${r.non2xx}; load ${loadavg()[0]!.toFixed(1)}`,
        });
      }
    }
  } finally {
    await set.stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
