/**
 * The data behind `clouds.ts`: one entry per endpoint, host and serviceUrl path, each with its
 * public source and whether it is confirmed. Edit here; every page, check and export follows.
 */
import type {
  CloudId, CloudPreset, FqdnEntry, RegionalBotEndpoints, ServiceUrlHost, ServiceUrlRegion, SourcedValue,
} from '../core/clouds';
import { SOURCES as S, type SourceRef } from './sources';

function v(value: string, sources: readonly SourceRef[], extra: { confirmed?: boolean; note?: string } = {}): SourcedValue {
  return { value, sources, confirmed: extra.confirmed ?? true, ...(extra.note ? { note: extra.note } : {}) };
}

const GCC_NOTE = 'GCC tenants use the worldwide Bot Framework and Entra endpoints: the Teams SDK places GCC in its PUBLIC preset.';

const PUBLIC_BOT_FRAMEWORK = {
  openIdMetadataUrl: v('https://login.botframework.com/v1/.well-known/openidconfiguration', [S.connectorAuth, S.botbuilderAuthConstants, S.teamsSdkClouds]),
  jwksUrl: v('https://login.botframework.com/v1/.well-known/keys', [S.connectorAuth, S.agentsJwtMiddleware]),
  tokenIssuer: v('https://api.botframework.com', [S.connectorAuth, S.teamsSdkClouds]),
  loginAuthority: v('https://login.microsoftonline.com', [S.connectorAuth, S.teamsSdkClouds, S.graphDeployments]),
  multiTenantLoginTenant: v('botframework.com', [S.connectorAuth, S.teamsSdkClouds]),
  botOAuthScope: v('https://api.botframework.com/.default', [S.connectorAuth, S.teamsSdkClouds]),
  userTokenServiceUrls: [
    v('https://token.botframework.com', [S.teamsSdkClouds, S.oauthRedirectUrls]),
    v('https://api.botframework.com', [S.botbuilderAuthConstants], {
      note: 'Default OAuthUrl of botbuilder-js; the Teams SDK and the Host Settings API use token.botframework.com.',
    }),
  ],
  oauthRedirectUrl: v('https://token.botframework.com/.auth/web/redirect', [S.oauthRedirectUrls, S.teamsSdkClouds]),
  channelService: null,
  graphBaseUrl: v('https://graph.microsoft.com', [S.graphDeployments]),
  graphScope: v('https://graph.microsoft.com/.default', [S.graphDeployments]),
  armBaseUrl: v('https://management.azure.com', [S.armBotService, S.azureSdkArmClouds]),
} as const;

const US_GOV_COMMON = {
  openIdMetadataUrl: v('https://login.botframework.azure.us/v1/.well-known/openidconfiguration', [S.govCloud, S.botbuilderGovConstants, S.teamsSdkClouds]),
  jwksUrl: v('https://login.botframework.azure.us/v1/.well-known/keys', [S.agentsJwtMiddleware]),
  tokenIssuer: v('https://api.botframework.us', [S.govCloud, S.botbuilderGovConstants, S.teamsSdkClouds]),
  loginAuthority: v('https://login.microsoftonline.us', [S.govCloud, S.teamsSdkClouds, S.graphDeployments]),
  multiTenantLoginTenant: v('MicrosoftServices.onmicrosoft.us', [S.govCloud, S.teamsSdkClouds]),
  botOAuthScope: v('https://api.botframework.us/.default', [S.govCloud, S.teamsSdkClouds]),
  channelService: v('https://botframework.azure.us', [S.govCloud, S.teamsSdkClouds]),
  armBaseUrl: v('https://management.usgovcloudapi.net', [S.azureGovCompare, S.azureSdkArmClouds]),
} as const;

