import { runCheckTable } from '../testing/check-tester';
import { baseRegistration } from '../testing/azure-mocks/fixtures';
import check from './registration-teams-channel';

const listsOnly = { source: 'channel-lists', found: true, isEnabled: undefined, enableCalling: undefined };

runCheckTable(check, {
  base: { AzureRegistration: baseRegistration },
  valid: [
    { name: 'channel present and enabled', messageId: 'enabled' },
    { name: 'no channel JSON but enabledChannels lists msteams', evidence: { AzureRegistration: { teams: listsOnly } }, messageId: 'listedEnabled' },
    { name: 'no channel data at all skips', evidence: { AzureRegistration: { teams: { source: 'none', found: false, isEnabled: undefined, enableCalling: undefined, listedEnabled: undefined, listedConfigured: undefined } } }, status: 'skip', messageId: 'noChannelData' },
  ],
  invalid: [
    { name: 'channel not found (ARM 404)', evidence: { AzureRegistration: { teams: { found: false, isEnabled: undefined } } }, status: 'fail', messageId: 'notAdded' },
    { name: 'channel disabled', evidence: { AzureRegistration: { teams: { isEnabled: false } } }, status: 'fail', messageId: 'disabled' },
    { name: 'channel without isEnabled', evidence: { AzureRegistration: { teams: { isEnabled: undefined } } }, status: 'warn', messageId: 'enabledUnknown' },
    {
      name: 'lists without msteams warn (unconfirmed list naming)',
      evidence: { AzureRegistration: { enabledChannels: ['webchat'], configuredChannels: ['webchat', 'directline'], teams: { ...listsOnly, found: false, listedEnabled: false, listedConfigured: false } } },
      status: 'warn', messageId: 'notListed', data: { channels: 'webchat, directline' },
    },
  ],
});
