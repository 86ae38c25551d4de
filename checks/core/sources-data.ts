/**
 * Public sources behind the cloud, endpoint and residency data. One entry per document so the
 * same link is spelt once. Pure data: safe in the browser.
 */
export interface SourceRef {
  title: string;
  url: string;
}

export const SOURCES = {
  connectorAuth: {
    title: 'Azure Bot Service: authenticate requests with the Bot Connector API',
    url: 'https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication',
  },
  govCloud: {
    title: 'Azure Bot Service: configure a bot for US Government (GCC High / DoD)',
    url: 'https://learn.microsoft.com/azure/bot-service/how-to-deploy-gov-cloud-high',
  },
  securityFaq: {
    title: 'Azure Bot Service: security and privacy FAQ (firewall hosts)',
    url: 'https://learn.microsoft.com/azure/bot-service/bot-service-resources-faq-security',
  },
  regionalization: {
    title: 'Azure Bot Service: regional data residency',
    url: 'https://learn.microsoft.com/azure/bot-service/bot-builder-concept-regionalization',
  },
  oauthRedirectUrls: {
    title: 'Azure Bot Service: OAuth URL support and redirect URLs',
    url: 'https://learn.microsoft.com/azure/bot-service/ref-oauth-redirect-urls',
  },
  encryption: {
    title: 'Azure Bot Service: encryption of data at rest',
    url: 'https://learn.microsoft.com/azure/bot-service/bot-service-encryption',
  },
  compliance: {
    title: 'Azure Bot Service: compliance offerings (public and Azure Government)',
    url: 'https://learn.microsoft.com/azure/bot-service/bot-service-compliance',
  },
  commFlow: {
    title: 'Teams platform: bot communication flow, data in transit and network FAQ',
    url: 'https://learn.microsoft.com/microsoftteams/platform/bots/communication-flow',
  },
  proactive: {
    title: 'Teams platform: send proactive messages (global and government service URLs)',
    url: 'https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages',
  },
  teamsSdkClouds: {
    title: 'Teams SDK for JavaScript: cloud-environment.ts (cloud presets, allowed serviceUrl hosts)',
    url: 'https://github.com/microsoft/teams.ts/blob/main/packages/api/src/auth/cloud-environment.ts',
  },
  agentsProactive: {
    title: 'Microsoft 365 Agents SDK: TeamsProactiveServiceEndpoints',
    url: 'https://github.com/microsoft/Agents-for-js/blob/main/packages/agents-hosting-extensions-msteams/src/teamsProactiveServiceEndpoints.ts',
  },
  agentsOutbound: {
    title: 'Microsoft 365 Agents SDK: outboundHostValidator.ts (file download hosts)',
    url: 'https://github.com/microsoft/Agents-for-js/blob/main/packages/agents-hosting/src/outboundHostValidator.ts',
  },
  botbuilderAuthConstants: {
    title: 'botbuilder-js: authenticationConstants.ts',
    url: 'https://github.com/microsoft/botbuilder-js/blob/main/libraries/botframework-connector/src/auth/authenticationConstants.ts',
  },
  botbuilderGovConstants: {
    title: 'botbuilder-js: governmentConstants.ts',
    url: 'https://github.com/microsoft/botbuilder-js/blob/main/libraries/botframework-connector/src/auth/governmentConstants.ts',
  },
  botbuilderEndorsements: {
    title: 'botbuilder-js: endorsementsValidator.ts',
    url: 'https://github.com/microsoft/botbuilder-js/blob/main/libraries/botframework-connector/src/auth/endorsementsValidator.ts',
  },
  graphDeployments: {
    title: 'Microsoft Graph national cloud deployments',
    url: 'https://learn.microsoft.com/graph/deployments',
  },
  entraNationalClouds: {
    title: 'Microsoft identity platform: national clouds',
    url: 'https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud',
  },
  azureGovCompare: {
    title: 'Azure Government: compare with global Azure (endpoint mapping)',
    url: 'https://learn.microsoft.com/azure/azure-government/compare-azure-government-global-azure',
  },
  azureChinaDevGuide: {
    title: 'Azure operated by 21Vianet: developer guide (endpoints)',
    url: 'https://learn.microsoft.com/azure/china/resources-developer-guide',
  },
  azureSdkArmClouds: {
    title: 'Azure SDK for JavaScript: ARM endpoint per cloud (cloudSettingHelpers.ts)',
    url: 'https://github.com/Azure/azure-sdk-for-js/blob/main/sdk/commerce/arm-commerce/src/static-helpers/cloudSettingHelpers.ts',
  },
  armBotService: {
    title: 'Azure REST API specs: Microsoft.BotService 2022-09-15',
    url: 'https://github.com/Azure/azure-rest-api-specs/blob/main/specification/botservice/resource-manager/Microsoft.BotService/stable/2022-09-15/botservice.json',
  },
  botFrameworkServices342: {
    title: 'microsoft/BotFramework-Services#342: trusting smba.trafficmanager.net',
    url: 'https://github.com/microsoft/BotFramework-Services/issues/342',
  },
  m365DataLocation: {
    title: 'Microsoft 365: where your customer data is stored',
    url: 'https://learn.microsoft.com/microsoft-365/enterprise/o365-data-locations',
  },
} as const satisfies Record<string, SourceRef>;

export type SourceKey = keyof typeof SOURCES;
