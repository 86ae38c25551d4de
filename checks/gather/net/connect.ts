/**
 * Guarded TCP and TLS connections: resolve once, check the address, connect to that address
 * (SNI stays the host name), each phase under its own timer. Through a proxy the tunnel is an
 * HTTP CONNECT; the proxy then resolves the name, so only IP-literal hosts can be checked.
 */
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, createSecureContext, rootCertificates, type SecureContext, type TLSSocket, type SecureVersion } from 'node:tls';
import type { ClassifiedAddress } from './address';
import { classifyAddress, isAllowedClass } from './address';
import { addressRefused, PhaseNetworkError, PhaseTimeoutError, type NetPhase } from './errors';
import { describeProxy, type ProxyConfig } from './proxy';
import { chooseAddress, resolveHost, type LookupFn, type Resolution } from './resolve';
import { phaseTimeouts, type PhaseTimeouts } from './timeouts';
import { monotonicMs } from '../../core/clock';

export interface GuardOptions {
  /** Let loopback/private/link-local/CGNAT/ULA through (never metadata addresses). */
  allowPrivate?: boolean;
  lookup?: LookupFn;
  /** Per-phase limits in ms; a number caps every phase. */
  timeouts?: Partial<PhaseTimeouts> | number;
  signal?: AbortSignal;
  /** Tunnel through this HTTP proxy (CONNECT). */
  proxy?: ProxyConfig;
  /** A resolution already made (and shown to the user): connect to its checked address, no new lookup. */
  resolution?: Resolution;
}

export interface TlsParams {
  /** Extra trusted roots (PEM), added to Node's bundled roots unless `caOnly`. */
  ca?: string | readonly string[];
  caOnly?: boolean;
  /** Default true: a certificate that does not verify aborts the connection. */
  rejectUnauthorized?: boolean;
  minVersion?: SecureVersion;
  maxVersion?: SecureVersion;
  ciphers?: string;
  /** SNI; defaults to the host name (none for an IP literal). */
  servername?: string;
}

export interface ConnectionTimings {
  dnsMs: number;
  connectMs: number;
  tlsMs?: number;
}

export interface TcpConnection {
  socket: Socket;
  host: string;
  port: number;
  /** The checked address connected to; undefined through a proxy (the proxy resolved the name). */
  address?: ClassifiedAddress;
  /** Proxy origin (no credentials) when tunnelled. */
  proxy?: string;
  timings: ConnectionTimings;
}

export interface TlsConnection extends TcpConnection {
  socket: TLSSocket;
  timings: ConnectionTimings & { tlsMs: number };
}

const NETWORK_MESSAGES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  EPIPE: 'the connection was closed',
};

function toPhaseError(phase: NetPhase, err: unknown, target: string): PhaseNetworkError {
  if (err instanceof PhaseNetworkError) return err;
  const code = (err as NodeJS.ErrnoException)?.code ?? 'ECLOSED';
  const what = NETWORK_MESSAGES[code] ?? (err as Error)?.message ?? String(err);
  return new PhaseNetworkError(phase, code, `${phaseName(phase)} to ${target} failed: ${what} (${code}).`, { cause: err });
}

function phaseName(phase: NetPhase): string {
  return phase === 'tls' ? 'TLS handshake' : phase === 'proxy' ? 'Proxy tunnel' : 'Connection';
}

