/**
 * The documents behind each widget's "Load example" button: made-up values (Contoso, example
 * GUIDs) in the shapes the real tools print (`az bot show`, `az bot msteams show`, a Teams app
 * manifest), so a reader can see what to paste and what the checks report on a healthy bot.
 */
import { azureBotDocument, teamsChannelDocument } from '../../checks/data/azure-documents';

const APP_ID = '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9';
const TENANT_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const SUBSCRIPTION = '0f1e2d3c-4b5a-4697-8877-665544332211';
const GROUP = 'rg-contoso-helpdesk';
const NAME = 'contoso-helpdesk-bot';

export const EXAMPLE_ENDPOINT = 'https://helpdesk-bot.contoso.example/api/messages';

const BOT = { subscription: SUBSCRIPTION, resourceGroup: GROUP, name: NAME, appId: APP_ID, tenantId: TENANT_ID, endpoint: EXAMPLE_ENDPOINT };

/** What `az bot show --name contoso-helpdesk-bot --resource-group rg-contoso-helpdesk` prints. */
export const EXAMPLE_BOT = azureBotDocument(BOT);

/** What `az bot msteams show --name contoso-helpdesk-bot --resource-group rg-contoso-helpdesk` prints. */
export const EXAMPLE_TEAMS_CHANNEL = teamsChannelDocument(BOT);

/** A Teams app manifest (v1.24) for the same bot: its botId is the registration's msaAppId. */
export const EXAMPLE_MANIFEST = {
  $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json',
  manifestVersion: '1.24',
  version: '1.0.0',
  id: '6e5d4c3b-2a19-4807-9f6e-5d4c3b2a1908',
  developer: {
    name: 'Contoso',
    websiteUrl: 'https://www.contoso.example',
    privacyUrl: 'https://www.contoso.example/privacy',
    termsOfUseUrl: 'https://www.contoso.example/terms',
  },
  icons: { color: 'color.png', outline: 'outline.png' },
  name: { short: 'Contoso Helpdesk', full: 'Contoso Helpdesk for Microsoft Teams' },
  description: {
    short: 'Answers helpdesk questions in Teams.',
    full: 'Answers helpdesk questions in personal chats, group chats and team channels, and opens tickets.',
  },
  accentColor: '#4F52B2',
  bots: [{ botId: APP_ID, scopes: ['personal', 'team', 'groupChat'], supportsFiles: false, isNotificationOnly: false }],
  permissions: ['identity', 'messageTeamMembers'],
  validDomains: ['helpdesk-bot.contoso.example'],
};

export const EXAMPLE_MANIFEST_NAME = 'manifest.json';

/** The serviceUrl of an activity from a tenant in Europe (the public cloud's EMEA region). */
export const EXAMPLE_SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

export function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
