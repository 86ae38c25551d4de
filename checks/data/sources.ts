/**
 * Public sources behind the cloud, endpoint and residency data. One entry per document so the
 * same link is spelt once. Links to source files on GitHub are pinned to a commit, so the lines
 * they are cited for do not move (clouds.test.ts checks this). Pure data: safe in the browser.
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
    title: 'Azure Bot Service: regionalization (what a regional bot keeps in its geography; lists no hosts)',
    url: 'https://learn.microsoft.com/azure/bot-service/bot-builder-concept-regionalization',
  },
  oauthRedirectUrls: {
    title: 'Azure Bot Service: OAuth URL support (OAuth and redirect URL per data residency and cloud)',
    url: 'https://learn.microsoft.com/azure/bot-service/ref-oauth-redirect-urls',
  },
  encryption: {
    title: 'Azure Bot Service: encryption of data at rest (what Bot Service stores)',
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
    url: 'https://github.com/microsoft/teams.ts/blob/a17a2e3385190a0da69cb3f7c0106c33dc389b4e/packages/api/src/auth/cloud-environment.ts',
  },
  agentsProactive: {
    title: 'Microsoft 365 Agents SDK: TeamsProactiveServiceEndpoints',
    url: 'https://github.com/microsoft/Agents-for-js/blob/f503cf985c88cf77e0ad77e3482f3d33416756f5/packages/agents-hosting-extensions-msteams/src/teamsProactiveServiceEndpoints.ts',
  },
  agentsOutbound: {
    title: 'Microsoft 365 Agents SDK: outboundHostValidator.ts (file download hosts)',
    url: 'https://github.com/microsoft/Agents-for-js/blob/f503cf985c88cf77e0ad77e3482f3d33416756f5/packages/agents-hosting/src/outboundHostValidator.ts',
  },
  absQuickstart: {
    title: 'Azure Bot Service: create an Azure Bot resource (local data residency in westeurope and centralindia)',
    url: 'https://learn.microsoft.com/azure/bot-service/abs-quickstart',
  },
  provisionAzureBot: {
    title: 'Azure Bot Service: provision with an ARM template (azureBotRegion: global, westeurope, westus, centralindia)',
    url: 'https://learn.microsoft.com/azure/bot-service/provision-azure-bot',
  },
  botAuthentication: {
    title: 'Azure Bot Service: add authentication to a bot (regional OAuthUrl values for the SDK)',
    url: 'https://learn.microsoft.com/azure/bot-service/bot-builder-authentication',
  },
  directLineApi: {
    title: 'Azure Bot Service: Direct Line API 3.0 reference (regional Direct Line hosts)',
    url: 'https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-api-reference',
  },
  agentsJwtMiddleware: {
    title: 'Microsoft 365 Agents SDK: jwt-middleware.ts (signing-key URL per issuer)',
    url: 'https://github.com/microsoft/Agents-for-js/blob/f503cf985c88cf77e0ad77e3482f3d33416756f5/packages/agents-hosting/src/auth/jwt-middleware.ts',
  },
  multiGeoBots: {
    title: 'Microsoft 365 Developer Blog: updates for Teams bots in Multi-Geo environments (users of one tenant can have different service URLs)',
    url: 'https://devblogs.microsoft.com/microsoft365dev/updates-for-microsoft-teams-bots-in-multi-geo-environments/',
  },
  multiGeoTeams: {
    title: 'Microsoft Teams: Multi-Geo capabilities (chat data stored in the preferred data location)',
    url: 'https://learn.microsoft.com/microsoftteams/teams-experience-o365odb-spo-multi-geo',
  },
  botbuilderAuthConstants: {
    title: 'botbuilder-js: authenticationConstants.ts (public-cloud constants)',
    url: 'https://github.com/microsoft/botbuilder-js/blob/29b8341da1c0ae477e6c32c43170011e4247689a/libraries/botframework-connector/src/auth/authenticationConstants.ts',
  },
  botbuilderGovConstants: {
    title: 'botbuilder-js: governmentConstants.ts (US Government constants, including OAuthUrl)',
    url: 'https://github.com/microsoft/botbuilder-js/blob/29b8341da1c0ae477e6c32c43170011e4247689a/libraries/botframework-connector/src/auth/governmentConstants.ts',
  },
  botbuilderAuthFactory: {
    title: 'botbuilder-js: botFrameworkAuthenticationFactory.ts (ChannelService alone selects the government constants)',
    url: 'https://github.com/microsoft/botbuilder-js/blob/29b8341da1c0ae477e6c32c43170011e4247689a/libraries/botframework-connector/src/auth/botFrameworkAuthenticationFactory.ts',
  },
  botbuilderEndorsements: {
    title: 'botbuilder-js: endorsementsValidator.ts',
    url: 'https://github.com/microsoft/botbuilder-js/blob/29b8341da1c0ae477e6c32c43170011e4247689a/libraries/botframework-connector/src/auth/endorsementsValidator.ts',
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
    url: 'https://github.com/Azure/azure-sdk-for-js/blob/e07b81cc858c6eb6aa967a065e59ebf159ea8e37/sdk/commerce/arm-commerce/src/static-helpers/cloudSettingHelpers.ts',
  },
  armBotService: {
    title: 'Azure REST API specs: Microsoft.BotService 2022-09-15',
    url: 'https://github.com/Azure/azure-rest-api-specs/blob/c207d2dab4800e0fb1fd3a5d03ab4c8f0b198255/specification/botservice/resource-manager/Microsoft.BotService/stable/2022-09-15/botservice.json',
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