export const CLOUD_PRESETS: Readonly<Record<CloudId, CloudPreset>> = {
  public: {
    id: 'public',
    name: 'Microsoft 365 worldwide (public cloud)',
    shortName: 'Worldwide',
    description: 'Commercial Microsoft 365 tenants. Bot Framework, Entra ID, Graph and ARM use their worldwide endpoints.',
    egress: true,
    teamsSdkPreset: 'PUBLIC',
    ...PUBLIC_BOT_FRAMEWORK,
    proactiveServiceUrl: v('https://smba.trafficmanager.net/teams/', [S.agentsProactive, S.connectorAuth]),
  },
  gcc: {
    id: 'gcc',
    name: 'Microsoft 365 Government Community Cloud (GCC)',
    shortName: 'GCC',
    description: `US public-sector tenants on the worldwide infrastructure. ${GCC_NOTE} Graph and the Azure portal stay on the worldwide endpoints; replies go to the GCC Teams host.`,
    egress: true,
    teamsSdkPreset: 'PUBLIC',
    ...PUBLIC_BOT_FRAMEWORK,
    proactiveServiceUrl: v('https://smba.infra.gcc.teams.microsoft.com/teams', [S.proactive, S.agentsProactive]),
  },
  gcch: {
    id: 'gcch',
    name: 'Microsoft 365 GCC High',
    shortName: 'GCC High',
    description: 'US government tenants. Microsoft says bots in Azure Government that connect to Teams must use the Office 365 GCC High environment (DoD has its own settings). Bot Framework, Entra ID, Graph and ARM all use US Government endpoints.',
    egress: true,
    teamsSdkPreset: 'US_GOV',
    ...US_GOV_COMMON,
    userTokenServiceUrls: [
      v('https://tokengcch.botframework.azure.us', [S.govCloud, S.teamsSdkClouds]),
      v('https://api.botframework.azure.us', [S.botbuilderGovConstants, S.botbuilderAuthFactory], {
        note: 'OAuthUrl botbuilder-js uses when only ChannelService is set to the government value; the US Government guide configures tokengcch.botframework.azure.us instead.',
      }),
    ],
    oauthRedirectUrl: v('https://tokengcch.botframework.azure.us/.auth/web/redirect', [S.govCloud, S.teamsSdkClouds]),
    proactiveServiceUrl: v('https://smba.infra.gov.teams.microsoft.us/teams', [S.proactive, S.agentsProactive]),
    graphBaseUrl: v('https://graph.microsoft.us', [S.graphDeployments]),
    graphScope: v('https://graph.microsoft.us/.default', [S.graphDeployments, S.teamsSdkClouds]),
  },
  dod: {
    id: 'dod',
    name: 'Microsoft 365 DoD',
    shortName: 'DoD',
    description: 'US Department of Defense tenants. The US Government guide gives DoD its own settings, sharing most but not all of them with GCC High: the same Bot Framework authority, with DoD-specific token service, Teams and Graph hosts.',
    egress: true,
    teamsSdkPreset: 'US_GOV_DOD',
    ...US_GOV_COMMON,
    userTokenServiceUrls: [
      v('https://apiDoD.botframework.azure.us', [S.govCloud, S.teamsSdkClouds]),
      v('https://api.botframework.azure.us', [S.botbuilderGovConstants, S.botbuilderAuthFactory], {
        note: 'OAuthUrl botbuilder-js uses when only ChannelService is set to the government value; the US Government guide configures apiDoD.botframework.azure.us for DoD.',
      }),
    ],
    oauthRedirectUrl: v('https://apiDoD.botframework.azure.us/.auth/web/redirect', [S.teamsSdkClouds]),
    proactiveServiceUrl: v('https://smba.infra.dod.teams.microsoft.us/teams', [S.proactive, S.agentsProactive]),
    graphBaseUrl: v('https://dod-graph.microsoft.us', [S.graphDeployments]),
    graphScope: v('https://dod-graph.microsoft.us/.default', [S.graphDeployments, S.teamsSdkClouds]),
  },
  china: {
    id: 'china',
    name: 'Microsoft Teams operated by 21Vianet (China)',
    shortName: 'China (21Vianet)',
    description: 'Tenants in the China cloud operated by 21Vianet. Reported for residency and reference only; these endpoints come from the Teams SDK presets and are not probed.',
    egress: false,
    teamsSdkPreset: 'CHINA',
    openIdMetadataUrl: v('https://login.botframework.azure.cn/v1/.well-known/openidconfiguration', [S.teamsSdkClouds]),
    jwksUrl: v('https://login.botframework.azure.cn/v1/.well-known/keys', [S.teamsSdkClouds], {
      confirmed: false,
      note: 'UNCONFIRMED: inferred from the path used by the other clouds; read jwks_uri from the metadata document.',
    }),
    tokenIssuer: v('https://api.botframework.azure.cn', [S.teamsSdkClouds]),
    loginAuthority: v('https://login.partner.microsoftonline.cn', [S.teamsSdkClouds], {
      note: 'The Graph and Entra national-cloud pages list https://login.chinacloudapi.cn for Entra ID in China; the Teams SDK uses login.partner.microsoftonline.cn.',
    }),
    multiTenantLoginTenant: v('microsoftservices.partner.onmschina.cn', [S.teamsSdkClouds]),
    botOAuthScope: v('https://api.botframework.azure.cn/.default', [S.teamsSdkClouds]),
    userTokenServiceUrls: [v('https://token.botframework.azure.cn', [S.teamsSdkClouds, S.oauthRedirectUrls])],
    oauthRedirectUrl: v('https://token.botframework.azure.cn/.auth/web/redirect', [S.teamsSdkClouds, S.oauthRedirectUrls]),
    channelService: v('https://botframework.azure.cn', [S.teamsSdkClouds]),
    proactiveServiceUrl: null,
    graphBaseUrl: v('https://microsoftgraph.chinacloudapi.cn', [S.graphDeployments]),
    graphScope: v('https://microsoftgraph.chinacloudapi.cn/.default', [S.graphDeployments, S.teamsSdkClouds]),
    armBaseUrl: v('https://management.chinacloudapi.cn', [S.azureChinaDevGuide, S.azureSdkArmClouds]),
  },
};

