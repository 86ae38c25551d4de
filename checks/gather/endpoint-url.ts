/**
 * Evidence `EndpointUrl`: the messaging endpoint URL as given, parsed. Pure (runs in the
 * browser too). `parseEndpointUrl` is also what the CLI and the API use to reject bad input.
 */
import { defineGatherer } from '../core/gatherer';
import { InvalidInputError } from '../core/errors';

export type UrlProblem = 'missing' | 'malformed' | 'scheme' | 'credentials';

export type EndpointUrlEvidence =
  | {
    valid: true;
    /** The URL as parsed (no credentials can be in it: those are refused). */
    url: string;
    scheme: 'https' | 'http';
    https: boolean;
    host: string;
    hostKind: 'name' | 'ipv4' | 'ipv6';
    port: number;
    defaultPort: boolean;
    path: string;
  }
  | { valid: false; problem: UrlProblem; message: string };

declare module '../core/evidence' {
  interface EvidenceMap {
    EndpointUrl: EndpointUrlEvidence;
  }
  interface CheckInput {
    /** The bot's messaging endpoint (endpoint suite). */
    url?: string;
    /** The bot's Microsoft App ID (audience of the forged token; optional). */
    appId?: string;
    /** The calling webhook of a calling bot (endpoint suite; optional). */
    callingWebhook?: string;
  }
}

export type ParsedUrl = { ok: true; url: URL } | { ok: false; problem: UrlProblem; message: string };

/** Parses an endpoint URL; says what is wrong and what to do otherwise. `label` names the input. */
export function parseEndpointUrl(text: string | undefined, label = 'endpoint URL'): ParsedUrl {
  if (text === undefined || text.trim() === '') {
    return { ok: false, problem: 'missing', message: `The ${label} is missing. Give the full URL, e.g. https://bot.contoso.com/api/messages.` };
  }
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, problem: 'malformed', message: `The ${label} "${text}" is not a valid absolute URL. Give the full URL, e.g. https://bot.contoso.com/api/messages.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, problem: 'scheme', message: `The ${label} uses the unsupported scheme "${url.protocol.replace(':', '')}". Give an https:// URL.` };
  }
  if (url.username || url.password) {
    return { ok: false, problem: 'credentials', message: `The ${label} contains credentials (user:password@). Remove them: Teams never sends credentials in the URL, and they would end up in logs.` };
  }
  if (!url.hostname) {
    return { ok: false, problem: 'malformed', message: `The ${label} "${text}" has no host name. Give the full URL, e.g. https://bot.contoso.com/api/messages.` };
  }
  return { ok: true, url };
}

/** Throws InvalidInputError (exit 2 / HTTP 400) for an unusable URL, else returns it. */
export function requireEndpointUrl(text: string | undefined, label = 'endpoint URL', field = 'url'): URL {
  const parsed = parseEndpointUrl(text, label);
  if (!parsed.ok) throw new InvalidInputError(parsed.message, { field });
  return parsed.url;
}

export function describeUrl(url: URL): Extract<EndpointUrlEvidence, { valid: true }> {
  const https = url.protocol === 'https:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const hostKind = url.hostname.startsWith('[') ? 'ipv6' : /^\d+\.\d+\.\d+\.\d+$/.test(host) ? 'ipv4' : 'name';
  return {
    valid: true,
    url: url.href,
    scheme: https ? 'https' : 'http',
    https,
    host,
    hostKind,
    port: url.port ? Number(url.port) : https ? 443 : 80,
    defaultPort: url.port === '',
    path: `${url.pathname}${url.search}`,
  };
}

export const endpointUrlGatherer = defineGatherer({
  id: 'EndpointUrl',
  environments: ['node', 'browser'],
  async gather(ctx) {
    const parsed = parseEndpointUrl(ctx.input.url);
    if (!parsed.ok) return { valid: false, problem: parsed.problem, message: parsed.message };
    return describeUrl(parsed.url);
  },
});
