/**
 * One guarded HTTP(S) exchange at a time, on undici. Each hop connects through `connectTcp` /
 * `connectTls` (guarded address, SNI and Host = host name), waits for headers and reads a
 * capped body, each under its own timer. Redirects are never followed by undici: the caller
 * says how many to follow (`maxRedirects`, default 0); every hop is returned, and each redirect
 * target is resolved and checked against the guard before it is contacted. A followed redirect
 * is a GET without body or Authorization. A redirect that is not followed (limit, refused
 * address, non-http scheme, failed hop) is described in `redirect` and never throws.
 */
import { Client, ProxyAgent, type Dispatcher } from 'undici';
import type { TLSSocket } from 'node:tls';
import { TOOL_VERSION } from '../../core/version';
import { classifyAddress, isAllowedClass, type AddressClass } from './address';
import { connectTcp, connectTls, trustStore, type GuardOptions, type TlsConnection, type TcpConnection, type TlsParams } from './connect';
import { addressRefused, PhaseNetworkError, PhaseTimeoutError, phaseLabel } from './errors';
import { describeProxy, type ProxyConfig } from './proxy';
import { DEFAULT_MAX_BODY_BYTES, phaseTimeouts } from './timeouts';
import { monotonicMs } from '../../core/clock';

export const USER_AGENT = `botflow/${TOOL_VERSION} (Teams Bot Flow endpoint check)`;

export interface SafeRequestOptions extends GuardOptions, TlsParams {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Bytes of body kept; more is discarded and `truncated` set. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Redirects to follow (each re-checked by the guard). Default 0: report, do not follow. */
  maxRedirects?: number;
}

export interface TlsInfo {
  protocol: string | null;
  cipher?: string;
  authorized: boolean;
  authorizationError?: string;
}

export interface HopTimings {
  dnsMs: number;
  connectMs: number;
  tlsMs?: number;
  /** Request sent -> response headers. */
  firstByteMs: number;
  bodyMs: number;
  totalMs: number;
}

export interface Hop {
  url: string;
  method: string;
  status: number;
  headers: Record<string, string>;
  /** Absolute Location of a 3xx answer. */
  location?: string;
  address?: string;
  addressClass?: AddressClass;
  proxy?: string;
  tls?: TlsInfo;
  timings: HopTimings;
}

export interface RedirectNote {
  to: string;
  followed: false;
  reason: 'not-followed' | 'limit' | 'scheme' | 'refused' | 'failed';
  /** Class of the target when it is an IP literal or when the guard refused it. */
  targetClass?: AddressClass;
  error?: { code: string; message: string };
}

export interface SafeResponse extends Hop {
  body: string;
  bodyBytes: number;
  truncated: boolean;
  /** Every hop in order; the last one is this response. */
  hops: Hop[];
  /** The redirect of the last hop that was not followed, if any. */
  redirect?: RedirectNote;
}

function flatHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function tlsInfo(socket: TLSSocket): TlsInfo {
  const cipher = socket.getCipher?.();
  return {
    protocol: socket.getProtocol?.() ?? null,
    ...(cipher?.name ? { cipher: cipher.name } : {}),
    authorized: socket.authorized,
    ...(socket.authorizationError ? { authorizationError: String(socket.authorizationError) } : {}),
  };
}

/** Rejects with the signal's reason once it aborts (never resolves). */
function abortedPromise(signal: AbortSignal): Promise<never> {
  const p = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  p.catch(() => undefined);
  return p;
}

async function readCapped(body: Dispatcher.ResponseData['body'], cap: number, timeoutMs: number, target: string, signal?: AbortSignal): Promise<{ buf: Buffer; bytes: number; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  let truncated = false;
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; body.destroy(new PhaseTimeoutError('body', timeoutMs, target)); }, timeoutMs);
  const onAbort = (): void => { body.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted')); };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of body) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      const room = cap - bytes;
      if (buf.length > room) {
        if (room > 0) chunks.push(buf.subarray(0, room));
        bytes = cap;
        truncated = true;
        break;
      }
      chunks.push(buf);
      bytes += buf.length;
    }
  } catch (err) {
    if (timedOut) throw new PhaseTimeoutError('body', timeoutMs, target);
    if (err instanceof PhaseTimeoutError || signal?.aborted) throw err;
    throw new PhaseNetworkError('body', (err as NodeJS.ErrnoException)?.code ?? 'EBODY', `${phaseLabel('body')} from ${target} failed: ${(err as Error)?.message ?? String(err)}`, { cause: err });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    if (truncated) body.destroy();
  }
  return { buf: Buffer.concat(chunks), bytes, truncated };
}