const PUB_GCC: readonly CloudId[] = ['public', 'gcc'];
const GOV: readonly CloudId[] = ['gcch', 'dod'];

function f(entry: Omit<FqdnEntry, 'port' | 'confirmed' | 'required'> & { confirmed?: boolean; required?: boolean }): FqdnEntry {
  return { ...entry, port: 443, required: entry.required ?? true, confirmed: entry.confirmed ?? true };
}

/** Outbound hosts, one entry per host (and per cloud group where purposes differ). */
export const FQDN_ENTRIES: readonly FqdnEntry[] = [
  // Worldwide and GCC
  f({ host: 'login.botframework.com', clouds: PUB_GCC, features: ['messaging'],
    purpose: 'OpenID metadata and signing keys used to validate the tokens the Bot Connector sends to the bot',
    sources: [S.connectorAuth, S.securityFaq] }),
  f({ host: 'login.microsoftonline.com', clouds: PUB_GCC, features: ['messaging'],
    purpose: "Entra ID: the bot's own access token for calls to serviceUrl (and Graph / SSO tokens)",
    sources: [S.connectorAuth, S.securityFaq] }),
  f({ host: 'smba.trafficmanager.net', clouds: PUB_GCC, features: ['messaging'],
    purpose: 'Teams Bot Connector (serviceUrl): replies, proactive messages, conversation members',
    sources: [S.commFlow, S.teamsSdkClouds, S.botFrameworkServices342],
    note: 'The communication-flow article covers worldwide and GCC tenants with this host.' }),
  f({ host: 'smba.infra.gcc.teams.microsoft.com', clouds: ['gcc'], features: ['messaging'],
    purpose: 'Teams Bot Connector for GCC tenants (serviceUrl and proactive messages)',
    sources: [S.proactive, S.teamsSdkClouds, S.agentsProactive] }),
  f({ host: 'smba.onyx.prod.teams.trafficmanager.net', clouds: ['public'], features: ['messaging'],
    purpose: 'Teams serviceUrl host allowed by the Teams SDK',
    sources: [S.teamsSdkClouds], required: false, confirmed: false,
    note: 'UNCONFIRMED: what this host is used for; it is on the Teams SDK allowlist but not in Microsoft documentation.' }),
  f({ host: 'token.botframework.com', clouds: PUB_GCC, features: ['sso'],
    purpose: 'Bot Framework user-token service: OAuth connections and SSO token exchange',
    sources: [S.teamsSdkClouds, S.oauthRedirectUrls] }),
  f({ host: 'api.botframework.com', clouds: PUB_GCC, features: ['sso'],
    purpose: 'User-token service as addressed by botbuilder-js (its default OAuthUrl)',
    sources: [S.botbuilderAuthConstants],
    note: 'Bots built on botbuilder-js call this host; bots on the Teams SDK call token.botframework.com. Allow both.' }),
  f({ host: 'graph.microsoft.com', clouds: PUB_GCC, features: ['graph', 'calling'],
    purpose: 'Microsoft Graph: call control for calling bots, and any Graph API the bot uses',
    sources: [S.commFlow, S.graphDeployments] }),
  f({ host: '*.botframework.com', clouds: PUB_GCC, features: ['messaging'],
    purpose: 'Bot Framework channel services (the security FAQ lists the wildcard, or one <channel>.botframework.com per channel)',
    sources: [S.securityFaq], required: false,
    note: 'Wildcard allowlist entry; not probed. Teams bots need only the named hosts above.' }),
  f({ host: 'login.windows.net', clouds: PUB_GCC, features: ['messaging'], probe: false,
    purpose: 'Older Entra ID authority name listed by the Bot Framework security FAQ',
    sources: [S.securityFaq], required: false,
    note: 'Allowlist only: current SDKs authenticate through login.microsoftonline.com, so botflow egress does not probe it.' }),
  f({ host: 'login.windows.com', clouds: PUB_GCC, features: ['messaging'], probe: false,
    purpose: 'Older Entra ID authority name listed by the Bot Framework security FAQ',
    sources: [S.securityFaq], required: false,
    note: 'Allowlist only: current SDKs authenticate through login.microsoftonline.com, so botflow egress does not probe it.' }),
  f({ host: 'sts.windows.net', clouds: PUB_GCC, features: ['messaging'], probe: false,
    purpose: 'Entra ID v1 token issuer host listed by the Bot Framework security FAQ',
    sources: [S.securityFaq], required: false,
    note: 'Allowlist only: it names the issuer of v1 tokens; botflow egress does not probe it.' }),
  // Regional bots (worldwide only)
  f({ host: 'europe.token.botframework.com', clouds: ['public'], features: ['sso'], region: 'europe',
    purpose: 'User-token service of a regional bot in Europe', sources: [S.oauthRedirectUrls] }),
  f({ host: 'europe.api.botframework.com', clouds: ['public'], features: ['sso'], region: 'europe',
    purpose: 'SDK OAuthUrl of a regional bot in Europe', sources: [S.botAuthentication] }),
  f({ host: 'unitedstates.token.botframework.com', clouds: ['public'], features: ['sso'], region: 'unitedstates',
    purpose: 'User-token service of a regional bot in the United States', sources: [S.oauthRedirectUrls] }),
  f({ host: 'unitedstates.api.botframework.com', clouds: ['public'], features: ['sso'], region: 'unitedstates',
    purpose: 'SDK OAuthUrl of a regional bot in the United States', sources: [S.botAuthentication] }),
  f({ host: 'india.token.botframework.com', clouds: ['public'], features: ['sso'], region: 'india',
    purpose: 'User-token service of a regional bot in India', sources: [S.oauthRedirectUrls] }),
  f({ host: 'india.api.botframework.com', clouds: ['public'], features: ['sso'], region: 'india',
    purpose: 'SDK OAuthUrl of a regional bot in India', sources: [S.botAuthentication] }),
  // US Government (GCC High and DoD)
  f({ host: 'login.botframework.azure.us', clouds: GOV, features: ['messaging'],
    purpose: 'OpenID metadata and signing keys used to validate Bot Connector tokens in US Government clouds',
    sources: [S.govCloud, S.botbuilderGovConstants] }),
  f({ host: 'login.microsoftonline.us', clouds: GOV, features: ['messaging'],
    purpose: "Entra ID (US Government): the bot's own access token, Graph and SSO tokens",
    sources: [S.govCloud, S.graphDeployments] }),
  f({ host: 'smba.infra.gov.teams.microsoft.us', clouds: ['gcch'], features: ['messaging'],
    purpose: 'Teams Bot Connector for GCC High tenants (serviceUrl and proactive messages)',
    sources: [S.proactive, S.teamsSdkClouds] }),
  f({ host: 'smba.infra.dod.teams.microsoft.us', clouds: ['dod'], features: ['messaging'],
    purpose: 'Teams Bot Connector for DoD tenants (serviceUrl and proactive messages)',
    sources: [S.proactive, S.teamsSdkClouds] }),
  f({ host: 'tokengcch.botframework.azure.us', clouds: ['gcch'], features: ['sso'],
    purpose: 'Bot Framework user-token service for GCC High (OAuthUrl)',
    sources: [S.govCloud, S.teamsSdkClouds] }),
  f({ host: 'apidod.botframework.azure.us', clouds: ['dod'], features: ['sso'],
    purpose: 'Bot Framework user-token service for DoD (OAuthUrl apiDoD.botframework.azure.us)',
    sources: [S.govCloud, S.teamsSdkClouds] }),
  f({ host: 'token.botframework.azure.us', clouds: GOV, features: ['sso'],
    purpose: 'OAuth URL the redirect-URL reference gives for Azure Government bots',
    sources: [S.oauthRedirectUrls], required: false,
    note: 'The US Government bot guide configures tokengcch (GCC High) or apiDoD (DoD) instead; allow this host only if your bot is configured with it.' }),
  f({ host: 'api.botframework.azure.us', clouds: GOV, features: ['sso'],
    purpose: 'User-token service as addressed by botbuilder-js in US Government clouds (its government default OAuthUrl)',
    sources: [S.botbuilderGovConstants, S.botbuilderAuthFactory],
    note: 'The government twin of api.botframework.com: botbuilder-js calls it when the bot sets only ChannelService to https://botframework.azure.us; a bot configured as the US Government guide says calls tokengcch or apiDoD instead. Allow both.' }),
  f({ host: 'graph.microsoft.us', clouds: ['gcch'], features: ['graph', 'calling'],
    purpose: 'Microsoft Graph for US Government L4 (GCC High): call control and Graph APIs',
    sources: [S.graphDeployments] }),
  f({ host: 'dod-graph.microsoft.us', clouds: ['dod'], features: ['graph', 'calling'],
    purpose: 'Microsoft Graph for US Government L5 (DoD): call control and Graph APIs',
    sources: [S.graphDeployments] }),
  // China (21Vianet): reference only, not probed by egress
  f({ host: 'login.botframework.azure.cn', clouds: ['china'], features: ['messaging'],
    purpose: 'OpenID metadata and signing keys for Bot Connector tokens in the China cloud', sources: [S.teamsSdkClouds] }),
  f({ host: 'login.partner.microsoftonline.cn', clouds: ['china'], features: ['messaging'],
    purpose: "Entra ID (21Vianet): the bot's own access token", sources: [S.teamsSdkClouds] }),
  f({ host: 'frontend.botapi.msg.infra.teams.microsoftonline.cn', clouds: ['china'], features: ['messaging'],
    purpose: 'Teams Bot Connector (serviceUrl) in the China cloud', sources: [S.teamsSdkClouds] }),
  f({ host: 'token.botframework.azure.cn', clouds: ['china'], features: ['sso'],
    purpose: 'Bot Framework user-token service in the China cloud', sources: [S.teamsSdkClouds, S.oauthRedirectUrls] }),
  f({ host: 'microsoftgraph.chinacloudapi.cn', clouds: ['china'], features: ['graph', 'calling'],
    purpose: 'Microsoft Graph operated by 21Vianet', sources: [S.graphDeployments] }),
];

