import { runCheckTable } from '../testing/check-tester';
import check from './credentials-sign-in-audience';

const reg = (appType: string, signInAudience?: string) => ({ GraphRegistration: { appType, application: { credentials: [], ...(signInAudience ? { signInAudience } : {}) } } });

runCheckTable(check, {
  valid: [
    { name: 'single-tenant app for a SingleTenant bot', evidence: reg('SingleTenant', 'AzureADMyOrg'), messageId: 'fits' },
    { name: 'multi-tenant app for a MultiTenant bot', evidence: reg('MultiTenant', 'AzureADMultipleOrgs'), messageId: 'fits', data: { audience: 'AzureADMultipleOrgs', appType: 'MultiTenant' } },
    { name: 'Graph gave no audience', evidence: reg('SingleTenant'), status: 'skip', messageId: 'noAudience' },
  ],
  invalid: [
    { name: 'single-tenant app for a MultiTenant bot', evidence: reg('MultiTenant', 'AzureADMyOrg'), status: 'fail', messageId: 'mismatch' },
    { name: 'multi-tenant app for a SingleTenant bot', evidence: reg('SingleTenant', 'AzureADMultipleOrgs'), status: 'warn', messageId: 'unusual' },
  ],
});