interface HopResult { hop: Hop; body: string; bodyBytes: number; truncated: boolean }

async function requestOnce(url: URL, method: string, headers: Record<string, string>, body: string | Uint8Array | undefined, options: SafeRequestOptions, useResolution: boolean): Promise<HopResult> {
  const timeouts = phaseTimeouts(options.timeouts);
  const https = url.protocol === 'https:';
  const port = url.port ? Number(url.port) : https ? 443 : 80;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const target = `${url.protocol}//${url.host}`;
  const cap = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const t0 = monotonicMs();
  const guard: GuardOptions & TlsParams = { ...options };
  if (!useResolution) delete guard.resolution;
  if (options.proxy) {
    // Through a proxy the proxy resolves the name; an IP literal can still be checked here.
    const literal = classifyAddress(host);
    if (literal && !isAllowedClass(literal.class, Boolean(options.allowPrivate))) throw addressRefused(host, literal.address, literal.class);
  }
  const controller = new AbortController();
  const onOuterAbort = (): void => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) onOuterAbort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  guard.signal = controller.signal;

  // Without a proxy the connect phases have their own timers; the first-byte timer starts once connected.
  const firstByteBudget = options.proxy ? timeouts.connect + timeouts.tls + timeouts.firstByte : timeouts.firstByte;
  let firstByteTimer: ReturnType<typeof setTimeout> | undefined;
  let tSent = monotonicMs();
  let timedOut = false;
  const armFirstByte = (): void => {
    tSent = monotonicMs();
    firstByteTimer = setTimeout(() => { timedOut = true; controller.abort(new PhaseTimeoutError('firstByte', firstByteBudget, target)); }, firstByteBudget);
  };
  let conn: TcpConnection | TlsConnection | undefined;
  let connectError: unknown;
  let connTls: TlsInfo | undefined;
  let dispatcher: Dispatcher;
  if (options.proxy) {
    const ca = trustStore(options);
    dispatcher = new ProxyAgent({
      uri: options.proxy.url,
      requestTls: {
        ...(ca ? { ca } : {}),
        rejectUnauthorized: options.rejectUnauthorized ?? true,
        ...(options.minVersion ? { minVersion: options.minVersion } : {}),
        ...(options.maxVersion ? { maxVersion: options.maxVersion } : {}),
      },
      connectTimeout: timeouts.connect + timeouts.tls,
      headersTimeout: timeouts.firstByte + timeouts.connect + timeouts.tls + 1_000,
      bodyTimeout: timeouts.body + 1_000,
    });
  } else {
    dispatcher = new Client(url.origin, {
      connect: (_opts, callback) => {
        const open = https ? connectTls(host, port, guard) : connectTcp(host, port, guard);
        open.then((c) => { conn = c; if (https) connTls = tlsInfo(c.socket as TLSSocket); armFirstByte(); callback(null, c.socket); }, (err: Error) => { connectError = err; callback(err, null); });
      },
      headersTimeout: timeouts.firstByte + 1_000,
      bodyTimeout: timeouts.body + 1_000,
      pipelining: 0,
    });
  }

  if (options.proxy) armFirstByte();
  try {
    let response: Dispatcher.ResponseData;
    try {
      const pending = dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: method as Dispatcher.HttpMethod,
        headers,
        ...(body !== undefined ? { body } : {}),
        signal: controller.signal,
        reset: true,
      });
      pending.catch(() => undefined);
      // undici's ProxyAgent does not watch the request signal while it waits for the proxy's
      // CONNECT answer, so the abort (a phase timer or the caller) is raced here as well; the
      // dispatcher is destroyed in `finally`, which closes the half-open tunnel.
      response = await Promise.race([pending, abortedPromise(controller.signal)]);
    } catch (err) {
      if (connectError) throw connectError;
      if (timedOut) throw new PhaseTimeoutError('firstByte', firstByteBudget, target);
      if (err instanceof PhaseTimeoutError || err instanceof PhaseNetworkError) throw err;
      if (options.signal?.aborted) throw options.signal.reason ?? err;
      const code = (err as NodeJS.ErrnoException)?.code ?? 'EREQUEST';
      if (code === 'UND_ERR_HEADERS_TIMEOUT') throw new PhaseTimeoutError('firstByte', timeouts.firstByte, target);
      if (code === 'UND_ERR_CONNECT_TIMEOUT') throw new PhaseTimeoutError('connect', timeouts.connect, target);
      const phase = options.proxy && !conn ? 'proxy' : 'firstByte';
      throw new PhaseNetworkError(phase, code, `${phaseLabel(phase)} from ${target} failed: ${(err as Error)?.message ?? String(err)} (${code}).`, { cause: err });
    } finally {
      clearTimeout(firstByteTimer);
    }
    const tHeaders = monotonicMs();
    const read = await readCapped(response.body, cap, timeouts.body, target, controller.signal);
    const tEnd = monotonicMs();
    const hdrs = flatHeaders(response.headers);
    let location: string | undefined;
    if (response.statusCode >= 300 && response.statusCode < 400 && hdrs.location) {
      try { location = new URL(hdrs.location, url).href; } catch { location = hdrs.location; }
    }
    const connectMs = conn?.timings.connectMs ?? 0;
    const tlsMs = conn && 'tlsMs' in conn.timings ? conn.timings.tlsMs : undefined;
    const hop: Hop = {
      url: url.href,
      method,
      status: response.statusCode,
      headers: hdrs,
      ...(location ? { location } : {}),
      ...(conn?.address ? { address: conn.address.address, addressClass: conn.address.class } : {}),
      ...(options.proxy ? { proxy: describeProxy(options.proxy) } : {}),
      ...(connTls ? { tls: connTls } : {}),
      timings: {
        dnsMs: conn?.timings.dnsMs ?? 0,
        connectMs,
        ...(tlsMs !== undefined ? { tlsMs } : {}),
        firstByteMs: Math.round(tHeaders - tSent),
        bodyMs: Math.round(tEnd - tHeaders),
        totalMs: Math.round(tEnd - t0),
      },
    };
    return { hop, body: read.buf.toString('utf8'), bodyBytes: read.bytes, truncated: read.truncated };
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
    await dispatcher.destroy().catch(() => undefined);
  }
}

