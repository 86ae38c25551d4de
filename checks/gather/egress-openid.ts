/**
 * Evidence `EgressOpenIdMetadata`: the Bot Framework OpenID metadata document of the cloud and
 * the signing keys (JWKS) it points to, fetched from the bot's host the way the SDKs fetch them
 * (through the proxy when one is configured). Records what each key is endorsed for, and the
 * servers' Date headers against the local clock.
 */
import { getCloud, type EgressCloudId } from '../core/clouds';
import { defineGatherer, type GatherContext, type Gatherer } from '../core/gatherer';
import {
  budgetSignal, egressPlan, egressTimeouts, mappedUrl, probeError, trustOptions,
  EGRESS_BUDGET_MS, type EgressNetwork, type EgressPlan,
} from './egress-config';
import { safeRequest } from './net/index';
import './egress-hosts';

export interface HttpFetchEvidence {
  url: string;
  via: 'direct' | 'proxy';
  ok: boolean;
  status?: number;
  contentType?: string;
  /** Where a 3xx answer pointed (redirects are reported, never followed). */
  location?: string;
  bytes?: number;
  truncated?: boolean;
  ms?: number;
  /** The server's Date header, as sent. */
  serverDate?: string;
  /** Local clock when the response headers arrived (ISO). */
  localTime?: string;
  failedPhase?: string;
  error?: { code: string; osCode?: string; message: string };
}

export interface JwkSummary {
  kid: string | null;
  kty: string | null;
  /** RSA modulus and exponent present (keys without them are ignored by the SDK). */
  rsa: boolean;
  /** The non-standard Bot Framework `endorsements` list, or null when absent. */
  endorsements: string[] | null;
}

export interface EgressOpenIdEvidence {
  cloud: EgressCloudId;
  expected: { metadataUrl: string; issuer: string; jwksUrl: string };
  metadata: HttpFetchEvidence & {
    json: boolean;
    parseError?: string;
    issuer?: string;
    jwksUri?: string;
    algorithms?: string[];
  };
  jwks?: HttpFetchEvidence & {
    /** Which URL was fetched: the metadata's jwks_uri, or the documented one when jwks_uri was unusable. */
    from: 'metadata' | 'documented';
    json: boolean;
    parseError?: string;
    keys: JwkSummary[];
  };
}

declare module '../core/evidence' {
  interface EvidenceMap {
    EgressOpenIdMetadata: EgressOpenIdEvidence;
  }
}

const METADATA_MAX_BYTES = 64 * 1024;
const JWKS_MAX_BYTES = 256 * 1024;

async function fetchJson(
  url: string, plan: EgressPlan, network: EgressNetwork, signal: AbortSignal, maxBodyBytes: number, now: () => Date, extraCa: string | undefined,
): Promise<{ fetch: HttpFetchEvidence; body?: string }> {
  const target = mappedUrl(network, url);
  const port = target.port ? Number(target.port) : 443;
  const proxy = plan.proxyFor(target.hostname, port);
  const base = { url, via: proxy ? 'proxy' as const : 'direct' as const };
  try {
    const res = await safeRequest(target, {
      allowPrivate: true,
      ...(network.lookup ? { lookup: network.lookup } : {}),
      ...(proxy ? { proxy } : {}),
      timeouts: egressTimeouts(network),
      signal,
      maxBodyBytes,
      headers: { accept: 'application/json' },
      ...trustOptions(network, extraCa),
    });
    const headersAt = now();
    return {
      fetch: {
        ...base,
        ok: res.status >= 200 && res.status < 300,
        status: res.status,
        ...(res.headers['content-type'] ? { contentType: res.headers['content-type'] } : {}),
        ...(res.location ? { location: res.location.slice(0, 500) } : {}),
        bytes: res.bodyBytes,
        truncated: res.truncated,
        ms: res.timings.totalMs,
        ...(res.headers.date ? { serverDate: res.headers.date } : {}),
        localTime: new Date(headersAt.getTime() - res.timings.bodyMs).toISOString(),
      },
      body: res.body,
    };
  } catch (err) {
    const info = probeError(err, network.budgetMs ?? EGRESS_BUDGET_MS);
    return {
      fetch: {
        ...base,
        ok: false,
        ...(info.phase ? { failedPhase: info.phase } : {}),
        error: { code: info.code, ...(info.osCode ? { osCode: info.osCode } : {}), message: info.message },
      },
    };
  }
}

