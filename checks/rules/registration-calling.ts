import type {} from '../computed/registration-model'; // its EvidenceMap entry (types only: rules do no I/O)
import { defineCheck } from '../core/define-check';
import type { MessageData } from '../core/types';
import { comparableUrl, isHttpsUrl } from '../computed/identifiers';
import type {} from '../gather/under-test';
import type {} from '../gather/registration-manifest';

export default defineCheck({
  meta: {
    id: 'registration-calling',
    suite: 'registration',
    title: 'Calling settings agree with the manifest',
    failureTitle: 'Calling settings are inconsistent',
    description:
      'Calls reach a bot through the calling webhook set on the Teams channel (Calling tab), which Microsoft configures separately from the messaging endpoint. '
      + 'When the manifest says supportsCalling, calling must be enabled on the channel with an https webhook; '
      + 'a webhook equal to the messaging endpoint only warns, because Microsoft does not say the two must differ.',
    severity: 'error',
    requiredEvidence: ['AzureRegistration', 'RegistrationManifest', 'UnderTest'],
    messages: {
      callingOk: 'Calling is enabled with the https webhook {{webhook}}, separate from the messaging endpoint.',
      callingOff: 'Calling is not enabled on the Teams channel, and nothing asks for it.',
      noChannel: 'No Teams channel JSON was given, so the calling settings cannot be checked.',
      noChannelForCalling: 'The manifest sets supportsCalling, but the bot has no Teams channel to enable calling on.',
      manifestNeedsCalling: 'The manifest sets supportsCalling, but calling is not enabled on the Teams channel.',
      manifestLacksCalling: 'Calling is enabled on the Teams channel, but the manifest does not set supportsCalling, so Teams will not offer calls to the bot.',
      webhookMissing: 'Calling is enabled but the Teams channel has no calling webhook (callingWebhook / callingWebHook).',
      webhookNotHttps: 'The calling webhook "{{webhook}}" is not an absolute https URL.',
      webhookSameAsEndpoint: 'The calling webhook {{webhook}} is the messaging endpoint. Microsoft configures the two separately, with different network requirements, but does not say they must differ, so this is a warning.',
      webhookMismatch: 'The registered calling webhook {{webhook}} is not the calling webhook under test {{tested}}.',
      webhookConflict: 'The channel carries two different calling webhooks: callingWebhook {{lower}} and callingWebHook {{upper}}.',
    },
    remediation: {
      noChannelForCalling: 'Add the Teams channel with calling on: az bot msteams create --name <bot> --resource-group <group> --enable-calling --calling-web-hook https://<host>/api/calling.',
      manifestNeedsCalling: 'Turn on calling in Azure Bot > Channels > Microsoft Teams > Calling, with "Webhook (for calling)" set to your https calling endpoint; or remove supportsCalling from the manifest if the bot takes no calls.',
      manifestLacksCalling: 'Set "supportsCalling": true on the bot in the manifest (and "supportsVideo" if it handles video), then upload the new app package; or turn calling off on the channel.',
      webhookMissing: 'Set "Webhook (for calling)" in Azure Bot > Channels > Microsoft Teams > Calling to your bot\'s https calling endpoint (for example https://<host>/api/calling).',
      webhookNotHttps: 'Use an absolute https URL with a publicly trusted certificate for the calling webhook.',
      webhookSameAsEndpoint: 'If your calling code does not also handle call notifications on /api/messages, serve calls on their own route (for example /api/calling) and set that as the calling webhook.',
      webhookMismatch: 'Make the two agree: test {{webhook}}, or update the calling webhook on the Teams channel to {{tested}}.',
      webhookConflict: 'Set the calling webhook again in Azure Bot > Channels > Microsoft Teams > Calling so one URL is stored.',
    },
    sources: [
      { title: 'Teams platform: register a calling and meeting bot (calling webhook)', url: 'https://learn.microsoft.com/microsoftteams/platform/bots/calls-and-meetings/registering-calling-bot' },
      { title: 'Teams platform: communication flow (messaging and calling endpoints are configured separately, with different network requirements)', url: 'https://learn.microsoft.com/microsoftteams/platform/bots/communication-flow#architecture-and-data-flow' },
      { title: 'Azure REST API: Channels - Get (2022-09-15), MsTeamsChannelProperties', url: 'https://learn.microsoft.com/rest/api/botservice/channels/get?view=rest-botservice-2022-09-15' },
      { title: 'Teams app manifest schema: bots[].supportsCalling', url: 'https://learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema#bots' },
      { title: 'Azure CLI: az bot msteams create (--enable-calling, --calling-web-hook)', url: 'https://learn.microsoft.com/cli/azure/bot/msteams' },
    ],
  },
  evaluate({ AzureRegistration: reg, RegistrationManifest: manifest, UnderTest: underTest }) {
    const t = reg.teams;
    const wantsCalling = manifest.provided && manifest.readable && manifest.supportsCalling;
    const tested = underTest.callingWebhook;
    const evidence = {
      enableCalling: t.enableCalling ?? null,
      callingWebhook: t.callingWebhook ?? null,
      callingWebhookKeys: t.callingWebhookKeys ?? [],
      messagingEndpoint: reg.endpoint,
      manifestProvided: manifest.provided,
      manifestSupportsCalling: manifest.provided ? manifest.supportsCalling : null,
      callingWebhookUnderTest: tested ?? null,
    };
    if (t.source !== 'channel') return { status: 'skip', messageId: 'noChannel', evidence };
    if (!t.found) {
      return wantsCalling
        ? { status: 'fail', messageId: 'noChannelForCalling', evidence }
        : { status: 'skip', messageId: 'noChannel', evidence };
    }
    if (t.webhookConflict) {
      return { status: 'fail', messageId: 'webhookConflict', data: { lower: t.webhookConflict.callingWebhook, upper: t.webhookConflict.callingWebHook } as MessageData, evidence };
    }
    if (t.enableCalling !== true) {
      return wantsCalling
        ? { status: 'fail', messageId: 'manifestNeedsCalling', evidence }
        : { status: 'pass', messageId: 'callingOff', evidence };
    }
    const webhook = t.callingWebhook;
    if (!webhook) return { status: 'fail', messageId: 'webhookMissing', evidence };
    if (!isHttpsUrl(webhook)) return { status: 'fail', messageId: 'webhookNotHttps', data: { webhook } as MessageData, evidence };
    if (tested !== undefined && comparableUrl(tested) !== comparableUrl(webhook)) {
      return { status: 'fail', messageId: 'webhookMismatch', data: { webhook, tested } as MessageData, evidence };
    }
    if (reg.endpoint && comparableUrl(reg.endpoint) === comparableUrl(webhook)) {
      return { status: 'warn', messageId: 'webhookSameAsEndpoint', data: { webhook } as MessageData, evidence };
    }
    if (manifest.provided && manifest.readable && !manifest.supportsCalling) return { status: 'warn', messageId: 'manifestLacksCalling', evidence };
    return { status: 'pass', messageId: 'callingOk', data: { webhook } as MessageData, evidence };
  },
});
