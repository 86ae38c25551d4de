import { runCheckTable } from '../testing/check-tester';
import { baseRegistration, CALLING_WEBHOOK, ENDPOINT, manifestFor, noManifest } from '../testing/azure-mocks/fixtures';
import check from './registration-calling';

const calling = { enableCalling: true, callingWebhook: CALLING_WEBHOOK, callingWebhookKeys: ['callingWebhook'] };
const wantsCalling = manifestFor(undefined, { supportsCalling: true });

runCheckTable(check, {
  base: { AzureRegistration: baseRegistration, RegistrationManifest: noManifest, UnderTest: {} },
  valid: [
    { name: 'calling off and nothing asks for it', messageId: 'callingOff' },
    { name: 'calling on with a distinct https webhook', evidence: { AzureRegistration: { teams: calling } }, messageId: 'callingOk' },
    { name: 'manifest supportsCalling and calling on', evidence: { AzureRegistration: { teams: calling }, RegistrationManifest: wantsCalling }, messageId: 'callingOk' },
    { name: 'webhook read from callingWebHook', evidence: { AzureRegistration: { teams: { ...calling, callingWebhookKeys: ['callingWebHook'] } } }, messageId: 'callingOk' },
    { name: 'webhook equals the one under test', evidence: { UnderTest: { callingWebhook: CALLING_WEBHOOK }, AzureRegistration: { teams: calling } }, messageId: 'callingOk' },
    { name: 'no channel JSON skips', evidence: { AzureRegistration: { teams: { source: 'channel-lists' } } }, status: 'skip', messageId: 'noChannel' },
    { name: 'channel missing and calling not wanted skips', evidence: { AzureRegistration: { teams: { found: false } } }, status: 'skip', messageId: 'noChannel' },
  ],
  invalid: [
    { name: 'manifest supportsCalling but calling off', evidence: { RegistrationManifest: wantsCalling }, status: 'fail', messageId: 'manifestNeedsCalling' },
    { name: 'manifest supportsCalling but no Teams channel', evidence: { AzureRegistration: { teams: { found: false } }, RegistrationManifest: wantsCalling }, status: 'fail', messageId: 'noChannelForCalling' },
    { name: 'calling on but manifest lacks supportsCalling', evidence: { AzureRegistration: { teams: calling }, RegistrationManifest: manifestFor() }, status: 'warn', messageId: 'manifestLacksCalling' },
    { name: 'calling on without webhook', evidence: { AzureRegistration: { teams: { enableCalling: true } } }, status: 'fail', messageId: 'webhookMissing' },
    { name: 'http webhook', evidence: { AzureRegistration: { teams: { ...calling, callingWebhook: 'http://bot.contoso.example/api/calling' } } }, status: 'fail', messageId: 'webhookNotHttps' },
    { name: 'webhook is the messaging endpoint (not sourced as an error: a warning)', evidence: { AzureRegistration: { teams: { ...calling, callingWebhook: `${ENDPOINT}/` } } }, status: 'warn', messageId: 'webhookSameAsEndpoint' },
    { name: 'webhook differs from the one under test', evidence: { UnderTest: { callingWebhook: 'https://calls.contoso.example/api/calling' }, AzureRegistration: { teams: calling } }, status: 'fail', messageId: 'webhookMismatch' },
    {
      name: 'two different webhooks under the two spellings',
      evidence: { AzureRegistration: { teams: { ...calling, webhookConflict: { callingWebhook: CALLING_WEBHOOK, callingWebHook: 'https://old.contoso.example/api/calling' } } } },
      status: 'fail', messageId: 'webhookConflict',
    },
  ],
});
