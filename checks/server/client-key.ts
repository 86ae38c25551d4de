import { normalizeIP } from '@fastify/rate-limit';

/**
 * The key per-client limits count under: the client address as fastify sees it (the socket's,
 * or the one the trusted proxies name), IPv6 grouped by /64 as the rate-limit plugin does. A
 * request whose socket is already gone (a malformed request pipelined behind it) has no
 * address: it is counted under one shared key instead of making the limiter throw.
 */
export function clientKey(ip: string | undefined): string {
  return typeof ip === 'string' && ip !== '' ? normalizeIP(ip) : 'unknown-client';
}
