/**
 * A small JSON-over-HTTPS client for the Azure control-plane services botflow reads with a
 * credential the user supplies (Azure Resource Manager, the Entra ID token endpoint, Microsoft
 * Graph). Node only. Every call has a total timeout, phase timeouts and a body size cap;
 * HTTP_PROXY / HTTPS_PROXY / NO_PROXY are honoured. Credentials are sent, never logged or
 * returned: results carry the status, a few headers and the parsed body only.
 */
import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';
import { proxyForTarget, proxySettingsFromEnv } from './net/proxy';
import { linkedDeadline } from './net/timeouts';
import { CheckEngineError, ErrorCodes, ProbeNetworkError, ProbeTimeoutError, TooLargeError } from '../core/errors';
import type { JsonValue } from '../core/types';
import { TOOL_VERSION } from '../core/version';

export const DEFAULT_CONTROL_TIMEOUT_MS = 15_000;
export const DEFAULT_CONTROL_MAX_BYTES = 256 * 1024;

export interface ControlRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Form body (token requests). */
  form?: Record<string, string>;
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
  dispatcher?: Dispatcher;
  /** What is being called, for error messages ("Azure Resource Manager"). */
  service: string;
}

export interface ControlResponse {
  status: number;
  /** Lower-case header names; only the ones callers need. */
  headers: { 'retry-after'?: string; 'content-type'?: string; 'x-ms-request-id'?: string; 'www-authenticate'?: string };
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json?: JsonValue;
}

const AGENT_TIMEOUTS = { connect: { timeout: 10_000 }, headersTimeout: 15_000, bodyTimeout: 15_000 } as const;
let directAgent: Agent | undefined;
const proxyAgents = new Map<string, ProxyAgent>();

/**
 * Direct, or through the proxy the environment names for this target: the same chooser as the
 * endpoint probes (proxySettingsFromEnv + proxyForTarget: HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and
 * NO_PROXY, as curl reads them). Agents are kept per proxy and reused.
 */
function defaultDispatcher(target: URL): Dispatcher {
  const proxy = proxyForTarget(proxySettingsFromEnv(process.env), target);
  if (!proxy) {
    directAgent ??= new Agent(AGENT_TIMEOUTS);
    return directAgent;
  }
  let agent = proxyAgents.get(proxy.url);
  if (!agent) {
    agent = new ProxyAgent({ uri: proxy.url, ...AGENT_TIMEOUTS });
    proxyAgents.set(proxy.url, agent);
  }
  return agent;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Which host is being called, for messages: never the query string. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return 'the configured URL';
  }
}

/** Performs one request; network failures and timeouts become typed engine errors. */
export async function controlRequest(url: string, options: ControlRequest): Promise<ControlResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CONTROL_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_CONTROL_MAX_BYTES;
  const deadline = linkedDeadline(options.signal ? [options.signal] : [], timeoutMs);
  const headers: Record<string, string> = {
    accept: 'application/json',
    'user-agent': `botflow/${TOOL_VERSION}`,
    ...(options.headers ?? {}),
  };
  let body: string | undefined;
  if (options.form) {
    body = new URLSearchParams(options.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  try {
    const res = await request(url, {
      method: options.method ?? (body ? 'POST' : 'GET'),
      headers,
      ...(body !== undefined ? { body } : {}),
      signal: deadline.signal,
      dispatcher: options.dispatcher ?? defaultDispatcher(new URL(url)),
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > maxBytes) {
        res.body.destroy();
        throw new TooLargeError(`${options.service} answered with more than ${maxBytes} bytes; botflow stopped reading. Check the base URL points at ${options.service}.`, { details: { limit: maxBytes } });
      }
      chunks.push(buf);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    let json: JsonValue | undefined;
    if (text.trim()) {
      try {
        json = JSON.parse(text) as JsonValue;
      } catch {
        json = undefined;
      }
    }
    const picked: ControlResponse['headers'] = {};
    for (const name of ['retry-after', 'content-type', 'x-ms-request-id', 'www-authenticate'] as const) {
      const v = headerValue(res.headers[name]);
      if (v !== undefined) picked[name] = v;
    }
    return { status: res.statusCode, headers: picked, ...(json !== undefined ? { json } : {}) };
  } catch (err) {
    if (err instanceof CheckEngineError) throw err;
    if (deadline.expired) {
      throw new ProbeTimeoutError(`${options.service} (${describeUrl(url)}) did not answer within ${timeoutMs} ms.`);
    }
    if (options.signal?.aborted) {
      const reason: unknown = options.signal.reason;
      if (reason instanceof CheckEngineError) throw reason;
      throw new CheckEngineError(ErrorCodes.DEADLINE, `The request to ${options.service} was cancelled.`);
    }
    const code = (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code ?? 'network error';
    throw new ProbeNetworkError(`Could not reach ${options.service} at ${describeUrl(url)} (${code}). Check the network, proxy settings and the base URL.`, { details: { code } });
  } finally {
    deadline.dispose();
  }
}

/** Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); undefined if absent or unreadable. */
export function retryAfterSeconds(value: string | undefined, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

/** Waits `ms`, or rejects when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new CheckEngineError(ErrorCodes.DEADLINE, 'Cancelled.'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new CheckEngineError(ErrorCodes.DEADLINE, 'Cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