/**
 * Sends one request to `url` through the guard and returns the answer with every hop.
 * Throws AddressRefusedError, PhaseTimeoutError (phase) or PhaseNetworkError (phase) when the
 * FIRST hop cannot be carried out; redirect hops that fail are described in `redirect`.
 */
export async function safeRequest(url: string | URL, options: SafeRequestOptions = {}): Promise<SafeResponse> {
  let current = typeof url === 'string' ? new URL(url) : url;
  if (current.protocol !== 'https:' && current.protocol !== 'http:') {
    throw new PhaseNetworkError('connect', 'EPROTOCOL', `Only http and https URLs can be requested (got ${current.protocol}).`);
  }
  const method = (options.method ?? 'GET').toUpperCase();
  const baseHeaders: Record<string, string> = { 'user-agent': USER_AGENT, accept: '*/*', ...lowerKeys(options.headers ?? {}) };
  const maxRedirects = options.maxRedirects ?? 0;
  const hops: Hop[] = [];
  let result = await requestOnce(current, method, baseHeaders, options.body, options, true);
  hops.push(result.hop);
  let redirect: RedirectNote | undefined;
  while (result.hop.location) {
    let next: URL;
    try { next = new URL(result.hop.location); } catch { redirect = { to: result.hop.location, followed: false, reason: 'scheme' }; break; }
    const literal = classifyAddress(next.hostname);
    const targetClass = literal ? { targetClass: literal.class } : {};
    if (next.protocol !== 'https:' && next.protocol !== 'http:') { redirect = { to: next.href, followed: false, reason: 'scheme', ...targetClass }; break; }
    if (hops.length > maxRedirects) {
      redirect = { to: next.href, followed: false, reason: maxRedirects === 0 ? 'not-followed' : 'limit', ...targetClass };
      break;
    }
    const headers = { ...baseHeaders };
    delete headers.authorization;
    delete headers['content-type'];
    delete headers['content-length'];
    try {
      result = await requestOnce(next, 'GET', headers, undefined, options, false);
      hops.push(result.hop);
      current = next;
    } catch (err) {
      const e = err as { code?: string; message?: string; details?: { class?: AddressClass } };
      const refused = e.code === 'CHK_ERR_ADDRESS_REFUSED';
      redirect = {
        to: next.href,
        followed: false,
        reason: refused ? 'refused' : 'failed',
        ...(refused && e.details?.class ? { targetClass: e.details.class } : targetClass),
        error: { code: e.code ?? 'CHK_ERR_PROBE_NETWORK', message: e.message ?? String(err) },
      };
      break;
    }
  }
  return { ...result.hop, body: result.body, bodyBytes: result.bodyBytes, truncated: result.truncated, hops, ...(redirect ? { redirect } : {}) };
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = v;
  return out;
}
