/**
 * Documents shaped like the Azure REST API examples (azure-rest-api-specs botservice
 * stable/2022-09-15 GetBot.json and GetChannel.json), with values of our own, plus matching
 * evidence for rule tables. Test-only.
 */
import type { AzureRegistrationEvidence } from '../../computed/registration-model';
import type { RegistrationManifestEvidence } from '../../gather/registration-manifest';
import type { JsonObject } from '../../core/types';

export const APP_ID = '6c2f0f5e-0f2b-4b4e-9a53-1d7f0c8a4b11';
export const TENANT_ID = '3f0e6a2d-8d5c-4d3a-b9a7-2c4e1f6a9b22';
export const OTHER_ID = 'aa11bb22-cc33-4d44-8e55-ff6677889900';
export const SUBSCRIPTION = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';
export const RESOURCE_GROUP = 'rg-contoso-bots';
export const BOT_NAME = 'contoso-helpdesk';
export const ENDPOINT = 'https://bot.contoso.example/api/messages';
export const CALLING_WEBHOOK = 'https://bot.contoso.example/api/calling';
export const MSI_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/contoso-bot-identity`;

/** An `az bot show` / ARM GET body for a single-tenant bot. */
export function botResource(properties: JsonObject = {}, top: JsonObject = {}): JsonObject {
  return {
    location: 'global',
    tags: {},
    name: BOT_NAME,
    type: 'Microsoft.BotService/botServices',
    id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.BotService/botServices/${BOT_NAME}`,
    kind: 'azurebot',
    sku: { name: 'S1' },
    etag: '"0400a1b2-0000-0100-0000-65f0c0de0000"',
    properties: {
      displayName: 'Contoso Helpdesk',
      description: 'Answers helpdesk questions in Teams',
      endpoint: ENDPOINT,
      endpointVersion: '3.0',
      iconUrl: 'https://docs.botframework.com/static/devportal/client/images/bot-framework-default.png',
      msaAppType: 'SingleTenant',
      msaAppId: APP_ID,
      msaAppTenantId: TENANT_ID,
      msaAppMSIResourceId: null,
      configuredChannels: ['webchat', 'directline', 'msteams'],
      enabledChannels: ['webchat', 'directline', 'msteams'],
      isCmekEnabled: false,
      publicNetworkAccess: 'Enabled',
      schemaTransformationVersion: '1.3',
      disableLocalAuth: false,
      isStreamingSupported: false,
      provisioningState: 'Succeeded',
      ...properties,
    },
    ...top,
  };
}

/** An `az bot msteams show` / ARM channel GET body (two nested `properties` levels). */
export function teamsChannelResource(properties: JsonObject = {}): JsonObject {
  return {
    location: 'global',
    name: `${BOT_NAME}/MsTeamsChannel`,
    type: 'Microsoft.BotService/botServices/channels',
    id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.BotService/botServices/${BOT_NAME}/channels/MsTeamsChannel`,
    etag: 'W/"a1b2c3d4e5f60718293a4b5c6d7e8f90"',
    properties: {
      channelName: 'MsTeamsChannel',
      provisioningState: 'Succeeded',
      location: 'global',
      properties: {
        isEnabled: true,
        enableCalling: false,
        callingWebhook: null,
        incomingCallRoute: 'graphPma',
        deploymentEnvironment: 'CommercialDeployment',
        acceptedTerms: true,
        ...properties,
      },
    },
  };
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
