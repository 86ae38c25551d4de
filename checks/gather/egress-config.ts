/**
 * Shared set-up of the egress gatherers: what the run checks (cloud, features, proxy settings
 * from the environment) and how it reaches the network (resolver, ports, trust stores, limits),
 * injectable so tests map the Microsoft host names to local TLS servers.
 */
import { rootCertificates } from 'node:tls';
import { InvalidInputError } from '../core/errors';
import {
  EGRESS_CLOUD_IDS, FEATURES, isBotRegion, isEgressCloudId, selectFqdns, isWildcardHost,
  type BotRegion, type EgressCloudId, type Feature, type FqdnEntry,
} from '../core/clouds';
import type { GatherContext } from '../core/gatherer';
import {
  describeProxy, linkedDeadline, proxyForTarget, proxySettingsFromEnv, type Deadline, type LookupFn, type PhaseTimeouts, type ProxyConfig,
} from './net/index';

export interface EgressInput {
  cloud: EgressCloudId;
  /** Extra features (messaging is always checked). */
  features?: Feature[];
  /** Regional bot: adds the regional token hosts. */
  region?: BotRegion;
  /** Proxy variables from the bot's environment (HTTPS_PROXY, NO_PROXY, either case). Never reported as given. */
  proxyEnv?: Record<string, string>;
}

declare module '../core/evidence' {
  interface CheckInput {
    /** Egress suite (CLI only): cloud, features and proxy environment of the bot's host. */
    egress?: EgressInput;
  }
}

/** How the egress gatherers reach the network. Defaults are the real thing. */
export interface EgressNetwork {
  /** Name resolution (default: the system resolver). */
  lookup?: LookupFn;
  /** Port to connect to for a host (default 443; tests map hosts to local servers). */
  portFor?: (host: string) => number;
  /** Roots a connection trusts (default: Node's default store, which includes NODE_EXTRA_CA_CERTS). */
  trustedRoots?: readonly string[];
  /** Roots that count as a public chain (default: the Mozilla roots bundled with Node). */
  publicRoots?: readonly string[];
  timeouts?: Partial<PhaseTimeouts>;
  /** Budget of each egress gatherer in ms (everything it does, all hosts concurrently). */
  budgetMs?: number;
}

/** Limits chosen so that a run where every host is blackholed still ends within 10 s. */
export const EGRESS_TIMEOUTS: Readonly<PhaseTimeouts> = Object.freeze({ dns: 2_000, connect: 2_500, tls: 2_500, firstByte: 2_500, body: 2_000 });
export const EGRESS_BUDGET_MS = 8_000;
/** Runner limits for the egress suite (the gatherers' own budget is smaller). */
export const EGRESS_DEADLINE_MS = 9_500;
export const EGRESS_GATHERER_TIMEOUT_MS = 9_000;

export interface ProxySummary {
  configured: boolean;
  /** Proxy origin without credentials. */
  proxy?: string;
  /** The variable it came from. */
  source?: string;
  noProxy?: string;
}

export interface EgressPlan {
  cloud: EgressCloudId;
  features: Feature[];
  region?: BotRegion;
  /** Hosts to probe (wildcards and allowlist-only entries left out). */
  entries: FqdnEntry[];
  proxy: ProxySummary;
  proxyFor(host: string, port: number): ProxyConfig | undefined;
}

function envValue(env: Record<string, string>, name: string): { name: string; value: string } | undefined {
  for (const key of [name.toLowerCase(), name.toUpperCase()]) {
    const value = env[key];
    if (typeof value === 'string' && value.trim()) return { name: key, value: value.trim() };
  }
  return undefined;
}

