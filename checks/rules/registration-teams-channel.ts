import { defineCheck } from '../core/define-check';
import type { MessageData } from '../core/types';
import type {} from '../computed/registration-model';

export default defineCheck({
  meta: {
    id: 'registration-teams-channel',
    suite: 'registration',
    title: 'Teams channel is added and enabled',
    failureTitle: 'Teams channel is missing or disabled',
    description:
      'A bot that works in Web Chat but not in Teams usually lacks the Microsoft Teams channel on its Azure Bot resource. '
      + 'Without the channel (MsTeamsChannel, enabled) Teams cannot deliver messages to the bot.',
    severity: 'error',
    requiredEvidence: ['AzureRegistration'],
    messages: {
      enabled: 'The Teams channel (MsTeamsChannel) is present and enabled.',
      listedEnabled: 'The bot\'s enabledChannels list includes msteams (give the Teams channel JSON for calling details).',
      notAdded: 'The bot has no Teams channel (MsTeamsChannel was not found).',
      disabled: 'The Teams channel exists but isEnabled is false.',
      enabledUnknown: 'The Teams channel JSON does not say whether the channel is enabled (no isEnabled).',
      notListed: 'The bot\'s channel lists ({{channels}}) do not include msteams. These read-only lists may lag; give the Teams channel JSON to confirm (unconfirmed: the exact name Azure uses in the lists).',
      noChannelData: 'No Teams channel JSON was given and the bot JSON has no channel lists, so the Teams channel cannot be checked.',
    },
    remediation: {
      notAdded: 'Add the Teams channel: az bot msteams create --name <bot> --resource-group <group> (or Azure Bot > Channels > Microsoft Teams in the portal), accept the terms, and apply.',
      disabled: 'Enable the Teams channel in Azure Bot > Channels > Microsoft Teams, or recreate it with az bot msteams create.',
      enabledUnknown: 'Pass the unedited output of "az bot msteams show --name <bot> --resource-group <group>".',
      notListed: 'Run "az bot msteams show --name <bot> --resource-group <group>" and pass its output with --channel; if it reports no channel, add it with az bot msteams create.',
    },
    sources: [
      { title: 'Azure Bot Service: connect a bot to Microsoft Teams', url: 'https://learn.microsoft.com/azure/bot-service/channel-connect-teams' },
      { title: 'Azure REST API: Channels - Get (2022-09-15), MsTeamsChannel', url: 'https://learn.microsoft.com/rest/api/botservice/channels/get?view=rest-botservice-2022-09-15' },
      { title: 'Azure CLI: az bot msteams', url: 'https://learn.microsoft.com/cli/azure/bot/msteams' },
    ],
  },
  evaluate({ AzureRegistration: reg }) {
    const t = reg.teams;
    const evidence = {
      source: t.source,
      found: t.found,
      isEnabled: t.isEnabled ?? null,
      enabledChannels: reg.enabledChannels ?? null,
    };
    if (t.source === 'none') return { status: 'skip', messageId: 'noChannelData', evidence };
    if (t.source === 'channel-lists') {
      if (t.listedEnabled) return { status: 'pass', messageId: 'listedEnabled', evidence };
      const channels = [...new Set([...(reg.enabledChannels ?? []), ...(reg.configuredChannels ?? [])])];
      return { status: 'warn', messageId: 'notListed', data: { channels: channels.length ? channels.join(', ') : 'empty' } as MessageData, evidence };
    }
    if (!t.found) return { status: 'fail', messageId: 'notAdded', evidence };
    if (t.isEnabled === false) return { status: 'fail', messageId: 'disabled', evidence };
    if (t.isEnabled === undefined) return { status: 'warn', messageId: 'enabledUnknown', evidence };
    return { status: 'pass', messageId: 'enabled', evidence };
  },
});