/** Hosts Teams puts in `serviceUrl`, by cloud (exact host names, as the Teams SDK matches them). */
export const SERVICE_URL_HOSTS: readonly ServiceUrlHost[] = [
  { host: 'smba.trafficmanager.net', cloud: 'public', purpose: 'Teams Bot Connector, worldwide (regional paths such as /emea/)',
    sources: [S.commFlow, S.teamsSdkClouds, S.botFrameworkServices342], confirmed: true,
    note: 'The communication-flow article applies to worldwide and GCC tenants; GCC proactive messages use the GCC host.' },
  { host: 'smba.onyx.prod.teams.trafficmanager.net', cloud: 'public', purpose: 'Teams serviceUrl host on the Teams SDK allowlist',
    sources: [S.teamsSdkClouds], confirmed: false, note: 'UNCONFIRMED: its purpose is not documented by Microsoft.' },
  { host: 'smba.infra.gcc.teams.microsoft.com', cloud: 'gcc', purpose: 'Teams Bot Connector for GCC tenants',
    sources: [S.proactive, S.teamsSdkClouds, S.agentsProactive], confirmed: true },
  { host: 'smba.infra.gov.teams.microsoft.us', cloud: 'gcch', purpose: 'Teams Bot Connector for GCC High tenants',
    sources: [S.proactive, S.teamsSdkClouds, S.agentsProactive], confirmed: true },
  { host: 'smba.infra.dod.teams.microsoft.us', cloud: 'dod', purpose: 'Teams Bot Connector for DoD tenants',
    sources: [S.proactive, S.teamsSdkClouds, S.agentsProactive], confirmed: true },
  { host: 'frontend.botapi.msg.infra.teams.microsoftonline.cn', cloud: 'china', purpose: 'Teams Bot Connector operated by 21Vianet',
    sources: [S.teamsSdkClouds], confirmed: true },
];

