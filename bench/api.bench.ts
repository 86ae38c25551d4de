/**
 * The check API under load, all on loopback:
 * - overhead per run of going through the API (HTTP + validation + guard + JSON) over calling
 *   the engine directly, same suite and input (goal <= 10 ms);
 * - 50 concurrent endpoint runs against a local bot (H2's test server): errors and peak RSS;
 * - requests per second on GET /api/health and on a manifest run (autocannon).
 */
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { createApiServer } from '../checks/server/app';
import { suites } from '../checks/core/registry';
import { runChecks, type RunnableSuite } from '../checks/core/runner';
import type { CheckInput } from '../checks/core/evidence';
import type { Report } from '../checks/core/types';
import { testPki } from '../checks/testing/certs';
import { handlers, startServer } from '../checks/testing/servers';
import { manifestJson } from '../checks/testing/azure-mocks/files';
import type { BenchResult } from './types';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** One throughput row: average requests per second, ok only without errors or non-2xx answers. */
function throughput(name: string, r: AutocannonResult): BenchResult {
  return {
    name,
    value: r.requests.average,
    unit: 'req/s',
    ok: r.errors === 0 && r.non2xx === 0,
    note: `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors}, non-2xx ${r.non2xx}`,
  };
}

/** The same minimal v1.17 manifest the registration tests use (one bot). */
const MANIFEST = JSON.stringify(manifestJson('11111111-2222-3333-4444-555555555555'));

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

async function postJson(base: string, body: unknown): Promise<{ status: number; report?: Report }> {
  const res = await fetch(`${base}/api/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, ...(res.ok ? { report: JSON.parse(text) as Report } : {}) };
}

/** Median time of `n` calls (after `warm` unmeasured ones), in ms. */
async function timeMedian(n: number, warm: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < warm; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export default async function bench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const pki = await testPki();
  const bot = await startServer({ tls: { kind: 'good' }, handler: handlers.secureBot });
  // Development mode: the local bot is on loopback. Limits raised so the bench measures the server.
  const app = await createApiServer({ mode: 'development', logger: false, rateLimit: false, maxConcurrentRuns: 64, maxRunsPerClient: 64, ca: pki.caPem });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const endpointReady = suites.endpoint.checks.length > 0;
  try {
    // 1. Overhead per run. (a) In-request: client wall time minus the engine's own durationMs in
    //    the Report, per request (HTTP, validation, guard, slot, JSON both ways), median of 20.
    //    (b) Paired: the same run straight into the engine and through the API, interleaved so
    //    both see the same machine load; median of the differences (noisy for slow suites).
    const target = endpointReady
      ? { suite: 'endpoint', input: { url: bot.url }, direct: suites.endpoint as RunnableSuite, directInput: { url: bot.url } as CheckInput }
      : { suite: 'manifest', input: { manifest: MANIFEST }, direct: suites.manifest as RunnableSuite, directInput: { manifestText: MANIFEST, manifestName: 'manifest.json' } as CheckInput };
    const inRequest: number[] = [];
    for (let i = 0; i < 23; i += 1) {
      const t0 = performance.now();
      const r = await postJson(base, { suite: target.suite, input: target.input });
      const wall = performance.now() - t0;
      if (r.status !== 200 || !r.report) throw new Error(`API answered ${r.status}`);
      if (i >= 3) inRequest.push(wall - r.report.durationMs);
    }
    const overhead = Math.max(0, median(inRequest));
    results.push({
      name: `API overhead per ${target.suite} run (in-request, median of 20)`,
      value: overhead,
      unit: 'ms',
      goal: '<= 10 ms',
      ok: overhead <= 10,
      note: `local bot over TLS; load average ${loadavg()[0]!.toFixed(1)}${endpointReady ? '' : '; endpoint suite not registered yet, measured on the manifest suite'}`,
    });
    const manifestDirect = (): Promise<Report> => runChecks({ suite: suites.manifest as RunnableSuite, input: { manifestText: MANIFEST, manifestName: 'manifest.json' } });
    const manifestApi = async (): Promise<void> => {
      const r = await postJson(base, { suite: 'manifest', input: { manifest: MANIFEST } });
      if (r.status !== 200) throw new Error(`API answered ${r.status}`);
    };
    for (let i = 0; i < 5; i += 1) { await manifestDirect(); await manifestApi(); }
    const directTimes: number[] = [];
    const apiTimes: number[] = [];
    const diffs: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const d = await timeMedian(1, 0, manifestDirect);
      const a = await timeMedian(1, 0, manifestApi);
      directTimes.push(d);
      apiTimes.push(a);
      diffs.push(a - d);
    }
    const paired = Math.max(0, median(diffs));
    results.push({
      name: 'API overhead per manifest run (paired with direct engine calls, median of 40)',
      value: paired,
      unit: 'ms',
      goal: '<= 10 ms',
      ok: paired <= 10,
      note: `engine ${median(directTimes).toFixed(1)} ms, API ${median(apiTimes).toFixed(1)} ms`,
    });

    // 2. 50 concurrent endpoint runs against the local bot.
    if (endpointReady) {
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
      const t0 = performance.now();
      const answers = await Promise.all(Array.from({ length: 50 }, () => postJson(base, { suite: 'endpoint', input: { url: bot.url } }).catch(() => ({ status: 0 } as { status: number; report?: Report }))));
      const wall = performance.now() - t0;
      clearInterval(sampler);
      const failedRequests = answers.filter((a) => a.status !== 200).length;
      const errorResults = answers.reduce((n, a) => n + (a.report?.counts.error ?? 0), 0);
      const errorKinds = new Map<string, number>();
      for (const a of answers) for (const r of a.report?.results ?? []) {
        if (r.status === 'error') errorKinds.set(`${r.id}:${r.error?.code ?? '?'}`, (errorKinds.get(`${r.id}:${r.error?.code ?? '?'}`) ?? 0) + 1);
      }
      const slowest = Math.max(...answers.map((a) => a.report?.durationMs ?? 0));
      results.push({ name: '50 concurrent endpoint runs: failed requests', value: failedRequests, unit: 'requests', goal: '0', ok: failedRequests === 0, note: `wall ${Math.round(wall)} ms` });
      results.push({
        name: '50 concurrent endpoint runs: error results',
        value: errorResults,
        unit: 'results',
        goal: '0',
        ok: errorResults === 0,
        note: `slowest run ${slowest} ms${errorKinds.size ? `; ${[...errorKinds].map(([k, n]) => `${k} x${n}`).join(', ')}` : ''}`,
      });
      results.push({ name: '50 concurrent endpoint runs: peak RSS', value: Math.round(peak / 1024 / 1024), unit: 'MiB', note: 'API server, engine and the local bot in one process' });
    } else {
      results.push({ name: '50 concurrent endpoint runs', value: Number.NaN, unit: '', note: 'endpoint suite not registered yet: not measured' });
    }

    // 3. Throughput (autocannon, 10 connections, 3 s each).
    const health = await autocannon({ url: `${base}/api/health`, connections: 10, duration: 3 });
    results.push(throughput('GET /api/health throughput', health));
    const manifestRuns = await autocannon({
      url: `${base}/api/runs`,
      method: 'POST',
      connections: 10,
      duration: 3,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ suite: 'manifest', input: { manifest: MANIFEST } }),
    });
    results.push(throughput('POST /api/runs (manifest) throughput', manifestRuns));
  } finally {
    await app.close();
    await bot.close();
  }
  return results;
}
