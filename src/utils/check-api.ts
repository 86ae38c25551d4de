/**
 * The widgets' client of the check API (DESIGN.md section 6): `GET /api/health` to learn whether
 * an API is there at all (plain static hosting has none), and `POST /api/runs` read as an ndjson
 * stream of progress events whose last line carries the Report. `fetch` is injected so the
 * client runs in the page and in tests alike; every call has a timeout. The wire types and the
 * stream reader are the server's own (checks/server/protocol.ts), so the two cannot drift.
 */
import { ErrorCodes, isErrorCode, type ErrorCode } from '../../checks/core/errors';
import type { Report, RunEvent } from '../../checks/core/types';
import { NDJSON, readRunStream, RunStreamError, type HealthResponse, type RunRequest } from '../../checks/server/protocol';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type ApiAvailability =
  | { available: true; health: HealthResponse }
  | { available: false; reason: string };

const HEALTH_TIMEOUT_MS = 5_000;
/** Longer than the server's own run deadline (30 s by default) so the server ends a run first. */
const RUN_TIMEOUT_MS = 90_000;

function isHealth(value: unknown): value is HealthResponse {
  const v = value as Partial<HealthResponse> | null;
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

/**
 * An error the API answered with (400 with a field, 413, 429, 503, ...), or the client's own
 * (CHK_ERR_API_UNREACHABLE, CHK_ERR_ABORTED, ...), in words for the page.
 */
export class ApiRunError extends Error {
  constructor(message: string, readonly status: number, readonly code: ErrorCode, readonly field?: string) {
    super(message);
    this.name = 'ApiRunError';
  }
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
  return new ApiRunError(withRetry, res.status, isErrorCode(body.code) ? body.code : ErrorCodes.API_HTTP_ERROR, typeof body.field === 'string' ? body.field : undefined);
}

/**
 * Runs a suite through the API and streams its progress to `onEvent`. Resolves with the Report
 * of the last line; rejects with ApiRunError when the API refuses or the run fails.
 */
export async function streamRun(fetchImpl: FetchLike, request: RunRequest, options: StreamRunOptions = {}): Promise<Report> {
  const t = timeoutSignal(options.timeoutMs ?? RUN_TIMEOUT_MS, options.signal);
  let status = 0;
  try {
    const res = await fetchImpl(`${options.base ?? ''}/api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: NDJSON },
      body: JSON.stringify(request),
      signal: t.signal,
      cache: 'no-store',
    });
    status = res.status;
    if (!res.ok) throw await errorFrom(res);
    if (!res.body) throw new ApiRunError('The check API sent no progress stream.', res.status, ErrorCodes.API_STREAM_INCOMPLETE);
    return await readRunStream(res.body, (event) => options.onEvent?.(event));
  } catch (err) {
    if (err instanceof ApiRunError) throw err;
    if (err instanceof RunStreamError) throw new ApiRunError(err.message, status, err.code);
    if (t.signal.aborted) throw new ApiRunError(`The run was stopped: ${(t.signal.reason as Error)?.message ?? 'aborted'}`, 0, ErrorCodes.ABORTED);
    throw new ApiRunError(`The check API could not be reached (${(err as Error).message || 'network error'}).`, 0, ErrorCodes.API_UNREACHABLE);
  } finally {
    t.done();
  }
}
