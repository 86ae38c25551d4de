/**
 * Microsoft clouds a Teams bot can live in, with the endpoints, hosts and scopes each one uses.
 * Pure data and pure helpers (no node: imports): the docs pages, the browser checks, the CLI
 * (egress, allowlist, residency) and the registration checks all read this one module.
 *
 * Every value carries its public source(s) and `confirmed`. `confirmed: false` marks a value
 * that comes from secondary material or is inferred (for example by pattern); a check built on it
 * may at most warn, and must say the fact is unconfirmed.
 */
import type { SourceRef } from '../data/sources';
import {
  CLOUD_PRESETS, FQDN_ENTRIES, REGIONAL_BOT_ENDPOINTS, SERVICE_URL_HOSTS, SERVICE_URL_REGIONS,
} from '../data/clouds';

export type { SourceRef } from '../data/sources';
export { SOURCES } from '../data/sources';

/** Every cloud we know about. `china` (21Vianet) is reported (residency, docs) but not probed. */
export type CloudId = 'public' | 'gcc' | 'gcch' | 'dod' | 'china';
export const CLOUD_IDS: readonly CloudId[] = ['public', 'gcc', 'gcch', 'dod', 'china'];
/** Clouds the egress and allowlist commands accept. */
export type EgressCloudId = Exclude<CloudId, 'china'>;
export const EGRESS_CLOUD_IDS: readonly EgressCloudId[] = ['public', 'gcc', 'gcch', 'dod'];

/** What the bot does; `messaging` is always on, the others are opt-in (`--calling`, `--sso`, `--graph`). */
export type Feature = 'messaging' | 'calling' | 'sso' | 'graph';
export const FEATURES: readonly Feature[] = ['messaging', 'calling', 'sso', 'graph'];

/** Regions of a regional (data-residency) Azure Bot; `global` bots use the worldwide hosts. */
export type BotRegion = 'europe' | 'unitedstates' | 'india';
export const BOT_REGIONS: readonly BotRegion[] = ['europe', 'unitedstates', 'india'];

/** A value with the public source(s) it comes from. */
export interface SourcedValue {
  value: string;
  sources: readonly SourceRef[];
  /** false: from secondary material or inferred; checks built on it only warn and say so. */
  confirmed: boolean;
  note?: string;
}

export interface CloudPreset {
  id: CloudId;
  /** Display name, e.g. "Microsoft 365 GCC High". */
  name: string;
  /** Short label for tables, e.g. "GCC High". */
  shortName: string;
  description: string;
  /** Whether `botflow egress` / `botflow allowlist` accept this cloud. */
  egress: boolean;
  /** The Teams SDK (teams.ts) preset this cloud maps to. */
  teamsSdkPreset: 'PUBLIC' | 'US_GOV' | 'US_GOV_DOD' | 'CHINA';
  /** Inbound: OpenID metadata document the bot fetches to validate Bot Connector tokens. */
  openIdMetadataUrl: SourcedValue;
  /** Inbound: signing keys (the metadata's `jwks_uri` is authoritative at run time). */
  jwksUrl: SourcedValue;
  /** Inbound: exact `iss` of Bot Connector tokens. */
  tokenIssuer: SourcedValue;
  /** Outbound: Entra authority (scheme + host) the bot gets its own token from. */
  loginAuthority: SourcedValue;
  /** Outbound: tenant used in the token URL by multi-tenant bots. */
  multiTenantLoginTenant: SourcedValue;
  /** Outbound: scope of the bot's token for calls to serviceUrl. */
  botOAuthScope: SourcedValue;
  /** User-token (OAuth / SSO) service base URLs; the first is the primary. */
  userTokenServiceUrls: readonly SourcedValue[];
  /** OAuth redirect URL to register on identity providers. */
  oauthRedirectUrl: SourcedValue;
  /** `ChannelService` setting of the SDKs (empty for the public cloud). */
  channelService: SourcedValue | null;
  /** Global serviceUrl for proactive messages when no conversation gave one. */
  proactiveServiceUrl: SourcedValue | null;
  /** Microsoft Graph service root and `.default` scope. */
  graphBaseUrl: SourcedValue;
  graphScope: SourcedValue;
  /** Azure Resource Manager base URL (registration checks, live ARM reads). */
  armBaseUrl: SourcedValue;
}

/** One host a bot talks to (outbound) for a cloud and feature. */
export interface FqdnEntry {
  /** Lower-case host name; `*.` prefix for wildcard allowlist entries (never probed). */
  host: string;
  port: 443;
  clouds: readonly CloudId[];
  /** Selected when any of these features is selected. */
  features: readonly Feature[];
  /** Only for regional bots in this region. */
  region?: BotRegion;
  purpose: string;
  /** false: needed only in some set-ups (see note); a probe failure warns instead of failing. */
  required: boolean;
  /** false: allowlist only, `botflow egress` does not probe it (wildcards are never probed). */
  probe?: boolean;
  sources: readonly SourceRef[];
  confirmed: boolean;
  note?: string;
}