function parse(body: string | undefined, truncated: boolean | undefined): { value?: unknown; error?: string } {
  if (body === undefined) return { error: 'no body' };
  if (truncated) return { error: 'the document is larger than the size limit' };
  try {
    return { value: JSON.parse(body) as unknown };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function summariseKeys(value: unknown): JwkSummary[] | undefined {
  if (!isObject(value) || !Array.isArray(value.keys)) return undefined;
  return value.keys.slice(0, 100).map((k): JwkSummary => {
    const o = isObject(k) ? k : {};
    const endorsements = Array.isArray(o.endorsements) ? o.endorsements.filter((e): e is string => typeof e === 'string').slice(0, 50) : null;
    return {
      kid: typeof o.kid === 'string' ? o.kid.slice(0, 200) : null,
      kty: typeof o.kty === 'string' ? o.kty : null,
      rsa: typeof o.n === 'string' && o.n.length > 0 && typeof o.e === 'string' && o.e.length > 0,
      endorsements,
    };
  });
}

/** Only follow jwks_uri to an https URL on the documented JWKS host: a proxy could rewrite the document. */
function usableJwksUri(uri: string | undefined, documented: string): boolean {
  if (!uri) return false;
  try {
    const u = new URL(uri);
    return u.protocol === 'https:' && u.hostname === new URL(documented).hostname && !u.username && !u.password;
  } catch {
    return false;
  }
}

/**
 * A signal that aborts as soon as the host probes show the metadata host unreachable, so a
 * blackholed host or proxy is not waited for twice. The probe's failure becomes the reason.
 */
function stopWhenHostDown(ctx: GatherContext, host: string): AbortSignal {
  const controller = new AbortController();
  ctx.get('EgressHosts').then((e) => {
    const probe = e.probes.find((p) => p.host === host);
    if (probe && !probe.ok) {
      const why = (probe.error?.message ?? `the ${probe.failedPhase ?? 'connection'} phase failed`).replace(/\.+$/, '');
      controller.abort(Object.assign(new Error(`the host did not answer the reachability probe (${why}); see egress-fqdn`), {
        code: probe.error?.code ?? 'CHK_ERR_PROBE_NETWORK',
        ...(probe.error?.osCode ? { osCode: probe.error.osCode } : {}),
        phase: probe.failedPhase ?? 'connect',
      }));
    }
  }, () => undefined);
  return controller.signal;
}

export function egressOpenIdGatherer(network: EgressNetwork = {}): Gatherer<'EgressOpenIdMetadata'> {
  return defineGatherer({
    id: 'EgressOpenIdMetadata',
    environments: ['node'],
    async gather(ctx) {
      const plan = egressPlan(ctx.input.egress);
      const cloud = getCloud(plan.cloud);
      const expected = { metadataUrl: cloud.openIdMetadataUrl.value, issuer: cloud.tokenIssuer.value, jwksUrl: cloud.jwksUrl.value };
      const budget = budgetSignal(ctx, network, stopWhenHostDown(ctx, new URL(expected.metadataUrl).hostname));
      const signal = budget.signal;
      try {
        const m = await fetchJson(expected.metadataUrl, plan, network, signal, METADATA_MAX_BYTES, ctx.now, ctx.options.ca);
        const parsed = m.fetch.ok ? parse(m.body, m.fetch.truncated) : {};
        const doc = isObject(parsed.value) ? parsed.value : undefined;
        const metadata: EgressOpenIdEvidence['metadata'] = {
          ...m.fetch,
          json: doc !== undefined,
          ...(m.fetch.ok && !doc ? { parseError: parsed.error ?? 'the document is not a JSON object' } : {}),
          ...(typeof doc?.issuer === 'string' ? { issuer: doc.issuer.slice(0, 500) } : {}),
          ...(typeof doc?.jwks_uri === 'string' ? { jwksUri: doc.jwks_uri.slice(0, 2000) } : {}),
          ...(Array.isArray(doc?.id_token_signing_alg_values_supported)
            ? { algorithms: (doc.id_token_signing_alg_values_supported as unknown[]).filter((a): a is string => typeof a === 'string').slice(0, 20) }
            : {}),
        };
        if (m.fetch.error) {
          // The metadata host is unreachable: the JWKS is on the same host, no second wait.
          return { cloud: plan.cloud, expected, metadata };
        }
        const fromMetadata = usableJwksUri(metadata.jwksUri, expected.jwksUrl);
        const jwksUrl = fromMetadata ? (metadata.jwksUri as string) : expected.jwksUrl;
        const j = await fetchJson(jwksUrl, plan, network, signal, JWKS_MAX_BYTES, ctx.now, ctx.options.ca);
        const jp = j.fetch.ok ? parse(j.body, j.fetch.truncated) : {};
        const keys = summariseKeys(jp.value);
        return {
          cloud: plan.cloud,
          expected,
          metadata,
          jwks: {
            ...j.fetch,
            from: fromMetadata ? 'metadata' : 'documented',
            json: keys !== undefined,
            ...(j.fetch.ok && keys === undefined ? { parseError: jp.error ?? 'the document has no "keys" array' } : {}),
            keys: keys ?? [],
          },
        };
      } finally {
        budget.dispose();
      }
    },
  });
}
