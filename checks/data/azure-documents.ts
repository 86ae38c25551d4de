/**
 * The Azure Bot documents `az bot show` and `az bot msteams show` print (the ARM GET bodies of
 * Microsoft.BotService botServices and its MsTeamsChannel, shaped like the GetBot.json and
 * GetChannel.json examples of azure-rest-api-specs botservice stable/2022-09-15), filled in for one
 * bot. The site's "Load example" and the tests' fixtures are built here. Pure data: safe in the browser.
 */
import type { JsonObject } from '../core/types';

/** Who a document describes: where the resource lives and the values a registration check reads. */
export interface BotIdentity {
  subscription: string;
  resourceGroup: string;
  name: string;
  appId: string;
  tenantId: string;
  endpoint: string;
}

function botServiceId(bot: Pick<BotIdentity, 'subscription' | 'resourceGroup' | 'name'>): string {
  return `/subscriptions/${bot.subscription}/resourceGroups/${bot.resourceGroup}/providers/Microsoft.BotService/botServices/${bot.name}`;
}

/** An `az bot show` body of a healthy single-tenant bot; `properties` and `top` replace or add fields. */
export function azureBotDocument(bot: BotIdentity, properties: JsonObject = {}, top: JsonObject = {}): JsonObject {
  return {
    location: 'global',
    tags: {},
    name: bot.name,
    type: 'Microsoft.BotService/botServices',
    id: botServiceId(bot),
    kind: 'azurebot',
    sku: { name: 'S1' },
    etag: '"0400a1b2-0000-0100-0000-65f0c0de0000"',
    properties: {
      displayName: 'Contoso Helpdesk',
      description: 'Answers helpdesk questions in Teams',
      endpoint: bot.endpoint,
      endpointVersion: '3.0',
      iconUrl: 'https://docs.botframework.com/static/devportal/client/images/bot-framework-default.png',
      msaAppType: 'SingleTenant',
      msaAppId: bot.appId,
      msaAppTenantId: bot.tenantId,
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

/** An `az bot msteams show` body (two nested `properties` levels), calling off; `properties` replaces inner fields. */
export function teamsChannelDocument(bot: Pick<BotIdentity, 'subscription' | 'resourceGroup' | 'name'>, properties: JsonObject = {}): JsonObject {
  return {
    location: 'global',
    name: `${bot.name}/MsTeamsChannel`,
    type: 'Microsoft.BotService/botServices/channels',
    id: `${botServiceId(bot)}/channels/MsTeamsChannel`,
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
