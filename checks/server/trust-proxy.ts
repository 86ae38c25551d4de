/**
 * Which proxies in front of the API may say who the client is (X-Forwarded-For). Only what
 * the operator names: a hop count, or proxy addresses and CIDR blocks. The default trusts
 * nothing: the client is the address of the TCP connection.
 */
import ipaddr from 'ipaddr.js';

/** A hop count (the nearest N proxies), or the proxies' addresses / CIDR blocks. */
export type TrustProxy = number | readonly string[];

/** Names proxy-addr (fastify's client-address resolver) expands to ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
export const MAX_TRUSTED_HOPS = 10;

export class TrustProxyError extends Error {
  override name = 'TrustProxyError';
}

function isAddressOrCidr(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  if (entry.includes('/')) {
    try { ipaddr.parseCIDR(entry); return true; } catch { return false; }
  }
  return ipaddr.isValid(entry) && (ipaddr.IPv4.isValidFourPartDecimal(entry) || ipaddr.IPv6.isValid(entry));
}

/** Checks a TrustProxy value and returns it in the form fastify takes. */
export function checkTrustProxy(value: unknown): number | string[] {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > MAX_TRUSTED_HOPS) {
      throw new TrustProxyError(`the trusted proxy hop count must be a whole number from 1 to ${MAX_TRUSTED_HOPS}.`);
    }
    return value;
  }
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) {
    const bad = (value as string[]).find((v) => !isAddressOrCidr(v));
    if (bad !== undefined) {
      throw new TrustProxyError(`"${bad.slice(0, 60)}" is not a proxy address or CIDR block (e.g. 10.0.0.5, 10.0.0.0/24, ::1, or loopback).`);
    }
    return [...(value as string[])];
  }
  throw new TrustProxyError('trust the proxies in front by hop count (e.g. 1) or by their addresses or CIDR blocks; trusting every hop would let any client choose its own address.');
}

/** Parses the `--trust-proxy` value: `1`, or `10.0.0.5,10.0.1.0/24`. */
export function parseTrustProxy(text: string): number | string[] {
  const t = text.trim();
  if (/^\d+$/.test(t)) return checkTrustProxy(Number(t));
  return checkTrustProxy(t.split(',').map((s) => s.trim()).filter(Boolean));
}
