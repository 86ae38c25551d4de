/**
 * The AzureRegistration evidence: what the Azure Bot resource (`az bot show`, ARM GET) and its
 * Teams channel (`az bot msteams show`, ARM GET .../channels/MsTeamsChannel) say, normalised.
 * Pure and browser-safe: it turns parsed JSON documents into evidence or a clear input error.
 * Shapes: azure-rest-api-specs botservice stable/2022-09-15 (GetBot.json, GetChannel.json).
 */
import { InvalidInputError } from '../core/errors';
import type { JsonObject, JsonValue } from '../core/types';
import { isJsonObject } from './json';

export type CloudName = 'public' | 'gcc' | 'gcch' | 'dod';

export interface TeamsChannelEvidence {
  /**
   * Where the channel facts come from: the channel document (file or ARM), the bot's own
   * `enabledChannels`/`configuredChannels` lists, or nothing at all.
   */
  source: 'channel' | 'channel-lists' | 'none';
  /** The MsTeamsChannel resource exists (ARM 200 or a document was given). */
  found: boolean;
  isEnabled?: boolean;
  enableCalling?: boolean;
  /** The calling webhook, read from `callingWebhook` or `callingWebHook`. */
  callingWebhook?: string;
  /** Which key(s) carried a non-empty webhook. */
  callingWebhookKeys?: string[];
  /** Both keys carry different non-empty values. */
  webhookConflict?: { callingWebhook: string; callingWebHook: string };
  incomingCallRoute?: string;
  deploymentEnvironment?: string;
  /** `msteams` appears in the bot's enabledChannels / configuredChannels (when the lists exist). */
  listedEnabled?: boolean;
  listedConfigured?: boolean;
}

export interface AzureRegistrationEvidence {
  /** `document`: JSON given by the user; `arm`: fetched live. */
  source: 'document' | 'arm';
  resourceId?: string;
  name?: string;
  location?: string;
  kind?: string;
  sku?: string;
  displayName?: string;
  msaAppId?: string;
  msaAppType?: string;
  msaAppTenantId?: string;
  msaAppMSIResourceId?: string;
  tenantId?: string;
  /** The messaging endpoint; null when the resource has none. */
  endpoint: string | null;
  publicNetworkAccess?: string;
  disableLocalAuth?: boolean;
  enabledChannels?: string[];
  configuredChannels?: string[];
  teams: TeamsChannelEvidence;
}

declare module '../core/evidence' {
  interface EvidenceMap {
    AzureRegistration: AzureRegistrationEvidence;
  }
  interface CheckInput {
    /** The Azure Bot resource as `az bot show` prints it: JSON text or the parsed object. */
    bot?: string | JsonObject;
    /** The Teams channel as `az bot msteams show` prints it: JSON text or the parsed object. */
    channel?: string | JsonObject;
    /** Names used in error messages (file names), e.g. "bot.json". */
    botLabel?: string;
    channelLabel?: string;
    /** Live mode: the bot's coordinates in Azure, and the ARM base URL when not the cloud's (no secrets). */
    azure?: { subscription: string; resourceGroup: string; name: string; cloud?: CloudName; armUrl?: string };
  }
}

export const TEAMS_CHANNEL_NAME = 'MsTeamsChannel';
const BOT_RESOURCE_TYPE = 'microsoft.botservice/botservices';


