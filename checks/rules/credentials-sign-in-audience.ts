import { defineCheck, type TypedOutcome } from '../core/define-check';
import { json } from '../computed/json';
import { audienceVerdict } from '../computed/graph-verdicts';
import type {} from '../computed/credentials-model'; // its EvidenceMap entries (types only: rules do no I/O)

const messages = {
  fits: 'signInAudience {{audience}} fits a {{appType}} bot.',
  mismatch: 'signInAudience is {{audience}}, but a MultiTenant bot asks the botframework.com tenant for its token, which fails (AADSTS700016) for an app limited to its own tenant.',
  unusual: 'signInAudience is {{audience}} for a SingleTenant bot; a single-tenant bot\'s app registration is normally AzureADMyOrg (accounts in this directory only).',
  noAudience: 'The app registration did not report its signInAudience.',
};

export default defineCheck({
  meta: {
    id: 'credentials-sign-in-audience',
    suite: 'credentials',
    title: 'App registration audience fits the bot\'s app type',
    failureTitle: 'App registration audience does not fit the bot\'s app type',
    description: 'A MultiTenant bot asks the botframework.com tenant for its token, which only works when its app registration accepts accounts of any organisation; a SingleTenant bot\'s app registration is normally limited to its own directory (AzureADMyOrg). The app registration\'s signInAudience is read from Microsoft Graph.',
    severity: 'error',
    requiredEvidence: ['GraphRegistration'],
    messages,
    remediation: {
      mismatch: 'Make the bot SingleTenant (MicrosoftAppType SingleTenant with MicrosoftAppTenantId, and the Azure Bot\'s app type), or make the app registration multi-tenant (Authentication > Supported account types).',
      unusual: 'Nothing breaks; if the bot should serve only its own organisation, set Supported account types to "Accounts in this organizational directory only".',
    },
    sources: [
      { title: 'Microsoft Graph: application resource type (signInAudience)', url: 'https://learn.microsoft.com/graph/api/resources/application' },
      { title: 'Azure Bot Service: bot identity types (single-tenant, multi-tenant, managed identity)', url: 'https://learn.microsoft.com/azure/bot-service/bot-service-quickstart-registration#bot-identity-information' },
    ],
  },
  evaluate({ GraphRegistration: g }): TypedOutcome<keyof typeof messages> {
    const v = audienceVerdict(g.application, g.appType);
    const evidence = json({ ...(v.signInAudience ? { signInAudience: v.signInAudience } : {}), appType: g.appType });
    const data = { audience: v.signInAudience ?? '', appType: g.appType };
    return { status: v.status, messageId: v.kind, data, evidence };
  },
});
