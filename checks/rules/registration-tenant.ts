import type {} from '../computed/registration-model'; // its EvidenceMap entry (types only: rules do no I/O)
import { defineCheck } from '../core/define-check';
import { SOURCES } from '../data/sources';
import { IDENTITY_SETTINGS_BY_SDK } from '../computed/sdk-settings';
import type { MessageData } from '../core/types';
import { isGuid } from '../computed/identifiers';

const MSI_RESOURCE_ID = /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.managedidentity\/userassignedidentities\/[^/]+$/i;

export default defineCheck({
  meta: {
    id: 'registration-tenant',
    suite: 'registration',
    title: 'Identity fields match the app type',
    failureTitle: 'Identity fields do not match the app type',
    description:
      'Single-tenant bots get their tokens from their own tenant and user-assigned managed identity bots from their identity, '
      + 'so the registration must carry the tenant id (and, for a managed identity, the identity\'s resource id). '
      + 'A missing or wrong value here shows up as 401s when the bot replies.',
    severity: 'error',
    requiredEvidence: ['AzureRegistration'],
    messages: {
      singleTenantOk: 'SingleTenant bot with app id {{appId}} in tenant {{tenant}}.',
      msiOk: 'UserAssignedMSI bot with client id {{appId}} in tenant {{tenant}}, identity {{msi}}.',
      multiTenantOk: 'MultiTenant bot with app id {{appId}}: no tenant id is needed (tokens come from the botframework.com tenant).',
      multiTenantWithTenant: `MultiTenant bot that also carries msaAppTenantId {{tenant}}. Multi-tenant bots get tokens from the botframework.com tenant; the bot's own tenant setting should stay empty (${IDENTITY_SETTINGS_BY_SDK}).`,
      appIdInvalid: 'msaAppId is "{{appId}}", not a GUID: Teams and the Bot Connector identify the bot by this id.',
      tenantMissing: '{{type}} bot without msaAppTenantId: the bot cannot get tokens from its tenant.',
      tenantInvalid: 'msaAppTenantId is "{{tenant}}", not a tenant GUID.',
      msiMissing: 'UserAssignedMSI bot without msaAppMSIResourceId (the user-assigned identity\'s resource id).',
      msiInvalid: 'msaAppMSIResourceId "{{msi}}" is not the resource id of a user-assigned managed identity.',
      typeUnknown: 'The app type is missing or unknown, so the tenant fields cannot be judged (see registration-app-type).',
    },
    remediation: {
      appIdInvalid: 'Pass the unedited "az bot show" output; msaAppId is the Entra application (client) id, or the managed identity\'s client id.',
      tenantMissing: `A single-tenant or managed-identity bot must record its tenant: recreate the Azure Bot with the right app type and tenant (msaAppTenantId is set at creation), and set the tenant in the bot's configuration to the same value (${IDENTITY_SETTINGS_BY_SDK}).`,
      tenantInvalid: 'msaAppTenantId must be the directory (tenant) id GUID shown on the app registration\'s overview page.',
      msiMissing: `Recreate the Azure Bot with the user-assigned identity selected, so msaAppMSIResourceId names it; set the bot's identity to that managed identity: its client id, its tenant, and the managed-identity app type (${IDENTITY_SETTINGS_BY_SDK}).`,
      msiInvalid: 'msaAppMSIResourceId must look like /subscriptions/<sub>/resourceGroups/<group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>.',
    },
    sources: [
      SOURCES.botbuilderSettings, SOURCES.agentsSettings, SOURCES.teamsAuthDocs,
      { title: 'Azure Bot Service: create an Azure Bot resource (identity types)', url: 'https://learn.microsoft.com/azure/bot-service/abs-quickstart' },
      { title: 'Azure REST API: Bots - Get (2022-09-15), msaAppTenantId and msaAppMSIResourceId', url: 'https://learn.microsoft.com/rest/api/botservice/bots/get?view=rest-botservice-2022-09-15' },
      { title: 'Azure Bot Service: authenticate requests with the Bot Connector API (token per app type)', url: SOURCES.connectorAuth.url },
      { title: 'botbuilder-js: configurationServiceClientCredentialFactory.ts (required settings per app type)', url: 'https://github.com/microsoft/botbuilder-js/blob/main/libraries/botbuilder-core/src/configurationServiceClientCredentialFactory.ts' },
    ],
  },
  evaluate({ AzureRegistration: reg }) {
    const type = (reg.msaAppType ?? '').toLowerCase();
    const appId = reg.msaAppId ?? '';
    const tenant = reg.msaAppTenantId ?? '';
    const msi = reg.msaAppMSIResourceId ?? '';
    const evidence = {
      msaAppType: reg.msaAppType ?? null,
      msaAppId: reg.msaAppId ?? null,
      msaAppTenantId: reg.msaAppTenantId ?? null,
      msaAppMSIResourceId: reg.msaAppMSIResourceId ?? null,
    };
    if (!isGuid(appId)) return { status: 'fail', messageId: 'appIdInvalid', data: { appId: appId || '(missing)' } as MessageData, evidence };
    if (type === 'multitenant') {
      if (tenant) return { status: 'info', messageId: 'multiTenantWithTenant', data: { tenant } as MessageData, evidence };
      return { status: 'pass', messageId: 'multiTenantOk', data: { appId } as MessageData, evidence };
    }
    if (type !== 'singletenant' && type !== 'userassignedmsi') return { status: 'skip', messageId: 'typeUnknown', evidence };
    const typeName = type === 'singletenant' ? 'SingleTenant' : 'UserAssignedMSI';
    if (!tenant) return { status: 'fail', messageId: 'tenantMissing', data: { type: typeName } as MessageData, evidence };
    if (!isGuid(tenant)) return { status: 'fail', messageId: 'tenantInvalid', data: { tenant } as MessageData, evidence };
    if (type === 'singletenant') return { status: 'pass', messageId: 'singleTenantOk', data: { appId, tenant } as MessageData, evidence };
    if (!msi) return { status: 'fail', messageId: 'msiMissing', evidence };
    if (!MSI_RESOURCE_ID.test(msi)) return { status: 'fail', messageId: 'msiInvalid', data: { msi } as MessageData, evidence };
    return { status: 'pass', messageId: 'msiOk', data: { appId, tenant, msi } as MessageData, evidence };
  },
});
