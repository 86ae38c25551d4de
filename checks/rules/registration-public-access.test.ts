import { runCheckTable } from '../testing/check-tester';
import { baseRegistration } from '../testing/azure-mocks/fixtures';
import check from './registration-public-access';

runCheckTable(check, {
  base: { AzureRegistration: baseRegistration },
  valid: [
    { name: 'Enabled', messageId: 'enabled' },
    { name: 'absent defaults to Enabled', evidence: { AzureRegistration: { publicNetworkAccess: undefined } }, messageId: 'defaulted' },
  ],
  invalid: [
    { name: 'Disabled fails', evidence: { AzureRegistration: { publicNetworkAccess: 'Disabled' } }, status: 'fail', messageId: 'disabled' },
    { name: 'SecuredByPerimeter warns (unconfirmed)', evidence: { AzureRegistration: { publicNetworkAccess: 'SecuredByPerimeter' } }, status: 'warn', messageId: 'perimeter' },
    { name: 'undocumented value warns', evidence: { AzureRegistration: { publicNetworkAccess: 'Partial' } }, status: 'warn', messageId: 'unknown' },
  ],
});
