import { runCheckTable } from '../testing/check-tester';
import { baseRegistration } from '../testing/azure-mocks/fixtures';
import check from './registration-region';

const noTeams = { teams: { source: 'channel', found: false, isEnabled: undefined, listedEnabled: false } };

runCheckTable(check, {
  base: { AzureRegistration: baseRegistration },
  valid: [
    { name: 'global bot', status: 'info', messageId: 'global' },
    { name: 'regional bot without Teams', evidence: { AzureRegistration: { location: 'westeurope', ...noTeams } }, status: 'info', messageId: 'regional', data: { geo: 'Europe' } },
    { name: 'location with spaces and capitals', evidence: { AzureRegistration: { location: 'Central India', ...noTeams } }, status: 'info', messageId: 'regional', data: { geo: 'India' } },
    { name: 'westus carries the data module\'s note', evidence: { AzureRegistration: { location: 'westus', ...noTeams } }, status: 'info', messageId: 'regionalNoted', data: { geo: 'United States' } },
    { name: 'other location', evidence: { AzureRegistration: { location: 'eastus2' } }, status: 'info', messageId: 'other' },
    { name: 'no location', evidence: { AzureRegistration: { location: undefined } }, status: 'info', messageId: 'unknown' },
  ],
  invalid: [
    { name: 'regional bot with Teams warns (unconfirmed support)', evidence: { AzureRegistration: { location: 'westeurope' } }, status: 'warn', messageId: 'regionalTeams' },
  ],
});