/** A host Teams uses in `serviceUrl`. */
export interface ServiceUrlHost {
  host: string;
  cloud: CloudId;
  purpose: string;
  sources: readonly SourceRef[];
  confirmed: boolean;
  note?: string;
}

/** A first path segment of a Teams serviceUrl. */
export interface ServiceUrlRegion {
  /** First path segment, lower case (e.g. `emea`). */
  path: string;
  name: string;
  /** Hosts on which this path is documented. */
  hosts: readonly string[];
  /** `global` for the proactive / cross-region path. */
  kind: 'regional' | 'global' | 'legacy';
  sources: readonly SourceRef[];
  confirmed: boolean;
  note?: string;
}

export interface RegionalBotEndpoints {
  region: BotRegion;
  name: string;
  /** Azure location of the regional bot resource (`location` on the ARM resource). */
  azureLocation: SourcedValue;
  tokenServiceUrl: SourcedValue;
  sdkOAuthUrl: SourcedValue;
  directLineHost: SourcedValue | null;
}

export { CLOUD_PRESETS, FQDN_ENTRIES, REGIONAL_BOT_ENDPOINTS, SERVICE_URL_HOSTS, SERVICE_URL_REGIONS };

export function isCloudId(value: string): value is CloudId {
  return (CLOUD_IDS as readonly string[]).includes(value);
}
export function isEgressCloudId(value: string): value is EgressCloudId {
  return (EGRESS_CLOUD_IDS as readonly string[]).includes(value);
}
export function isBotRegion(value: string): value is BotRegion {
  return (BOT_REGIONS as readonly string[]).includes(value);
}

export function getCloud(id: CloudId): CloudPreset {
  return CLOUD_PRESETS[id];
}

/** The plain values of a preset (no sources): what an SDK or ARM client needs. */
export interface CloudEndpoints {
  cloud: CloudId;
  openIdMetadataUrl: string;
  jwksUrl: string;
  tokenIssuer: string;
  loginAuthority: string;
  loginAuthorityHost: string;
  multiTenantLoginTenant: string;
  /** `<authority>/<tenant>/oauth2/v2.0/token`; pass the bot's tenant for single-tenant and MSI bots. */
  tokenEndpoint: string;
  botOAuthScope: string;
  userTokenServiceUrl: string;
  oauthRedirectUrl: string;
  channelService: string | null;
  proactiveServiceUrl: string | null;
  serviceUrlHosts: string[];
  graphBaseUrl: string;
  graphScope: string;
  armBaseUrl: string;
}

export function cloudEndpoints(id: CloudId, tenant?: string): CloudEndpoints {
  const c = CLOUD_PRESETS[id];
  const authority = c.loginAuthority.value;
  const t = tenant && tenant.trim() ? tenant.trim() : c.multiTenantLoginTenant.value;
  return {
    cloud: id,
    openIdMetadataUrl: c.openIdMetadataUrl.value,
    jwksUrl: c.jwksUrl.value,
    tokenIssuer: c.tokenIssuer.value,
    loginAuthority: authority,
    loginAuthorityHost: new URL(authority).host,
    multiTenantLoginTenant: c.multiTenantLoginTenant.value,
    tokenEndpoint: `${authority}/${encodeURIComponent(t)}/oauth2/v2.0/token`,
    botOAuthScope: c.botOAuthScope.value,
    userTokenServiceUrl: (c.userTokenServiceUrls[0] as SourcedValue).value,
    oauthRedirectUrl: c.oauthRedirectUrl.value,
    channelService: c.channelService?.value ?? null,
    proactiveServiceUrl: c.proactiveServiceUrl?.value ?? null,
    serviceUrlHosts: serviceUrlHostsFor(id).map((h) => h.host),
    graphBaseUrl: c.graphBaseUrl.value,
    graphScope: c.graphScope.value,
    armBaseUrl: c.armBaseUrl.value,
  };
}

export function serviceUrlHostsFor(id: CloudId): ServiceUrlHost[] {
  return SERVICE_URL_HOSTS.filter((h) => h.cloud === id);
}

export interface FqdnSelection {
  cloud: CloudId;
  /** `messaging` is always included. */
  features?: readonly Feature[];
  /** Include the regional hosts of a regional bot. */
  region?: BotRegion;
}

/** The hosts a bot needs for a cloud, its features and (optionally) its bot region, in data order. */
export function selectFqdns(selection: FqdnSelection): FqdnEntry[] {
  const features = new Set<Feature>(['messaging', ...(selection.features ?? [])]);
  return FQDN_ENTRIES.filter((e) =>
    e.clouds.includes(selection.cloud)
    && e.features.some((f) => features.has(f))
    && (e.region === undefined || e.region === selection.region));
}

export function isWildcardHost(host: string): boolean {
  return host.startsWith('*.');
}
