/**
 * Evidence `CallingWebhook`: when a calling webhook is given, the URL, whether it differs from
 * the messaging endpoint, and the same TLS evidence the endpoint checks use (handshake, chain,
 * trust, host name, accepted versions).
 */
import { defineGatherer } from '../core/gatherer';
import { resolveForRun, toResolution, type DnsResolutionEvidence } from './dns-resolution';
import { parseEndpointUrl, type UrlProblem } from './endpoint-url';
import type { NotProbed } from './endpoint-probe-context';
import { handshake, type TlsHandshakeEvidence } from './tls-handshake';
import { probeVersions, type ProbedVersion, type VersionResult } from './tls-versions';

export type CallingWebhookEvidence =
  | { given: false }
  | { given: true; valid: false; problem: UrlProblem; message: string }
  | {
    given: true;
    valid: true;
    url: string;
    https: boolean;
    /** The messaging endpoint, when valid, for the "distinct" comparison. */
    messagingUrl?: string;
    sameAsMessaging: boolean;
    dns?: Exclude<DnsResolutionEvidence, NotProbed>;
    handshake?: Exclude<TlsHandshakeEvidence, NotProbed>;
    versions?: Record<ProbedVersion, VersionResult>;
  };

declare module '../core/evidence' {
  interface EvidenceMap {
    CallingWebhook: CallingWebhookEvidence;
  }
}

/** Normalised for comparison: scheme, host, port and path, without a trailing slash or query. */
export function comparableUrl(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.protocol}//${url.hostname.toLowerCase()}:${port}${url.pathname.replace(/\/+$/, '').toLowerCase()}`;
}

export const callingWebhookGatherer = defineGatherer({
  id: 'CallingWebhook',
  environments: ['node'],
  async gather(ctx) {
    const raw = ctx.input.callingWebhook;
    if (raw === undefined || raw.trim() === '') return { given: false };
    const parsed = parseEndpointUrl(raw, 'calling webhook URL');
    if (!parsed.ok) return { given: true, valid: false, problem: parsed.problem, message: parsed.message };
    const url = parsed.url;
    const endpoint = await ctx.get('EndpointUrl');
    const messagingUrl = endpoint.valid ? endpoint.url : undefined;
    const sameAsMessaging = messagingUrl !== undefined && comparableUrl(new URL(messagingUrl)) === comparableUrl(url);
    const base = { given: true as const, valid: true as const, url: url.href, https: url.protocol === 'https:', ...(messagingUrl ? { messagingUrl } : {}), sameAsMessaging };
    if (!base.https) return base;
    const dns = await resolveForRun(ctx, url);
    if (dns.resolved && !dns.allowed) return { ...base, dns };
    if (!dns.resolved && !dns.proxy) return { ...base, dns };
    const resolution = dns.resolved ? toResolution(dns) : undefined;
    const [hs, versions] = await Promise.all([handshake(ctx, url, resolution), probeVersions(ctx, url, resolution)]);
    return { ...base, dns, handshake: hs, versions };
  },
});
