import { runCheckTable } from '../testing/check-tester';
import check from './credentials-secret-expiry';

// The table tester's clock is 2026-06-01T12:00:00Z.
const secret = (displayName: string, endDateTime?: string) => ({ kind: 'secret', keyId: `${displayName}-id`, displayName, ...(endDateTime ? { endDateTime } : {}) });
const app = (credentials: unknown[]) => ({ GraphRegistration: { appType: 'SingleTenant', application: { displayName: 'Helpdesk', credentials } } });

runCheckTable(check, {
  valid: [
    { name: 'all valid for long', evidence: app([secret('prod', '2027-01-01T00:00:00Z'), { kind: 'certificate', displayName: 'cert', endDateTime: '2027-06-01T00:00:00Z' }]), messageId: 'valid', data: { count: 2 } },
    { name: 'no credentials at all', evidence: app([]), status: 'info', messageId: 'none' },
    { name: 'no end date is not a failure', evidence: app([secret('forever')]), messageId: 'valid' },
  ],
  invalid: [
    { name: 'one expires within 30 days', evidence: app([secret('soon', '2026-06-13T00:00:00Z'), secret('prod', '2027-01-01T00:00:00Z')]), status: 'warn', messageId: 'expiring', data: { which: 'soon' } },
    { name: 'one expired', evidence: app([secret('old', '2026-05-29T00:00:00Z'), secret('soon', '2026-06-13T00:00:00Z')]), status: 'fail', messageId: 'expired', data: { which: 'old' } },
  ],
});
