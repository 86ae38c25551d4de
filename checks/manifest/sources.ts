import type { SourceLink } from '../core/types';

/** Public sources behind the manifest checks. */
export const SOURCES = {
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
} as const satisfies Record<string, SourceLink>;
