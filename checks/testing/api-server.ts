/**
 * Helpers for the API tests: a real server on loopback with its logs captured, and small
 * clients for the run endpoint. Nothing here replaces our own code.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { AnyCheck } from '../core/define-check';
import type { AnyGatherer } from '../core/gatherer';
import type { RunnableSuite } from '../core/runner';
import type { StreamLine } from '../server/protocol';
import { suites } from '../core/registry';
import { createApiServer } from '../server/app';
import { createLogger } from '../server/logging';
import type { ApiServerOptions } from '../server/options';

export interface LogCapture {
  lines: string[];
  text(): string;
  stream: Writable;
}

export function captureLogs(): LogCapture {
  const lines: string[] = [];
  let partial = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      partial += chunk.toString();
      const parts = partial.split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts.filter(Boolean));
      done();
    },
  });
  return { lines, stream, text: () => lines.join('\n') + partial };
}

export interface RunningApi {
  app: FastifyInstance;
  base: string;
  logs: LogCapture;
  close(): Promise<void>;
}

export async function startApi(options: Partial<ApiServerOptions> = {}): Promise<RunningApi> {
  const logs = captureLogs();
  const app = await createApiServer({
    mode: 'production',
    rateLimit: false,
    ...options,
    logger: createLogger({ level: 'debug', stream: logs.stream }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { app, base: `http://127.0.0.1:${port}`, logs, close: () => app.close() };
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  json(): unknown;
  lines(): StreamLine[];
}

export async function call(base: string, path: string, init: RequestInit = {}): Promise<ApiAnswer> {
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: () => JSON.parse(text) as unknown,
    lines: () => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as StreamLine),
  };
}

export function postRun(base: string, body: unknown, options: { accept?: string; headers?: Record<string, string> } = {}): Promise<ApiAnswer> {
  return call(base, '/api/runs', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.accept ? { accept: options.accept } : {}),
      ...(options.headers ?? {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * A one-check suite whose evidence waits until `release()` is called or the run is aborted:
 * lets tests hold runs in flight (concurrency cap, deadline, client going away).
 */
export function heldSuite(name: 'manifest' | 'residency' = 'manifest'): { suite: RunnableSuite; release(): void; started(): number; aborted(): number } {
  let releaseAll: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => { releaseAll = resolve; });
  let started = 0;
  let aborted = 0;
  const gatherer: AnyGatherer = {
    id: 'HeldEvidence',
    environments: ['node'],
    async gather(ctx) {
      started += 1;
      await new Promise<void>((resolve, reject) => {
        gate.then(resolve, reject);
        ctx.signal.addEventListener('abort', () => { aborted += 1; reject(ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error('aborted')); }, { once: true });
      });
      return { held: true };
    },
  };
  const check = {
    meta: {
      id: 'held-check',
      suite: name,
      title: 'Held evidence arrived',
      failureTitle: 'Held evidence did not arrive',
      description: 'Test fixture: passes once its evidence is released.',
      severity: 'info',
      requiredEvidence: ['HeldEvidence'],
      messages: { ok: 'The evidence arrived.' },
      sources: [],
    },
    evaluate: () => ({ status: 'pass', messageId: 'ok' }),
  } as unknown as AnyCheck;
  return {
    suite: { name, checks: [check], gatherers: [gatherer], describeTarget: () => ({ fixture: 'held' }) },
    /** Opens the gate for good: held and later runs complete. */
    release: () => { releaseAll(); },
    started: () => started,
    aborted: () => aborted,
  };
}

/**
 * The endpoint suite cut to the checks that read only the URL and the DNS answer: a run of it
 * resolves the target and connects nowhere (for resolvers that answer public-looking addresses).
 */
export const dnsOnlyEndpointSuite: RunnableSuite = {
  ...suites.endpoint,
  checks: suites.endpoint.checks.filter((c) => [...c.meta.requiredEvidence, ...(c.meta.optionalEvidence ?? [])].every((e) => e === 'EndpointUrl' || e === 'DnsResolution')),
};
