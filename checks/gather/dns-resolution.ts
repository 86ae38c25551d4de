/**
 * Evidence `DnsResolution`: every address the endpoint's host resolves to, classified, and the
 * guard's decision. The other endpoint probes connect to these addresses (no second lookup).
 */
import { defineGatherer, type GatherContext } from '../core/gatherer';
import { failureOf, type NotProbed, type ProbeFailure } from './endpoint-probe-context';
import { isAllowedClass, phaseTimeouts, proxyForTarget, describeProxy, resolveHost, type AddressClass, type ClassifiedAddress, type Resolution } from './net';

export type DnsResolutionEvidence =
  | NotProbed
  | {
    probed: true;
    host: string;
    /** The host is an IP literal (nothing was looked up). */
    literal: boolean;
    resolved: true;
    addresses: ClassifiedAddress[];
    /** Whether the guard lets the probes connect (all addresses allowed). */
    allowed: boolean;
    /** The first refused address, when not allowed. */
    refused?: { address: string; class: AddressClass };
    allowPrivate: boolean;
    /** Proxy origin when probes go through a proxy. */
    proxy?: string;
    durationMs: number;
  }
  | {
    probed: true;
    host: string;
    literal: false;
    resolved: false;
    failure: ProbeFailure;
    allowPrivate: boolean;
    proxy?: string;
  };

declare module '../core/evidence' {
  interface EvidenceMap {
    DnsResolution: DnsResolutionEvidence;
  }
}

/** Resolves and classifies `url`'s host for this run. Shared with the calling-webhook probe. */
export async function resolveForRun(ctx: GatherContext, url: URL): Promise<Exclude<DnsResolutionEvidence, NotProbed>> {
  const allowPrivate = Boolean(ctx.options.allowPrivate);
  const proxy = proxyForTarget(ctx.options.proxy, url);
  const proxyNote = proxy ? { proxy: describeProxy(proxy) } : {};
  const host = url.hostname.replace(/^\[|\]$/g, '');
  try {
    const r = await resolveHost(host, {
      ...(ctx.options.lookup ? { lookup: ctx.options.lookup } : {}),
      timeoutMs: phaseTimeouts(ctx.options.phaseTimeoutMs).dns,
      signal: ctx.signal,
    });
    const refused = r.addresses.find((a) => !isAllowedClass(a.class, allowPrivate));
    return {
      probed: true,
      host: r.host,
      literal: r.literal,
      resolved: true,
      addresses: r.addresses,
      allowed: !refused,
      ...(refused ? { refused: { address: refused.address, class: refused.class } } : {}),
      allowPrivate,
      ...proxyNote,
      durationMs: r.durationMs,
    };
  } catch (err) {
    return { probed: true, host, literal: false, resolved: false, failure: failureOf(err), allowPrivate, ...proxyNote };
  }
}

/** Back to the networking module's Resolution, so probes connect to the checked addresses. */
export function toResolution(e: Extract<DnsResolutionEvidence, { resolved: true }>): Resolution {
  return { host: e.host, literal: e.literal, addresses: e.addresses, durationMs: e.durationMs };
}

export const dnsResolutionGatherer = defineGatherer({
  id: 'DnsResolution',
  environments: ['node'],
  async gather(ctx) {
    const endpoint = await ctx.get('EndpointUrl');
    if (!endpoint.valid) return { probed: false, reason: 'invalid-url' };
    return resolveForRun(ctx, new URL(endpoint.url));
  },
});

/**
 * Where the endpoint probes go: the URL and the checked resolution, or why they do not run.
 * Through a proxy a failed local lookup is not fatal (the proxy resolves the name).
 */
export async function endpointTarget(ctx: GatherContext, options: { httpsOnly?: boolean } = {}): Promise<{ url: URL; resolution?: Resolution } | NotProbed> {
  const endpoint = await ctx.get('EndpointUrl');
  if (!endpoint.valid) return { probed: false, reason: 'invalid-url' };
  if (options.httpsOnly && !endpoint.https) return { probed: false, reason: 'not-https' };
  const dns = await ctx.get('DnsResolution');
  const url = new URL(endpoint.url);
  if (!dns.probed) return { probed: false, reason: dns.reason };
  if (!dns.resolved) return dns.proxy ? { url } : { probed: false, reason: 'dns-failed' };
  if (!dns.allowed) return { probed: false, reason: 'address-refused' };
  return { url, resolution: toResolution(dns) };
}
