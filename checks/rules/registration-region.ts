import { defineCheck } from '../core/define-check';
import type { MessageData } from '../core/types';
import { REGIONAL_BOT_ENDPOINTS } from '../core/clouds';
import type {} from '../computed/registration-model';

/** Azure locations of regional bots (from the cloud data module), lower case without spaces. */
function regionalBot(location: string): { geo: string; note?: string } | undefined {
  const key = location.toLowerCase().replace(/\s+/g, '');
  const entry = REGIONAL_BOT_ENDPOINTS.find((r) => r.azureLocation.value.toLowerCase() === key);
  if (!entry) return undefined;
  return { geo: entry.name, ...(entry.azureLocation.note ? { note: entry.azureLocation.note } : {}) };
}

export default defineCheck({
  meta: {
    id: 'registration-region',
    suite: 'registration',
    title: 'Bot resource location',
    failureTitle: 'Bot resource location needs a look',
    description:
      'Reports the Azure Bot\'s location: global, or a location with local data residency (Microsoft offers it in westeurope and centralindia), '
      + 'for which Microsoft says the personal data Azure Bot Service holds stays in that geography. It reads the location only: it cannot see how Azure Bot Service stores or encrypts that data. '
      + 'For the Teams channel, user data does not pass through Azure Bot Service either way.',
    severity: 'info',
    requiredEvidence: ['AzureRegistration'],
    messages: {
      global: 'The bot is global: it does not use the local data residency option, so Microsoft\'s statement that a regional bot\'s data stays in its geography does not apply. For the Teams channel, user data does not transit Azure Bot Service.',
      regionalNoted: 'The bot is regional ({{location}}, {{geo}}). {{note}} For the Teams channel, user data does not transit Azure Bot Service.',
      regional: 'The bot is regional ({{location}}, {{geo}}): Microsoft says a regional bot\'s personal data in Azure Bot Service is stored and processed in that geography, and advises hosting the bot code there too for end-to-end residency. For the Teams channel, user data does not transit Azure Bot Service.',
      other: 'The bot\'s location is "{{location}}", which is neither global nor a documented data-residency region.',
      unknown: 'The bot JSON carries no location.',
      regionalTeams: 'The bot is regional ({{location}}) and has the Teams channel. Whether the Teams channel is supported on regional bots is unconfirmed.',
    },
    remediation: {
      regionalTeams: 'If Teams messages do not arrive, compare with a global Azure Bot for the same app id; check the regionalization page for the channels your region supports.',
    },
    sources: [
      { title: 'Azure Bot Service: regionalization (personal data preserved, stored and processed within the geography; Azure Bot Service data only)', url: 'https://learn.microsoft.com/azure/bot-service/bot-builder-concept-regionalization' },
      { title: 'Azure Bot Service: create an Azure Bot resource (local data residency in westeurope and centralindia)', url: 'https://learn.microsoft.com/azure/bot-service/abs-quickstart' },
      { title: 'Azure Bot Service: encryption of data at rest (what Bot Service stores)', url: 'https://learn.microsoft.com/azure/bot-service/bot-service-encryption' },
      { title: 'Teams platform: bot communication flow (Teams user data does not transit Azure Bot Service)', url: 'https://learn.microsoft.com/microsoftteams/platform/bots/communication-flow#bot-apps-communication-flow-faqs' },
    ],
  },
  evaluate({ AzureRegistration: reg }) {
    const location = reg.location;
    const evidence = { location: location ?? null };
    if (!location) return { status: 'info', messageId: 'unknown', evidence };
    if (location.toLowerCase() === 'global') return { status: 'info', messageId: 'global', evidence };
    const regional = regionalBot(location);
    if (!regional) return { status: 'info', messageId: 'other', data: { location } as MessageData, evidence };
    const teams = reg.teams.found && (reg.teams.source === 'channel' || reg.teams.listedEnabled === true);
    if (teams) return { status: 'warn', messageId: 'regionalTeams', data: { location } as MessageData, evidence };
    if (regional.note) return { status: 'info', messageId: 'regionalNoted', data: { location, geo: regional.geo, note: regional.note } as MessageData, evidence };
    return { status: 'info', messageId: 'regional', data: { location, geo: regional.geo } as MessageData, evidence };
  },
});
