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
    title: 'Azure Bot Service: security and privacy FAQ (a public HTTPS endpoint; firewall hosts)',
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
  // Behind the manifest checks.
  manifestSchema: { title: 'App manifest schema reference (Microsoft Learn)', url: 'https://learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema' },
  schemaFiles: { title: 'Published Teams manifest JSON schemas (microsoft/json-schemas)', url: 'https://github.com/microsoft/json-schemas/tree/main/teams' },
  schemaV130: { title: 'Teams manifest schema v1.30', url: 'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json' },
  appManifestPackage: { title: '@microsoft/app-manifest on npm (bundles the schemas; Microsoft 365 Agents Toolkit)', url: 'https://www.npmjs.com/package/@microsoft/app-manifest' },
  appPackage: { title: 'App package: manifest and icons at the root of the zip (Microsoft Learn)', url: 'https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package' },
  teamsSdkManifest: { title: 'Teams SDK: place the manifest and icons at the root of a zip file', url: 'https://learn.microsoft.com/microsoftteams/platform/teams-sdk/teams/manifest' },
  rfc8259: { title: 'RFC 8259: The JSON Data Interchange Format', url: 'https://www.rfc-editor.org/rfc/rfc8259' },
  devPreview: { title: 'Public developer preview app manifest (Microsoft Learn)', url: 'https://learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema-dev-preview' },
  botSsoManifest: { title: 'Update the app manifest for bot SSO (Microsoft Learn)', url: 'https://learn.microsoft.com/microsoftteams/platform/bots/how-to/authentication/bot-sso-manifest' },
  addAuthentication: { title: 'Add authentication to a Teams bot: token.botframework.com in validDomains (Microsoft Learn)', url: 'https://learn.microsoft.com/microsoftteams/platform/bots/how-to/authentication/add-authentication' },
  authSample: { title: 'Microsoft Teams sample: bot authentication (validDomains includes token.botframework.com)', url: 'https://github.com/OfficeDev/Microsoft-Teams-Samples/tree/main/samples/bot-teams-authentication' },
  rsc: { title: 'Resource-specific consent (Microsoft Learn)', url: 'https://learn.microsoft.com/microsoftteams/platform/graph-api/rsc/resource-specific-consent' },
  icons: { title: 'App icons: color 192x192, outline 32x32 white on transparent (Microsoft Learn)', url: 'https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons' },
  calling: { title: 'Register a calling and meeting bot for Teams (Microsoft Learn)', url: 'https://learn.microsoft.com/microsoftteams/platform/bots/calls-and-meetings/registering-calling-bot' },
  composeExtensionsManifest: { title: 'composeExtensions[] in the app manifest: botId of a bot-based message extension (Microsoft Learn)', url: 'https://learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema#composeextensions' },
  tabSsoManifest: { title: 'Update the app manifest for tab SSO: resource api://<subdomain>/<app id> (Microsoft Learn)', url: 'https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-manifest' },
  messageExtensionSso: { title: 'SSO for message extensions uses the bot SSO resource api://botid-<bot id> (Microsoft Learn)', url: 'https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/enable-sso-auth-me' },
  webApplicationInfo: { title: 'webApplicationInfo: without SSO, resource may be a dummy such as https://example (Microsoft 365 app manifest reference)', url: 'https://learn.microsoft.com/microsoft-365/extensibility/schema/root-web-application-info' },
  toolkitBuild: { title: 'Agents Toolkit: the manifest template and the built appPackage/build/manifest.<env>.json (Microsoft Learn)', url: 'https://learn.microsoft.com/microsoftteams/platform/toolkit/teamsfx-preview-and-customize-app-manifest' },
  botsManifest: { title: 'bots[] in the app manifest: botId, scopes, commandLists (Microsoft Learn)', url: 'https://learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema#bots' },
  // Behind the endpoint, TLS, auth and registration checks.
  cloudAdapter: { title: 'botbuilder-js CloudAdapter.process: authentication errors answer 401, other errors 500 with the error message', url: 'https://github.com/microsoft/botbuilder-js/blob/29b8341da1c0ae477e6c32c43170011e4247689a/libraries/botbuilder/src/cloudAdapter.ts#L158-L168' },
  authDisabled: { title: 'botbuilder-js: authentication is off when no app ID is configured', url: 'https://github.com/microsoft/botbuilder-js/blob/29b8341da1c0ae477e6c32c43170011e4247689a/libraries/botframework-connector/src/auth/passwordServiceClientCredentialFactory.ts#L82-L89' },
  securityGuidelines: { title: 'Bot Framework security guidelines: channels require HTTPS and TLS 1.2', url: 'https://learn.microsoft.com/en-us/azure/bot-service/bot-builder-security-guidelines' },
  tls12Announcement: { title: 'Azure Bot Service enforces TLS 1.2 (microsoft/BotFramework-Services#22)', url: 'https://github.com/microsoft/BotFramework-Services/issues/22' },
  tls13Teams: { title: 'Reported: the Teams channel drops messages to an endpoint whose minimum TLS is 1.3 (microsoft/teams.ts#564)', url: 'https://github.com/microsoft/teams.ts/issues/564' },
  tls13Docs1: { title: 'Reported: App Service minimum inbound TLS 1.3 stops a bot working in Teams (MicrosoftDocs/msteams-docs#12015)', url: 'https://github.com/MicrosoftDocs/msteams-docs/issues/12015' },
  tls13Docs2: { title: 'Reported: "Could not create SSL/TLS secure channel" with a TLS 1.3 minimum (MicrosoftDocs/msteams-docs#14152)', url: 'https://github.com/MicrosoftDocs/msteams-docs/issues/14152' },
  chainTrusted: { title: 'Bot Framework requires a current certificate that chains to a trusted root (microsoft/botframework-sdk#1328)', url: 'https://github.com/microsoft/botframework-sdk/issues/1328' },
  chainTrusted2: { title: 'Bot Framework requires a chain-trusted certificate (microsoft/botframework-sdk#786)', url: 'https://github.com/microsoft/botframework-sdk/issues/786' },
  channelWindow: { title: 'Manage a long-running operation: the service times out when the bot takes more than 10 to 15 seconds, depending on the channel', url: 'https://learn.microsoft.com/en-us/azure/bot-service/bot-builder-howto-long-operations-guidance' },
  botBasics: { title: 'How bots work: the bot has 15 seconds to acknowledge the call on most channels, then a 504', url: 'https://learn.microsoft.com/en-us/azure/bot-service/bot-builder-basics' },
  agentsJwt: { title: 'Microsoft 365 Agents SDK authorizeJWT: 401 with a jwt-auth-error body; anonymous without a client id outside production', url: 'https://github.com/microsoft/Agents-for-js/blob/f503cf985c88cf77e0ad77e3482f3d33416756f5/packages/agents-hosting/src/auth/jwt-middleware.ts#L480-L519' },
  teamsHttpServer: { title: 'Teams SDK HttpServer: 401 with Missing authorization header, JWT validation failed or Authentication not configured', url: 'https://github.com/microsoft/teams.ts/blob/02e8990632fefde21ceda14300751bba46b81e6a/packages/apps/src/http/http-server.ts#L184-L249' },
  botbuilderInvoke501: { title: 'botbuilder-js ActivityHandler: an invoke no handler takes is answered 501', url: 'https://github.com/microsoft/botbuilder-js/blob/29b8341da1c0ae477e6c32c43170011e4247689a/libraries/botbuilder-core/src/activityHandler.ts#L544-L553' },
  botbuilderSettings: { title: 'botbuilder-js: the MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId settings', url: 'https://github.com/microsoft/botbuilder-js/blob/29b8341da1c0ae477e6c32c43170011e4247689a/libraries/botbuilder-core/src/configurationServiceClientCredentialFactory.ts#L22-L41' },
  agentsExpectReplies: { title: 'Microsoft 365 Agents SDK CloudAdapter: expectReplies answers carry the replies, an unhandled invoke gets 501', url: 'https://github.com/microsoft/Agents-for-js/blob/f503cf985c88cf77e0ad77e3482f3d33416756f5/packages/agents-hosting/src/cloudAdapter.ts#L885-L905' },
  agentsSettings: { title: 'Microsoft 365 Agents SDK: connection settings from environment variables (connections__<id>__settings__clientId ...)', url: 'https://github.com/microsoft/Agents-for-js/blob/f503cf985c88cf77e0ad77e3482f3d33416756f5/packages/agents-hosting/src/auth/authConfiguration.ts#L63-L74' },
  teamsApp: { title: 'Teams SDK App: dangerouslyAllowUnauthenticatedRequests and DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS', url: 'https://github.com/microsoft/teams.ts/blob/014a2c452602e1cb8716f091163082d300f66644/packages/apps/src/app.ts#L357-L382' },
  teamsAuthDocs: { title: 'Teams SDK docs: App authentication (CLIENT_ID, CLIENT_SECRET, TENANT_ID)', url: 'https://github.com/microsoft/teams-sdk/blob/2d3ffbd1d6cfbf8768cf0d221658cb4714dab8f2/teams.md/src/pages/templates/essentials/app-authentication/README.mdx#L25-L60' },
  finalhandler: { title: "finalhandler (Express's default error page): the stack outside production, only the status text in production", url: 'https://github.com/pillarjs/finalhandler/blob/aa2851f6b6cf48238a307299be691721530e9172/index.js#L157-L171' },
  sdkRetirement: { title: 'Bot Framework SDK README: support tickets no longer serviced as of December 31, 2025', url: 'https://github.com/microsoft/botframework-sdk/blob/0fd3e0d88d46d4459c30b6e7221c8537301393a5/README.md#L3-L5' },
  appServiceAuth: { title: 'Authentication and authorization in Azure App Service (Easy Auth)', url: 'https://learn.microsoft.com/en-us/azure/app-service/overview-authentication-authorization' },
  owaspErrors: { title: 'OWASP Error Handling Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Error_Handling_Cheat_Sheet.html' },
  rfc6125: { title: 'RFC 6125: checking a server certificate against the host name', url: 'https://www.rfc-editor.org/rfc/rfc6125' },
} as const satisfies Record<string, SourceRef>;

export type SourceKey = keyof typeof SOURCES;
