/**
 * The widgets' client of the check API (DESIGN.md section 6): `GET /api/health` to learn whether
 * an API is there at all (plain static hosting has none), and `POST /api/runs` read as an ndjson
 * stream of progress events whose last line carries the Report. `fetch` is injected so the
 * client runs in the page and in tests alike; every call has a timeout.
 */
import type { Report, RunEvent } from '../../checks/core/types';
import { NdjsonDecoder } from './ndjson';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiHealth {
  status: 'ok';
  version: string;
  mode: 'production' | 'development';
  allowPrivate: boolean;
  suites: string[];
  /**
   * The file of extra trusted roots the API's runs use (`--ca` / BOTFLOW_CA), when it says so;
   * the equivalent CLI command then needs `--ca <file>` too.
   */
  caFile?: string;
}

export type ApiAvailability =
  | { available: true; health: ApiHealth }
  | { available: false; reason: string };

const HEALTH_TIMEOUT_MS = 5_000;
/** Longer than the server's own run deadline (30 s by default) so the server ends a run first. */
const RUN_TIMEOUT_MS = 90_000;
const MAX_RUN_BYTES = 16 * 1024 * 1024;

function isHealth(value: unknown): value is ApiHealth {
  const v = value as Partial<ApiHealth> | null;
  return typeof v === 'object' && v !== null && v.status === 'ok' && typeof v.version === 'string' && Array.isArray(v.suites);
}

function timeoutSignal(ms: number, outer?: AbortSignal): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`No answer within ${Math.round(ms / 1000)} s.`)), ms);
  const onOuter = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) onOuter();
  outer?.addEventListener('abort', onOuter, { once: true });
  return {
    signal: controller.signal,
    done: () => { clearTimeout(timer); outer?.removeEventListener('abort', onOuter); },
  };
}

/** Asks `GET /api/health`; anything but a well-formed health answer means "no API here". */
export async function checkApiHealth(fetchImpl: FetchLike, base = ''): Promise<ApiAvailability> {
  const t = timeoutSignal(HEALTH_TIMEOUT_MS);
  try {
    const res = await fetchImpl(`${base}/api/health`, { headers: { accept: 'application/json' }, signal: t.signal, cache: 'no-store' });
    if (!res.ok) return { available: false, reason: `GET /api/health answered HTTP ${res.status}: this site is served without the check API.` };
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('json')) return { available: false, reason: 'GET /api/health did not answer with JSON: this site is served without the check API.' };
    const body: unknown = await res.json();
    if (!isHealth(body)) return { available: false, reason: 'GET /api/health answered with something other than the botflow API.' };
    return { available: true, health: body };
  } catch (err) {
    return { available: false, reason: `The check API could not be reached (${(err as Error).message || 'network error'}).` };
  } finally {
    t.done();
  }
}

/** An error the API answered with (400 with a field, 413, 429, 503, ...), in words for the page. */
export class ApiRunError extends Error {
  constructor(message: string, readonly status: number, readonly code: string, readonly field?: string) {
    super(message);
    this.name = 'ApiRunError';
  }
}

export interface RunRequest {
  suite: 'endpoint' | 'manifest' | 'registration' | 'residency';
  input: Record<string, unknown>;
}

export interface StreamRunOptions {
  base?: string;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  timeoutMs?: number;
}

async function errorFrom(res: Response): Promise<ApiRunError> {
  let body: { message?: unknown; code?: unknown; field?: unknown } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    /* not JSON: fall back to the status */
  }
  const message = typeof body.message === 'string' ? body.message : `The check API answered HTTP ${res.status}.`;
  const retry = res.headers.get('retry-after');
  const withRetry = retry && !/retry|try again/i.test(message) ? `${message} Try again in ${retry} s.` : message;
  return new ApiRunError(withRetry, res.status, typeof body.code === 'string' ? body.code : `HTTP_${res.status}`, typeof body.field === 'string' ? body.field : undefined);
}

function isRunEvent(value: unknown): value is RunEvent {
  const t = (value as { type?: unknown } | null)?.type;
  return t === 'run-start' || t === 'gather-start' || t === 'gather-end' || t === 'check-result' || t === 'run-end';
}

/**
 * Runs a suite through the API and streams its progress to `onEvent`. Resolves with the Report
 * of the last line; rejects with ApiRunError when the API refuses or the run fails.
 */
export async function streamRun(fetchImpl: FetchLike, request: RunRequest, options: StreamRunOptions = {}): Promise<Report> {
  const t = timeoutSignal(options.timeoutMs ?? RUN_TIMEOUT_MS, options.signal);
  try {
    const res = await fetchImpl(`${options.base ?? ''}/api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify(request),
      signal: t.signal,
      cache: 'no-store',
    });
    if (!res.ok) throw await errorFrom(res);
    if (!res.body) throw new ApiRunError('The check API sent no progress stream.', res.status, 'NO_BODY');
    const decoder = new NdjsonDecoder();
    const text = new TextDecoder();
    const reader = res.body.getReader();
    let report: Report | undefined;
    let bytes = 0;
    const handle = (value: unknown): void => {
      const line = value as { type?: unknown; error?: { code?: unknown; message?: unknown } };
      if (line?.type === 'run-error') {
        const message = typeof line.error?.message === 'string' ? line.error.message : 'The run failed on the server.';
        throw new ApiRunError(message, res.status, typeof line.error?.code === 'string' ? line.error.code : 'RUN_ERROR');
      }
      if (!isRunEvent(value)) return;
      if (value.type === 'run-end') report = value.report;
      options.onEvent?.(value);
    };
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > MAX_RUN_BYTES) {
        await reader.cancel();
        throw new ApiRunError(`The progress stream exceeded ${MAX_RUN_BYTES / 1024 / 1024} MB.`, res.status, 'TOO_LARGE');
      }
      for (const v of decoder.push(text.decode(value, { stream: true }))) handle(v);
    }
    for (const v of decoder.push(text.decode())) handle(v);
    for (const v of decoder.end()) handle(v);
    if (!report) throw new ApiRunError('The progress stream ended before the report arrived.', res.status, 'INCOMPLETE');
    return report;
  } catch (err) {
    if (err instanceof ApiRunError) throw err;
    if (t.signal.aborted) throw new ApiRunError(`The run was stopped: ${(t.signal.reason as Error)?.message ?? 'aborted'}`, 0, 'ABORTED');
    throw new ApiRunError(`The check API could not be reached (${(err as Error).message || 'network error'}).`, 0, 'NETWORK');
  } finally {
    t.done();
  }
}