function str(obj: JsonObject, key: string): string | undefined {
  const v = obj[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function bool(obj: JsonObject, key: string): boolean | undefined {
  const v = obj[key];
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return undefined;
}

function strList(obj: JsonObject, key: string): string[] | undefined {
  const v = obj[key];
  if (!Array.isArray(v)) return undefined;
  return v.filter((x): x is string => typeof x === 'string');
}

function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** Reads the bot resource document into evidence (without the channel). */
export function readBotResource(doc: JsonValue, label: string): Omit<AzureRegistrationEvidence, 'teams' | 'source'> {
  if (Array.isArray(doc)) {
    throw new InvalidInputError(`${label} is a JSON list (the output of "az bot list"?); pass the output of "az bot show --name <bot> --resource-group <group>" for one bot.`, { field: label });
  }
  if (!isJsonObject(doc)) {
    throw new InvalidInputError(`${label} is not a JSON object; pass the output of "az bot show --name <bot> --resource-group <group>".`, { field: label });
  }
  const type = str(doc, 'type');
  if (type && type.toLowerCase() !== BOT_RESOURCE_TYPE) {
    throw new InvalidInputError(`${label} is a "${type}" resource, not an Azure Bot (Microsoft.BotService/botServices); pass the output of "az bot show".`, { field: label });
  }
  const props = doc.properties;
  if (!isJsonObject(props)) {
    throw new InvalidInputError(`${label} has no "properties" object, so it is not the Azure Bot resource JSON; run "az bot show" without --msbot and pass its output.`, { field: label });
  }
  const out: Omit<AzureRegistrationEvidence, 'teams' | 'source'> = { endpoint: null };
  put(out, 'resourceId', str(doc, 'id'));
  put(out, 'name', str(doc, 'name'));
  put(out, 'location', str(doc, 'location'));
  put(out, 'kind', str(doc, 'kind'));
  if (isJsonObject(doc.sku)) put(out, 'sku', str(doc.sku, 'name'));
  put(out, 'displayName', str(props, 'displayName'));
  put(out, 'msaAppId', str(props, 'msaAppId'));
  put(out, 'msaAppType', str(props, 'msaAppType'));
  put(out, 'msaAppTenantId', str(props, 'msaAppTenantId'));
  put(out, 'msaAppMSIResourceId', str(props, 'msaAppMSIResourceId'));
  put(out, 'tenantId', str(props, 'tenantId'));
  out.endpoint = str(props, 'endpoint') ?? null;
  put(out, 'publicNetworkAccess', str(props, 'publicNetworkAccess'));
  put(out, 'disableLocalAuth', bool(props, 'disableLocalAuth'));
  put(out, 'enabledChannels', strList(props, 'enabledChannels'));
  put(out, 'configuredChannels', strList(props, 'configuredChannels'));
  return out;
}

function listed(list: string[] | undefined): boolean | undefined {
  return list ? list.some((c) => c.toLowerCase() === 'msteams') : undefined;
}

/** Teams facts from the bot's channel lists, when no channel document is available. */
export function teamsFromChannelLists(bot: Pick<AzureRegistrationEvidence, 'enabledChannels' | 'configuredChannels'>): TeamsChannelEvidence {
  const listedEnabled = listed(bot.enabledChannels);
  const listedConfigured = listed(bot.configuredChannels);
  if (listedEnabled === undefined && listedConfigured === undefined) return { source: 'none', found: false };
  const out: TeamsChannelEvidence = { source: 'channel-lists', found: Boolean(listedEnabled || listedConfigured) };
  put(out, 'listedEnabled', listedEnabled);
  put(out, 'listedConfigured', listedConfigured);
  return out;
}

/** Reads the Teams channel document (`{ location, properties: { channelName, properties: {...} } }`). */
export function readTeamsChannel(doc: JsonValue, label: string): TeamsChannelEvidence {
  if (!isJsonObject(doc)) {
    throw new InvalidInputError(`${label} is not a JSON object; pass the output of "az bot msteams show --name <bot> --resource-group <group>".`, { field: label });
  }
  const outer = doc.properties;
  if (!isJsonObject(outer)) {
    throw new InvalidInputError(`${label} has no "properties" object, so it is not a bot channel resource; pass the output of "az bot msteams show".`, { field: label });
  }
  const channelName = str(outer, 'channelName');
  if (channelName && channelName !== TEAMS_CHANNEL_NAME) {
    throw new InvalidInputError(`${label} describes the ${channelName}, not the Teams channel (${TEAMS_CHANNEL_NAME}); pass the output of "az bot msteams show".`, { field: label });
  }
  const inner = isJsonObject(outer.properties) ? outer.properties : {};
  const out: TeamsChannelEvidence = { source: 'channel', found: true };
  put(out, 'isEnabled', bool(inner, 'isEnabled'));
  put(out, 'enableCalling', bool(inner, 'enableCalling'));
  const lower = str(inner, 'callingWebhook');
  const upper = str(inner, 'callingWebHook');
  const keys = [lower ? 'callingWebhook' : undefined, upper ? 'callingWebHook' : undefined].filter((k): k is string => Boolean(k));
  put(out, 'callingWebhook', lower ?? upper);
  if (keys.length) out.callingWebhookKeys = keys;
  if (lower && upper && lower !== upper) out.webhookConflict = { callingWebhook: lower, callingWebHook: upper };
  put(out, 'incomingCallRoute', str(inner, 'incomingCallRoute'));
  put(out, 'deploymentEnvironment', str(inner, 'deploymentEnvironment'));
  return out;
}

/** Bot document (+ optional channel document, or a known-absent channel) -> evidence. */
export function buildRegistrationEvidence(params: {
  source: AzureRegistrationEvidence['source'];
  bot: JsonValue;
  botLabel: string;
  /** undefined: not given; null: looked up and not found (ARM 404). */
  channel?: JsonValue | null;
  channelLabel?: string;
}): AzureRegistrationEvidence {
  const bot = readBotResource(params.bot, params.botLabel);
  const lists = teamsFromChannelLists(bot);
  let teams: TeamsChannelEvidence;
  if (params.channel === undefined) teams = lists;
  else if (params.channel === null) teams = { source: 'channel', found: false };
  else teams = readTeamsChannel(params.channel, params.channelLabel ?? 'the Teams channel JSON');
  if (params.channel !== undefined) {
    put(teams, 'listedEnabled', lists.listedEnabled);
    put(teams, 'listedConfigured', lists.listedConfigured);
  }
  return { source: params.source, ...bot, teams };
}

export { comparableUrl, inputString, isGuid, isHttpsUrl, sameId } from './identifiers';
