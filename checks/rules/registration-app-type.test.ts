import { runCheckTable } from '../testing/check-tester';
import { baseRegistration } from '../testing/azure-mocks/fixtures';
import check from './registration-app-type';

runCheckTable(check, {
  base: { AzureRegistration: baseRegistration },
  valid: [
    { name: 'SingleTenant passes', messageId: 'singleTenant' },
    { name: 'UserAssignedMSI passes', evidence: { AzureRegistration: { msaAppType: 'UserAssignedMSI' } }, messageId: 'managedIdentity' },
    { name: 'app type compared case-insensitively', evidence: { AzureRegistration: { msaAppType: 'singletenant' } }, messageId: 'singleTenant' },
  ],
  invalid: [
    { name: 'MultiTenant warns (creation deprecated)', evidence: { AzureRegistration: { msaAppType: 'MultiTenant' } }, status: 'warn', messageId: 'multiTenant' },
    { name: 'missing app type warns', evidence: { AzureRegistration: { msaAppType: undefined } }, status: 'warn', messageId: 'missing' },
    { name: 'unknown app type fails', evidence: { AzureRegistration: { msaAppType: 'Personal' } }, status: 'fail', messageId: 'unknown', data: { value: 'Personal' } },
  ],
});
