import { defineCheck } from '../core/define-check';
import type { MessageData } from '../core/types';
import type {} from '../computed/registration-model';

export default defineCheck({
  meta: {
    id: 'registration-public-access',
    suite: 'registration',
    title: 'Public network access is enabled',
    failureTitle: 'Public network access is disabled',
    description:
      'Turning public network access off puts the Azure Bot in isolated mode, which disables the channels that need traffic over the public internet. '
      + 'The Teams channel reaches the bot over the public internet, so a Teams bot needs it enabled.',
    severity: 'error',
    requiredEvidence: ['AzureRegistration'],
    messages: {
      enabled: 'publicNetworkAccess is Enabled.',
      defaulted: 'publicNetworkAccess is not set; the API default is Enabled.',
      disabled: 'publicNetworkAccess is Disabled: channels that need the public internet, Teams among them, are turned off.',
      perimeter: 'publicNetworkAccess is SecuredByPerimeter (a preview value). Whether the Teams channel works behind a network security perimeter is unconfirmed.',
      unknown: 'publicNetworkAccess is "{{value}}", which is not a documented value (Enabled, Disabled).',
    },
    remediation: {
      disabled: 'Enable it in Azure Bot > Networking (public network access: Enabled), or with ARM/Bicep set properties.publicNetworkAccess to "Enabled".',
      perimeter: 'If Teams messages do not arrive, set public network access to Enabled in Azure Bot > Networking and test again.',
      unknown: 'Pass the unedited "az bot show" output; publicNetworkAccess should be Enabled for a Teams bot.',
    },
    sources: [
      { title: 'Azure REST API: Bots - Get (2022-09-15), publicNetworkAccess', url: 'https://learn.microsoft.com/rest/api/botservice/bots/get?view=rest-botservice-2022-09-15' },
      { title: 'Azure Policy built-in: Bot Service should have public network access disabled (what Disabled turns off)', url: 'https://github.com/Azure/azure-policy/blob/master/built-in-policies/policyDefinitions/Bot%20Service/PublicNetworkAccess_Audit.json' },
      { title: 'Azure Bot Service: network isolation concepts', url: 'https://learn.microsoft.com/azure/bot-service/dl-network-isolation-concept' },
    ],
  },
  evaluate({ AzureRegistration: reg }) {
    const value = reg.publicNetworkAccess;
    const evidence = { publicNetworkAccess: value ?? null };
    if (!value) return { status: 'pass', messageId: 'defaulted', evidence };
    switch (value.toLowerCase()) {
      case 'enabled': return { status: 'pass', messageId: 'enabled', evidence };
      case 'disabled': return { status: 'fail', messageId: 'disabled', evidence };
      case 'securedbyperimeter': return { status: 'warn', messageId: 'perimeter', evidence };
      default: return { status: 'warn', messageId: 'unknown', data: { value } as MessageData, evidence };
    }
  },
});
