import { defineCheck } from '../core/define-check';
import { SOURCES } from '../data/sources';
import { IDENTITY_SETTINGS_BY_SDK } from '../computed/sdk-settings';
import type { MessageData } from '../core/types';
import type {} from '../computed/registration-model';

const KNOWN = ['SingleTenant', 'UserAssignedMSI', 'MultiTenant'];

export default defineCheck({
  meta: {
    id: 'registration-app-type',
    suite: 'registration',
    title: 'Bot identity is single-tenant or a user-assigned managed identity',
    failureTitle: 'Bot identity type needs attention',
    description:
      'The app type decides where the bot gets its tokens (the botframework.com tenant, its own tenant, or a managed identity). '
      + 'Creating new multi-tenant Azure Bot resources is deprecated after 2025-07-31; single-tenant and user-assigned managed identity are the supported choices.',
    severity: 'warning',
    requiredEvidence: ['AzureRegistration'],
    messages: {
      singleTenant: 'msaAppType is SingleTenant: the bot gets tokens from its own tenant.',
      managedIdentity: 'msaAppType is UserAssignedMSI: the bot uses a user-assigned managed identity, so there is no secret to manage.',
      multiTenant: 'msaAppType is MultiTenant. Existing multi-tenant bots keep working, but creating them is deprecated after 2025-07-31.',
      missing: 'The resource has no msaAppType. The Bot Framework SDK treats a missing app type as MultiTenant, whose creation is deprecated after 2025-07-31.',
      unknown: 'msaAppType is "{{value}}", which is not one of SingleTenant, UserAssignedMSI or MultiTenant.',
    },
    remediation: {
      multiTenant: `Plan a move to a single-tenant app or a user-assigned managed identity: create a new Azure Bot with that type, point it at the same messaging endpoint, and set the bot's identity settings to match (${IDENTITY_SETTINGS_BY_SDK}).`,
      missing: 'Check the app type in the Azure portal (Azure Bot > Configuration). If it is multi-tenant, plan a move to single-tenant or a user-assigned managed identity.',
      unknown: 'Pass the JSON "az bot show" prints, unedited; msaAppType must be SingleTenant, UserAssignedMSI or MultiTenant.',
    },
    sources: [
      SOURCES.botbuilderSettings, SOURCES.agentsSettings, SOURCES.teamsAuthDocs,
      { title: 'Azure Bot Service: create an Azure Bot resource (app types, multi-tenant deprecation)', url: 'https://learn.microsoft.com/azure/bot-service/abs-quickstart' },
      { title: 'Azure REST API: Bots - Get (2022-09-15), msaAppType', url: 'https://learn.microsoft.com/rest/api/botservice/bots/get?view=rest-botservice-2022-09-15' },
      { title: 'botbuilder-js: configurationServiceClientCredentialFactory.ts (default app type)', url: 'https://github.com/microsoft/botbuilder-js/blob/main/libraries/botbuilder-core/src/configurationServiceClientCredentialFactory.ts' },
    ],
  },
  evaluate({ AzureRegistration: reg }) {
    const value = reg.msaAppType;
    const evidence = { msaAppType: value ?? null };
    if (!value) return { status: 'warn', messageId: 'missing', evidence };
    const known = KNOWN.find((k) => k.toLowerCase() === value.toLowerCase());
    if (known === 'SingleTenant') return { status: 'pass', messageId: 'singleTenant', evidence };
    if (known === 'UserAssignedMSI') return { status: 'pass', messageId: 'managedIdentity', evidence };
    if (known === 'MultiTenant') return { status: 'warn', messageId: 'multiTenant', evidence };
    return { status: 'fail', messageId: 'unknown', data: { value } as MessageData, evidence };
  },
});