/** First path segments of Teams serviceUrls. Anything else is reported as unconfirmed. */
export const SERVICE_URL_REGIONS: readonly ServiceUrlRegion[] = [
  { path: 'amer', name: 'Americas', hosts: ['smba.trafficmanager.net'], kind: 'regional', sources: [S.commFlow], confirmed: true },
  { path: 'emea', name: 'Europe, Middle East and Africa', hosts: ['smba.trafficmanager.net'], kind: 'regional', sources: [S.commFlow], confirmed: true },
  { path: 'apac', name: 'Asia Pacific', hosts: ['smba.trafficmanager.net'], kind: 'regional', sources: [S.commFlow], confirmed: true },
  { path: 'in', name: 'India', hosts: ['smba.trafficmanager.net'], kind: 'regional', sources: [S.commFlow], confirmed: true },
  { path: 'teams', name: 'Global (cross-region / proactive)',
    hosts: ['smba.trafficmanager.net', 'smba.infra.gcc.teams.microsoft.com', 'smba.infra.gov.teams.microsoft.us', 'smba.infra.dod.teams.microsoft.us'],
    kind: 'global', sources: [S.proactive, S.agentsProactive, S.connectorAuth], confirmed: true,
    note: 'Microsoft documents it for proactive messages when no serviceUrl from a conversation is available.' },
  { path: 'gcc', name: 'GCC (older documented path)', hosts: ['smba.infra.gcc.teams.microsoft.com'], kind: 'legacy',
    sources: [S.proactive], confirmed: false, note: 'Older msteams-docs versions gave /gcc; current pages give /teams.' },
  { path: 'gcch', name: 'GCC High (older documented path)', hosts: ['smba.infra.gov.teams.microsoft.us'], kind: 'legacy',
    sources: [S.proactive], confirmed: false, note: 'Older msteams-docs versions gave /gcch; current pages give /teams.' },
];