/** Validates the egress input and works out the hosts and proxy use. */
export function egressPlan(input: EgressInput | undefined): EgressPlan {
  if (!input || typeof input !== 'object') throw new InvalidInputError('The egress check needs a cloud (public, gcc, gcch or dod).', { field: 'egress' });
  if (typeof input.cloud !== 'string' || !isEgressCloudId(input.cloud)) {
    throw new InvalidInputError(`Unknown cloud "${String(input.cloud)}"; use one of ${EGRESS_CLOUD_IDS.join(', ')}.`, { field: 'egress.cloud' });
  }
  const extra = input.features ?? [];
  for (const f of extra) {
    if (!(FEATURES as readonly string[]).includes(f)) throw new InvalidInputError(`Unknown feature "${String(f)}"; use ${FEATURES.join(', ')}.`, { field: 'egress.features' });
  }
  if (input.region !== undefined && (!isBotRegion(input.region) || input.cloud !== 'public')) {
    throw new InvalidInputError('A bot region (europe, unitedstates, india) applies to the public cloud only.', { field: 'egress.region' });
  }
  const features = FEATURES.filter((f) => f === 'messaging' || extra.includes(f));
  const entries = selectFqdns({ cloud: input.cloud, features, ...(input.region ? { region: input.region } : {}) })
    .filter((e) => !isWildcardHost(e.host) && e.probe !== false);
  const env = input.proxyEnv ?? {};
  const settings = proxySettingsFromEnv(env);
  const https = envValue(env, 'https_proxy') ?? envValue(env, 'all_proxy');
  const noProxy = envValue(env, 'no_proxy');
  const proxy: ProxySummary = https
    ? { configured: true, proxy: describeProxy({ url: settings?.url ?? '' }), source: https.name, ...(noProxy ? { noProxy: noProxy.value } : {}) }
    : { configured: false, ...(noProxy ? { noProxy: noProxy.value } : {}) };
  return {
    cloud: input.cloud,
    features,
    ...(input.region ? { region: input.region } : {}),
    entries,
    proxy,
    proxyFor: (host, port) => proxyForTarget(settings, new URL(`https://${host}:${port}/`)),
  };
}

export function portOf(network: EgressNetwork, host: string): number {
  return network.portFor ? network.portFor(host) : 443;
}

/** The URL to request for `url`, with the test port mapping applied. */
export function mappedUrl(network: EgressNetwork, url: string): URL {
  const u = new URL(url);
  if (network.portFor) u.port = String(network.portFor(u.hostname));
  return u;
}

/** TLS trust options for connections: the injected roots only, or Node's default store. */
export function trustOptions(network: EgressNetwork, extraCa?: string): { ca?: string[]; caOnly?: boolean } {
  const extra = extraCa ? [extraCa] : [];
  if (network.trustedRoots) return { ca: [...network.trustedRoots, ...extra], caOnly: true };
  return extra.length ? { ca: extra } : {};
}

export function publicRootsOf(network: EgressNetwork): readonly string[] {
  return network.publicRoots ?? rootCertificates;
}

/**
 * A signal that aborts when the run does, when any of `stops` does, or when the gatherer's budget
 * is spent. The gatherer disposes of it when it is done.
 */
export function budgetSignal(ctx: Pick<GatherContext, 'signal'>, network: EgressNetwork, ...stops: AbortSignal[]): Deadline {
  return linkedDeadline([ctx.signal, ...stops], network.budgetMs ?? EGRESS_BUDGET_MS, 'The egress probes');
}

export function egressTimeouts(network: EgressNetwork): PhaseTimeouts {
  return { ...EGRESS_TIMEOUTS, ...(network.timeouts ?? {}) };
}

/** `{ code, osCode?, phase?, message }` of anything a probe threw. */
export function probeError(err: unknown, budgetMs: number): { code: string; osCode?: string; phase?: string; message: string } {
  const e = err as { code?: unknown; osCode?: unknown; phase?: unknown; message?: unknown; name?: unknown };
  if (e && (e.name === 'TimeoutError' || e.name === 'AbortError') && typeof e.code !== 'string') {
    return { code: 'CHK_ERR_PROBE_TIMEOUT', phase: 'budget', message: `The probe did not finish within the ${budgetMs} ms budget.` };
  }
  return {
    code: typeof e?.code === 'string' ? e.code : 'CHK_ERR_PROBE_NETWORK',
    ...(typeof e?.osCode === 'string' ? { osCode: e.osCode } : {}),
    ...(typeof e?.phase === 'string' ? { phase: e.phase } : {}),
    message: typeof e?.message === 'string' ? e.message : String(err),
  };
}
