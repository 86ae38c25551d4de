/**
 * serviceUrl -> cloud, region and data path: a pure function of the URL text (no I/O, no node:
 * imports), so the same code runs in the CLI, the API and the browser widget.
 *
 * A host is recognised only when it is exactly one of the Teams serviceUrl hosts (as the Teams
 * SDK matches them), over https, on the default port, without user info, without a trailing
 * dot, and without dot segments or backslashes in what was written. Anything else is reported,
 * because a bot attaches its access token to whatever serviceUrl it is handed.
 */
import {
  CLOUD_PRESETS, SERVICE_URL_HOSTS, SERVICE_URL_REGIONS, type CloudId, type ServiceUrlRegion,
} from '../core/clouds';
import { PATH_STATEMENTS, RESIDENCY_STATEMENTS, TENANT_SEGMENT_STATEMENT, type ResidencyStatement } from '../data/residency';
import { GUID_PATTERN } from '../computed/identifiers';
// The npm package's file by name: a bare 'punycode' would be Node's deprecated built-in module.
import punycode from 'punycode/punycode.js';

export const MAX_SERVICE_URL_LENGTH = 2048;

/** Turns every `xn--` label of a host into Unicode (RFC 3492); a label that is not valid punycode stays as it is. */
export function hostToUnicode(host: string): string {
  return host.split('.').map((label) => {
    if (!label.toLowerCase().startsWith('xn--')) return label;
    try {
      return punycode.decode(label.slice(4));
    } catch {
      return label;
    }
  }).join('.');
}

export type ServiceUrlProblemCode =
  | 'invalidUrl'
  | 'insecureScheme'
  | 'userinfo'
  | 'nonDefaultPort'
  | 'trailingDot'
  | 'lookalikeHost'
  | 'dotSegments'
  | 'malformed'
  | 'unknownHost';

export interface ServiceUrlProblem {
  code: ServiceUrlProblemCode;
  message: string;
}

export type RegionKind = 'regional' | 'global' | 'legacy' | 'unconfirmed' | 'none';

export interface ServiceUrlAnalysis {
  /** The input as given (trimmed, capped). */
  input: string;
  parsed: boolean;
  scheme: string | null;
  /** Host after URL parsing (lower case, IDN as punycode, trailing dot kept). */
  host: string | null;
  port: number | null;
  /** Path after URL parsing (dot segments resolved). */
  path: string | null;
  /** The host alone is a Teams serviceUrl host. */
  hostKnown: boolean;
  /** Everything checks out: a genuine-looking Teams serviceUrl. */
  recognized: boolean;
  cloud: CloudId | null;
  cloudName: string | null;
  /** First path segment, lower case, or null. */
  region: string | null;
  regionName: string | null;
  regionKind: RegionKind;
  regionConfirmed: boolean;
  /** A second path segment that looks like a tenant id (seen in third-party code; UNCONFIRMED). */
  tenantSegment: boolean;
  /** The Teams host this one imitates, when it looks like one but is not. */
  lookalikeOf: string | null;
  problems: ServiceUrlProblem[];
  /** What is in transit / at rest, and where, for this path and cloud (empty when not recognised). */
  residency: readonly ResidencyStatement[];
}

const KNOWN_HOSTS: ReadonlyMap<string, CloudId> = new Map(SERVICE_URL_HOSTS.map((h) => [h.host, h.cloud]));

/** Latin look-alikes of common Cyrillic and Greek letters (enough to spot a spoofed Teams host). */
const CONFUSABLES: Readonly<Record<string, string>> = {
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's',
  'ԁ': 'd', 'һ': 'h', 'ӏ': 'l', 'ո': 'n', 'м': 'm', 'т': 't', 'в': 'b', 'к': 'k', 'н': 'h',
  'α': 'a', 'ο': 'o', 'ρ': 'p', 'ν': 'v', 'τ': 't', 'ι': 'i', 'κ': 'k', 'μ': 'm', 'ε': 'e',
};

function skeleton(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC').toLowerCase()) out += CONFUSABLES[ch] ?? ch;
  return out;
}

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** The Teams host `host` imitates (by prefix, suffix, look-alike letters or a typo), if any. */
function lookalike(host: string, rawHost: string | null, userinfo: string): string | null {
  const bare = host.replace(/\.$/, '');
  const candidates = [bare, skeleton(hostToUnicode(bare)), ...(rawHost ? [skeleton(rawHost).replace(/\.$/, '')] : [])];
  const info = userinfo.toLowerCase();
  for (const known of KNOWN_HOSTS.keys()) if (info.includes(known)) return known;
  for (const known of KNOWN_HOSTS.keys()) {
    for (const c of candidates) {
      if (c === known && c !== host) return known; // trailing dot or look-alike letters
      if (c !== known && (c.startsWith(`${known}.`) || c.endsWith(`.${known}`) || c.endsWith(`-${known}`) || c.endsWith(known))) return known;
      if (c !== known && editDistance(c, known, 2) <= 2) return known;
    }
  }
  return null;
}

