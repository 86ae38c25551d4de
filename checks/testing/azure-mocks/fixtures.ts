/**
 * The Azure Bot documents of checks/data/azure-documents filled in with values of our own, plus
 * matching evidence for rule tables. Test-only.
 */
import type { AzureRegistrationEvidence } from '../../computed/registration-model';
import type { RegistrationManifestEvidence } from '../../gather/registration-manifest';
import type { JsonObject } from '../../core/types';
import { azureBotDocument, teamsChannelDocument } from '../../data/azure-documents';

export const APP_ID = '6c2f0f5e-0f2b-4b4e-9a53-1d7f0c8a4b11';
export const TENANT_ID = '3f0e6a2d-8d5c-4d3a-b9a7-2c4e1f6a9b22';
export const OTHER_ID = 'aa11bb22-cc33-4d44-8e55-ff6677889900';
export const SUBSCRIPTION = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';
export const RESOURCE_GROUP = 'rg-contoso-bots';
export const BOT_NAME = 'contoso-helpdesk';
export const ENDPOINT = 'https://bot.contoso.example/api/messages';
export const CALLING_WEBHOOK = 'https://bot.contoso.example/api/calling';
export const MSI_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/contoso-bot-identity`;

const BOT = { subscription: SUBSCRIPTION, resourceGroup: RESOURCE_GROUP, name: BOT_NAME, appId: APP_ID, tenantId: TENANT_ID, endpoint: ENDPOINT };

/** An `az bot show` / ARM GET body for a single-tenant bot. */
export function botResource(properties: JsonObject = {}, top: JsonObject = {}): JsonObject {
  return azureBotDocument(BOT, properties, top);
}

/** An `az bot msteams show` / ARM channel GET body (two nested `properties` levels). */
export function teamsChannelResource(properties: JsonObject = {}): JsonObject {
  return teamsChannelDocument(BOT, properties);
}

/** Evidence for a healthy single-tenant bot with an enabled Teams channel (calling off). */
export const baseRegistration: AzureRegistrationEvidence = {
  source: 'document',
  resourceId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.BotService/botServices/${BOT_NAME}`,
  name: BOT_NAME,
  location: 'global',
  kind: 'azurebot',
  sku: 'S1',
  msaAppId: APP_ID,
  msaAppType: 'SingleTenant',
  msaAppTenantId: TENANT_ID,
  endpoint: ENDPOINT,
  publicNetworkAccess: 'Enabled',
  enabledChannels: ['webchat', 'directline', 'msteams'],
  configuredChannels: ['webchat', 'directline', 'msteams'],
  teams: { source: 'channel', found: true, isEnabled: true, enableCalling: false, listedEnabled: true, listedConfigured: true },
};

export const noManifest: RegistrationManifestEvidence = { provided: false, readable: false, botIds: [], supportsCalling: false };
export const manifestFor = (botId: string = APP_ID, extra: Partial<RegistrationManifestEvidence> = {}): RegistrationManifestEvidence => ({
  provided: true, readable: true, botIds: [botId], supportsCalling: false, ...extra,
});
