/** Public sources behind the endpoint checks, cited in each check's `meta.sources`. */
import type { SourceLink } from '../core/types';

export const SOURCES = {
  connectorAuth: { title: 'Authenticate requests with the Bot Connector API (Azure AI Bot Service)', url: 'https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication' },
  cloudAdapter: { title: 'botbuilder-js CloudAdapter.process: authentication errors answer 401', url: 'https://github.com/microsoft/botbuilder-js/blob/main/libraries/botbuilder/src/cloudAdapter.ts' },
  authDisabled: { title: 'botbuilder-js: authentication is off when no app ID is configured', url: 'https://github.com/microsoft/botbuilder-js/blob/main/libraries/botframework-connector/src/auth/passwordServiceClientCredentialFactory.ts' },
  securityFaq: { title: 'Bot Framework security and privacy FAQ (HTTPS endpoint, public access)', url: 'https://learn.microsoft.com/en-us/azure/bot-service/bot-service-resources-faq-security' },
  securityGuidelines: { title: 'Bot Framework security guidelines: channels require HTTPS and TLS 1.2', url: 'https://learn.microsoft.com/en-us/azure/bot-service/bot-builder-security-guidelines' },
  tls12Announcement: { title: 'Azure Bot Service enforces TLS 1.2 (microsoft/BotFramework-Services#22)', url: 'https://github.com/microsoft/BotFramework-Services/issues/22' },
  tls13Teams: { title: 'Reported: the Teams channel drops messages to an endpoint whose minimum TLS is 1.3 (microsoft/teams.ts#564)', url: 'https://github.com/microsoft/teams.ts/issues/564' },
  tls13Docs1: { title: 'Reported: App Service minimum inbound TLS 1.3 stops a bot working in Teams (MicrosoftDocs/msteams-docs#12015)', url: 'https://github.com/MicrosoftDocs/msteams-docs/issues/12015' },
  tls13Docs2: { title: 'Reported: "Could not create SSL/TLS secure channel" with a TLS 1.3 minimum (MicrosoftDocs/msteams-docs#14152)', url: 'https://github.com/MicrosoftDocs/msteams-docs/issues/14152' },
  communicationFlow: { title: 'Teams bots: communication flow and network requirements', url: 'https://learn.microsoft.com/en-us/microsoftteams/platform/bots/communication-flow' },
  chainTrusted: { title: 'Bot Framework requires a current certificate that chains to a trusted root (microsoft/botframework-sdk#1328)', url: 'https://github.com/microsoft/botframework-sdk/issues/1328' },
  chainTrusted2: { title: 'Bot Framework requires a chain-trusted certificate (microsoft/botframework-sdk#786)', url: 'https://github.com/microsoft/botframework-sdk/issues/786' },
  timeout15s: { title: 'The channel waits 15 s for the bot and it is not configurable (microsoft/BotFramework-Services#290)', url: 'https://github.com/microsoft/BotFramework-Services/issues/290' },
  timeout15s2: { title: 'Gateway timeouts occur when a bot takes longer than 15 s (microsoft/botframework-sdk#2161)', url: 'https://github.com/microsoft/botframework-sdk/issues/2161' },
  appServiceAuth: { title: 'Authentication and authorization in Azure App Service (Easy Auth)', url: 'https://learn.microsoft.com/en-us/azure/app-service/overview-authentication-authorization' },
  callingBot: { title: 'Register a calling and meeting bot for Teams (calling webhook)', url: 'https://learn.microsoft.com/en-us/microsoftteams/platform/bots/calls-and-meetings/registering-calling-bot' },
  owaspErrors: { title: 'OWASP Error Handling Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Error_Handling_Cheat_Sheet.html' },
  rfc6125: { title: 'RFC 6125: checking a server certificate against the host name', url: 'https://www.rfc-editor.org/rfc/rfc6125' },
} as const satisfies Record<string, SourceLink>;
