/**
 * What is in transit and at rest, and where, for a Teams bot conversation, by cloud. Each
 * statement is a paraphrase of a public source; `confirmed: false` marks an inference.
 * Pure data: the residency check runs in the browser.
 */
import type { CloudId } from '../core/clouds';
import { SOURCES as S, type SourceRef } from './sources';

export interface ResidencyStatement {
  /** `transit`: on the wire between Teams and the bot; `rest`: stored. */
  kind: 'transit' | 'rest';
  text: string;
  sources: readonly SourceRef[];
  confirmed: boolean;
  note?: string;
}

const WORLDWIDE_AND_GCC: readonly ResidencyStatement[] = [
  {
    kind: 'transit',
    text: 'Messages and other user data go directly between the Teams service and the bot; for the Teams channel they do not pass through Azure Bot Service.',
    sources: [S.commFlow], confirmed: true,
  },
  {
    kind: 'transit',
    text: 'User data transits through the Microsoft 365 location configured when the tenant was provisioned; Microsoft says the region segment of the serviceUrl (for example /emea/) depends on the location of the Microsoft 365 service.',
    sources: [S.commFlow, S.m365DataLocation], confirmed: true,
  },
  {
    kind: 'transit',
    text: "In a Multi-Geo tenant, users of the same tenant can receive different serviceUrls (by the user's preferred data location), and a tenant's or user's serviceUrl can change; reply to the serviceUrl of the incoming activity.",
    sources: [S.multiGeoBots, S.multiGeoTeams], confirmed: true,
  },
  {
    kind: 'transit',
    text: "The bot's replies, proactive messages and member look-ups go to this serviceUrl over HTTPS, carrying the bot's access token; from the bot's side they are in transit from wherever the bot is hosted.",
    sources: [S.connectorAuth], confirmed: true,
  },
  {
    kind: 'rest',
    text: 'Azure Bot Service stores the bot registration (name, app id, channels, endpoints, OAuth connection settings) and, where necessary, a record of currently active conversations, encrypted at rest.',
    sources: [S.encryption, S.commFlow], confirmed: true,
  },
  {
    kind: 'rest',
    text: 'A regional Azure Bot (local data residency, offered in westeurope and centralindia) keeps personal data inside Azure Bot Service in that geography only; other services may move data outside it.',
    sources: [S.regionalization, S.absQuickstart], confirmed: true,
  },
  {
    kind: 'rest',
    text: "Conversation and user state the bot keeps lives in the bot's own storage, wherever the bot's owner puts it, outside Azure Bot Service.",
    sources: [S.encryption], confirmed: false,
    note: 'UNCONFIRMED: an inference from how the SDKs store state; not stated by Microsoft for Teams.',
  },
];

const US_GOV: readonly ResidencyStatement[] = [
  {
    kind: 'transit',
    text: 'Replies and proactive messages go to the US Government Teams host of this cloud, and the bot authenticates with the US Government Bot Framework and Entra ID endpoints.',
    sources: [S.proactive, S.govCloud], confirmed: true,
  },
  {
    kind: 'transit',
    text: "Microsoft's statement that Teams data does not pass through Azure Bot Service is scoped to worldwide and GCC tenants; no equivalent statement was found for this cloud.",
    sources: [S.commFlow], confirmed: false,
    note: 'UNCONFIRMED: the communication-flow article explicitly excludes clouds other than worldwide and GCC.',
  },
  {
    kind: 'rest',
    text: 'Azure Bot Service encrypts the registration data it stores at rest; Azure Government, where these bots are registered, runs in US regions.',
    sources: [S.encryption, S.compliance], confirmed: true,
  },
];

const CHINA: readonly ResidencyStatement[] = [
  {
    kind: 'transit',
    text: 'Replies go to the Teams service operated by 21Vianet in China; the bot authenticates against the China Bot Framework and Entra ID endpoints.',
    sources: [S.teamsSdkClouds], confirmed: true,
  },
  {
    kind: 'transit',
    text: 'No Microsoft statement on the data path between Teams and a bot in this cloud was found.',
    sources: [S.commFlow], confirmed: false,
    note: 'UNCONFIRMED: the communication-flow article covers worldwide and GCC only.',
  },
];

export const RESIDENCY_STATEMENTS: Readonly<Record<CloudId, readonly ResidencyStatement[]>> = {
  public: WORLDWIDE_AND_GCC,
  gcc: WORLDWIDE_AND_GCC,
  gcch: US_GOV,
  dod: US_GOV,
  china: CHINA,
};

/** What to tell a bot owner when the host is not a Teams serviceUrl host. */
export const UNKNOWN_HOST_SOURCES: readonly SourceRef[] = [S.teamsSdkClouds, S.connectorAuth, S.botbuilderAuthConstants];

/** What the first path segment of a recognised serviceUrl says, by kind. `{{region}}`/`{{regionName}}` are filled in. */
export const PATH_STATEMENTS: Readonly<Record<'regional' | 'global' | 'legacy' | 'unconfirmed' | 'none', ResidencyStatement>> = {
  regional: {
    kind: 'transit',
    text: "The /{{region}}/ segment names the {{regionName}} Bot Connector endpoint. Microsoft says the region depends on the location of the Microsoft 365 service; in Multi-Geo tenants it can differ between users of one tenant, and it can change.",
    sources: [S.commFlow, S.multiGeoBots], confirmed: true,
  },
  global: {
    kind: 'transit',
    text: 'The /{{region}}/ path is the global endpoint Microsoft gives for proactive messages when no serviceUrl from a conversation is known; Microsoft does not say which region serves it.',
    sources: [S.proactive, S.agentsProactive], confirmed: true,
  },
  legacy: {
    kind: 'transit',
    text: 'The /{{region}}/ path appears in older Microsoft pages for this cloud; current pages give /teams/.',
    sources: [S.proactive], confirmed: false,
    note: 'UNCONFIRMED: whether the older path is still served.',
  },
  unconfirmed: {
    kind: 'transit',
    text: 'Microsoft documents the region segments amer, emea, apac and in (and the global teams path); "{{region}}" is not among them, so which region serves it is not known.',
    sources: [S.commFlow], confirmed: false,
    note: 'UNCONFIRMED: other regional values have been reported but not found in a Microsoft source.',
  },
  none: {
    kind: 'transit',
    text: 'The serviceUrl has no region segment, so it says nothing about the region that serves the conversation.',
    sources: [S.commFlow], confirmed: true,
  },
};

export const TENANT_SEGMENT_STATEMENT: ResidencyStatement = {
  kind: 'transit',
  text: 'The second path segment looks like a tenant id; such serviceUrls appear in third-party code. Always reply to the serviceUrl exactly as received.',
  sources: [S.commFlow], confirmed: false,
  note: 'UNCONFIRMED: not described in Microsoft documentation.',
};