/** Waits for `event` on `socket`, failing on error, close, timeout or abort (and destroying the socket then). */
export function waitFor(socket: Socket, event: string, phase: NetPhase, timeoutMs: number, target: string, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const cleanup = (): void => {
      clearTimeout(timer);
      socket.off(event, onEvent);
      socket.off('error', onError);
      socket.off('close', onClose);
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (err: unknown): void => { cleanup(); socket.destroy(); reject(err); };
    const onEvent = (): void => { cleanup(); resolve(); };
    const onError = (err: Error): void => fail(toPhaseError(phase, err, target));
    const onClose = (): void => fail(new PhaseNetworkError(phase, 'ECLOSED', `${phaseName(phase)} to ${target} failed: the peer closed the connection.`));
    const onAbort = (): void => fail(signal?.reason ?? new Error('aborted'));
    const timer = setTimeout(() => fail(new PhaseTimeoutError(phase, timeoutMs, target)), timeoutMs);
    socket.once(event, onEvent);
    socket.on('error', onError);
    socket.once('close', onClose);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function hostLabel(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Resolves (or reuses `resolution`), applies the guard and returns the addresses to try, in order. */
async function guardedAddresses(host: string, options: GuardOptions, timeouts: PhaseTimeouts): Promise<{ addresses: ClassifiedAddress[]; dnsMs: number }> {
  const resolution = options.resolution ?? await resolveHost(host, {
    ...(options.lookup ? { lookup: options.lookup } : {}),
    timeoutMs: timeouts.dns,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  chooseAddress(resolution, { allowPrivate: Boolean(options.allowPrivate) });
  return { addresses: resolution.addresses, dnsMs: options.resolution ? 0 : resolution.durationMs };
}

async function openProxyTunnel(host: string, port: number, proxy: ProxyConfig, timeouts: PhaseTimeouts, signal?: AbortSignal): Promise<{ socket: Socket; connectMs: number }> {
  const p = new URL(proxy.url);
  if (p.protocol !== 'http:') throw new PhaseNetworkError('proxy', 'EPROXYSCHEME', `Only http:// proxies are supported (got ${p.protocol}).`);
  const proxyPort = p.port ? Number(p.port) : 80;
  const proxyHost = p.hostname.replace(/^\[|\]$/g, '');
  const t0 = monotonicMs();
  const socket = netConnect({ host: proxyHost, port: proxyPort });
  await waitFor(socket, 'connect', 'proxy', timeouts.connect, `proxy ${p.host}`, signal);
  const authority = hostLabel(host, port);
  const auth = p.username ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(p.username)}:${decodeURIComponent(p.password)}`).toString('base64')}\r\n` : '';
  socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${auth}\r\n`);
  const head = await new Promise<string>((resolve, reject) => {
    let buf = '';
    const cleanup = (): void => { clearTimeout(timer); socket.off('data', onData); socket.off('error', onErr); socket.off('close', onErr); };
    const onData = (chunk: Buffer): void => {
      buf += chunk.toString('latin1');
      const end = buf.indexOf('\r\n\r\n');
      if (end >= 0) { cleanup(); resolve(buf.slice(0, end)); }
      else if (buf.length > 16_384) { cleanup(); socket.destroy(); reject(new PhaseNetworkError('proxy', 'EPROXYHEAD', 'The proxy sent an oversized CONNECT response.')); }
    };
    const onErr = (err?: Error): void => { cleanup(); socket.destroy(); reject(toPhaseError('proxy', err ?? new Error('closed'), `proxy ${p.host}`)); };
    const timer = setTimeout(() => { cleanup(); socket.destroy(); reject(new PhaseTimeoutError('proxy', timeouts.firstByte, `proxy ${p.host}`)); }, timeouts.firstByte);
    socket.on('data', onData);
    socket.once('error', onErr);
    socket.once('close', onErr);
  });
  const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(head)?.[1] ?? 0);
  if (status !== 200) {
    socket.destroy();
    throw new PhaseNetworkError('proxy', `EPROXY${status || 'HEAD'}`, `The proxy ${p.host} refused to tunnel to ${authority} (HTTP ${status || 'malformed answer'}).`);
  }
  return { socket, connectMs: Math.round(monotonicMs() - t0) };
}

/** Opens a guarded TCP connection to `host:port`. */
export async function connectTcp(host: string, port: number, options: GuardOptions = {}): Promise<TcpConnection> {
  const timeouts = phaseTimeouts(options.timeouts);
  const bare = host.replace(/^\[|\]$/g, '');
  const target = hostLabel(bare, port);
  if (options.proxy) {
    // The proxy resolves the name; an IP literal can still be checked here.
    const literal = classifyAddress(bare);
    if (literal && !isAllowedClass(literal.class, Boolean(options.allowPrivate))) throw addressRefused(bare, literal.address, literal.class);
    const { socket, connectMs } = await openProxyTunnel(bare, port, options.proxy, timeouts, options.signal);
    return { socket, host: bare, port, proxy: describeProxy(options.proxy), timings: { dnsMs: 0, connectMs } };
  }
  const { addresses, dnsMs } = await guardedAddresses(bare, options, timeouts);
  // Every address passed the guard; try them in the resolver's order (refused/unreachable -> next).
  let lastError: unknown;
  for (const address of addresses) {
    const t0 = monotonicMs();
    const socket = netConnect({ host: address.address, port, family: address.family });
    try {
      await waitFor(socket, 'connect', 'connect', timeouts.connect, target, options.signal);
      return { socket, host: bare, port, address, timings: { dnsMs, connectMs: Math.round(monotonicMs() - t0) } };
    } catch (err) {
      lastError = err;
      const code = (err as PhaseNetworkError).osCode;
      if (!(err instanceof PhaseNetworkError) || !['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL'].includes(code)) break;
    }
  }
  throw lastError;
}

/** Builds the `ca` list for node:tls from TlsParams. */
export function trustStore(params: TlsParams): string[] | undefined {
  if (!params.ca || (Array.isArray(params.ca) && params.ca.length === 0)) return undefined;
  const extra = typeof params.ca === 'string' ? [params.ca] : [...params.ca];
  return params.caOnly ? extra : [...rootCertificates, ...extra];
}

const contexts = new Map<string, SecureContext>();

/**
 * A secure context per (trust store, versions, ciphers), cached: parsing the ~140 bundled roots
 * plus --ca for every connection would cost more than the handshake itself.
 */
function secureContextFor(params: TlsParams): SecureContext | undefined {
  const ca = trustStore(params);
  if (!ca) return undefined;
  const key = JSON.stringify([ca.length, typeof params.ca === 'string' ? params.ca : params.ca?.join(''), params.caOnly, params.minVersion, params.maxVersion, params.ciphers]);
  let ctx = contexts.get(key);
  if (!ctx) {
    ctx = createSecureContext({
      ca,
      ...(params.minVersion ? { minVersion: params.minVersion } : {}),
      ...(params.maxVersion ? { maxVersion: params.maxVersion } : {}),
      ...(params.ciphers ? { ciphers: params.ciphers } : {}),
    });
    if (contexts.size >= 32) contexts.delete(contexts.keys().next().value as string);
    contexts.set(key, ctx);
  }
  return ctx;
}

/** Opens a guarded TLS connection (TCP first, then the handshake with SNI = host name). */
export async function connectTls(host: string, port: number, options: GuardOptions & TlsParams = {}): Promise<TlsConnection> {
  const timeouts = phaseTimeouts(options.timeouts);
  const tcp = await connectTcp(host, port, options);
  const servername = options.servername ?? (isIP(tcp.host) ? undefined : tcp.host);
  const secureContext = secureContextFor(options);
  const t0 = monotonicMs();
  const socket = tlsConnect({
    socket: tcp.socket,
    ...(servername ? { servername } : {}),
    ...(secureContext ? { secureContext } : {}),
    rejectUnauthorized: options.rejectUnauthorized ?? true,
    ...(options.minVersion ? { minVersion: options.minVersion } : {}),
    ...(options.maxVersion ? { maxVersion: options.maxVersion } : {}),
    ...(options.ciphers ? { ciphers: options.ciphers } : {}),
  });
  try {
    await waitFor(socket, 'secureConnect', 'tls', timeouts.tls, hostLabel(tcp.host, port), options.signal);
  } catch (err) {
    tcp.socket.destroy();
    throw err;
  }
  return { ...tcp, socket, timings: { ...tcp.timings, tlsMs: Math.round(monotonicMs() - t0) } };
}