/** The authority as written in the input (between "//" and the next "/", "?", "#" or "\"), or null. */
function rawAuthority(input: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:[/\\]{2}([^/?#\\]*)/i.exec(input);
  return m ? (m[1] as string) : null;
}

function rawHostOf(authority: string | null): string | null {
  if (authority === null) return null;
  const afterAt = authority.slice(authority.lastIndexOf('@') + 1);
  if (afterAt.startsWith('[')) return afterAt;
  const colon = afterAt.lastIndexOf(':');
  return colon >= 0 ? afterAt.slice(0, colon) : afterAt;
}

function regionFor(host: string, segment: string | undefined): { region: string | null; entry: ServiceUrlRegion | undefined } {
  if (!segment) return { region: null, entry: undefined };
  let decoded = segment;
  try { decoded = decodeURIComponent(segment); } catch { /* keep as written */ }
  const region = decoded.toLowerCase();
  return { region, entry: SERVICE_URL_REGIONS.find((r) => r.path === region && r.hosts.includes(host)) };
}

function empty(input: string, problem: ServiceUrlProblem): ServiceUrlAnalysis {
  return {
    input, parsed: false, scheme: null, host: null, port: null, path: null, hostKnown: false, recognized: false,
    cloud: null, cloudName: null, region: null, regionName: null, regionKind: 'none', regionConfirmed: false,
    tenantSegment: false, lookalikeOf: null, problems: [problem], residency: [],
  };
}

/** Replaces user info (which may hold a password) with "***" so the URL can be shown and reported. */
export function redactServiceUrl(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:[/\\]{2})([^/?#\\]*@)/i, '$1***@');
}

/** Analyses a serviceUrl. Never throws; every oddity is a problem in the result. */
export function analyzeServiceUrl(value: string): ServiceUrlAnalysis {
  const raw = String(value ?? '').trim().slice(0, MAX_SERVICE_URL_LENGTH + 1);
  const result = analyze(raw);
  return { ...result, input: redactServiceUrl(result.input) };
}

function analyze(input: string): ServiceUrlAnalysis {
  if (!input) return empty(input, { code: 'invalidUrl', message: 'No serviceUrl was given.' });
  if (input.length > MAX_SERVICE_URL_LENGTH) {
    return empty(input.slice(0, 64), { code: 'invalidUrl', message: `The serviceUrl is longer than ${MAX_SERVICE_URL_LENGTH} characters.` });
  }
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return empty(input, { code: 'invalidUrl', message: 'This is not an absolute URL (a serviceUrl looks like https://smba.trafficmanager.net/emea/).' });
  }
  const problems: ServiceUrlProblem[] = [];
  const scheme = url.protocol.replace(/:$/, '');
  const host = url.hostname.toLowerCase();
  const port = url.port ? Number(url.port) : null;
  const authority = rawAuthority(input);
  const rawHost = rawHostOf(authority);

  // Characters that different URL parsers read differently.
  if (/[\\\s\u0000-\u001f\u007f]/.test(input)) {
    problems.push({ code: 'malformed', message: 'The URL contains backslashes, spaces or control characters, which URL parsers disagree about.' });
  }
  if (scheme !== 'https') {
    problems.push({ code: 'insecureScheme', message: `The scheme is ${scheme}:, not https:; Teams serviceUrls are always https.` });
  }
  if (url.username || url.password || (authority !== null && authority.includes('@'))) {
    problems.push({ code: 'userinfo', message: 'The URL carries user info ("…@") before the host; Teams serviceUrls never do, and it is a classic way to disguise the real host.' });
  }
  if (port !== null) {
    problems.push({ code: 'nonDefaultPort', message: `The URL names port ${port}; Teams serviceUrls use the default https port.` });
  }
  if (host.endsWith('.')) {
    problems.push({ code: 'trailingDot', message: 'The host ends with a dot; Teams never sends that form and exact host allowlists do not match it.' });
  }
  const rawPath = authority !== null ? input.slice(input.indexOf(authority) + authority.length).split(/[?#]/)[0] ?? '' : '';
  if (/(^|[/\\])(\.|%2e){1,2}([/\\]|$)/i.test(rawPath) || /%2e%2e|\.%2e|%2e\./i.test(rawPath)) {
    problems.push({ code: 'dotSegments', message: `The path as written contains dot segments; it resolves to ${url.pathname}.` });
  }

  const cloud = KNOWN_HOSTS.get(host) ?? null;
  const hostKnown = cloud !== null;
  const userinfo = authority !== null && authority.includes('@') ? authority.slice(0, authority.lastIndexOf('@')) : '';
  const lookalikeOf = hostKnown ? null : lookalike(host, rawHost, userinfo);
  if (!hostKnown) {
    if (lookalikeOf) {
      problems.push({ code: 'lookalikeHost', message: `${host} imitates the Teams host ${lookalikeOf} but is a different host.` });
    }
    problems.push({ code: 'unknownHost', message: `${host || '(no host)'} is not a Teams serviceUrl host.` });
  }

  const segments = url.pathname.split('/').filter(Boolean);
  const { region, entry } = hostKnown ? regionFor(host, segments[0]) : { region: null, entry: undefined };
  const regionKind: RegionKind = !hostKnown || region === null ? 'none' : entry ? entry.kind : 'unconfirmed';
  const recognized = hostKnown && problems.length === 0;
  const tenantSegment = hostKnown && GUID_PATTERN.test(segments[1] ?? '');
  const residency: ResidencyStatement[] = [];
  if (recognized && cloud) {
    const path = PATH_STATEMENTS[regionKind];
    const fill = (t: string): string => t.replace(/\{\{region\}\}/g, region ?? '').replace(/\{\{regionName\}\}/g, entry?.name ?? '');
    residency.push({ ...path, text: fill(path.text) });
    if (tenantSegment) residency.push(TENANT_SEGMENT_STATEMENT);
    residency.push(...RESIDENCY_STATEMENTS[cloud]);
  }
  return {
    input,
    parsed: true,
    scheme,
    host,
    port,
    path: url.pathname,
    hostKnown,
    recognized,
    cloud,
    cloudName: cloud ? CLOUD_PRESETS[cloud].name : null,
    region,
    regionName: entry?.name ?? null,
    regionKind,
    regionConfirmed: Boolean(entry?.confirmed),
    tenantSegment,
    lookalikeOf,
    problems,
    residency,
  };
}