export const REGIONAL_BOT_ENDPOINTS: readonly RegionalBotEndpoints[] = [
  { region: 'europe', name: 'Europe',
    azureLocation: v('westeurope', [S.absQuickstart, S.provisionAzureBot]),
    tokenServiceUrl: v('https://europe.token.botframework.com', [S.oauthRedirectUrls]),
    sdkOAuthUrl: v('https://europe.api.botframework.com', [S.botAuthentication]),
    directLineHost: v('europe.directline.botframework.com', [S.directLineApi]) },
  { region: 'unitedstates', name: 'United States',
    azureLocation: v('westus', [S.provisionAzureBot], { note: 'The ARM template parameter azureBotRegion accepts westus; the Azure Bot quickstart offers local data residency only in westeurope and centralindia.' }),
    tokenServiceUrl: v('https://unitedstates.token.botframework.com', [S.oauthRedirectUrls]),
    sdkOAuthUrl: v('https://unitedstates.api.botframework.com', [S.botAuthentication]),
    directLineHost: null },
  { region: 'india', name: 'India',
    azureLocation: v('centralindia', [S.absQuickstart, S.provisionAzureBot]),
    tokenServiceUrl: v('https://india.token.botframework.com', [S.oauthRedirectUrls]),
    sdkOAuthUrl: v('https://india.api.botframework.com', [S.botAuthentication]),
    directLineHost: v('india.directline.botframework.com', [S.directLineApi]) },
];
