import { defineCheck } from '../core/define-check';
import type { MessageData } from '../core/types';
import { REGIONAL_BOT_ENDPOINTS } from '../core/clouds';
import type {} from '../gather/registration-model';

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
      'The Azure Bot\'s location says where Azure Bot Service keeps the bot\'s own data at rest: global, or a region for local data residency. '
      + 'Teams messages do not pass through Azure Bot Service either way; they travel between Teams and your bot.',
    severity: 'info',
    requiredEvidence: ['AzureRegistration'],
    messages: {
      global: 'The bot is global: Azure Bot Service may keep the bot\'s configuration in any of its regions. Teams conversation data does not transit Azure Bot Service.',
      regionalNoted: 'The bot is regional ({{location}}, {{geo}}). {{note}} Teams conversation data does not transit Azure Bot Service.',
      regional: 'The bot is regional ({{location}}, {{geo}}): Azure Bot Service keeps the bot\'s data in that geography. Host the bot code there too for end-to-end residency; Teams conversation data does not transit Azure Bot Service.',
      other: 'The bot\'s location is "{{location}}", which is neither global nor a documented data-residency region.',
      unknown: 'The bot JSON carries no location.',
      regionalTeams: 'The bot is regional ({{location}}) and has the Teams channel. Whether the Teams channel is supported on regional bots is unconfirmed.',
    },
    remediation: {
      regionalTeams: 'If Teams messages do not arrive, compare with a global Azure Bot for the same app id; check the regionalization page for the channels your region supports.',
    },
    sources: [
      { title: 'Azure Bot Service: regional data residency', url: 'https://learn.microsoft.com/azure/bot-service/bot-builder-concept-regionalization' },
      { title: 'Azure Bot Service: encryption of data at rest (what Bot Service stores)', url: 'https://learn.microsoft.com/azure/bot-service/bot-service-encryption' },
      { title: 'Teams platform: bot communication flow (Teams data does not transit Bot Service)', url: 'https://learn.microsoft.com/microsoftteams/platform/bots/communication-flow' },
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
