import { describe, expect, it } from 'vitest';
import { audienceVerdict, credentialVerdicts } from './graph-verdicts';
import type { GraphApplication } from './graph-types';

const NOW = new Date('2026-06-01T12:00:00Z');
const app = (endDateTime: string | undefined, kind: 'secret' | 'certificate' = 'secret'): GraphApplication => ({
  credentials: [{ kind, keyId: 'k1', displayName: 'prod', ...(endDateTime ? { endDateTime } : {}) }],
});

describe('credentialVerdicts', () => {
  it.each([
    ['expired yesterday', '2026-05-31T12:00:00Z', 'fail', /expired on 2026-05-31/],
    ['expires exactly now', '2026-06-01T12:00:00Z', 'fail', /expired/],
    ['expires in 29 days', '2026-06-30T13:00:00Z', 'warn', /in 29 day\(s\)/],
    ['expires in 30 days', '2026-07-01T13:00:00Z', 'pass', /valid until 2026-07-01 \(30 days\)/],
    ['expires in a year', '2027-06-01T12:00:00Z', 'pass', /365 days/],
    ['no end date', undefined, 'info', /no readable end date/],
    ['unreadable end date', 'soon', 'info', /no readable end date/],
  ])('%s -> %s', (_name, end, status, message) => {
    const [v] = credentialVerdicts(app(end), NOW);
    expect(v?.status).toBe(status);
    expect(v?.message).toMatch(message);
  });

  it('labels certificates', () => {
    expect(credentialVerdicts(app('2026-05-01T00:00:00Z', 'certificate'), NOW)[0]?.message).toMatch(/^Certificate "prod" \(key id k1\) expired/);
  });
});

describe('audienceVerdict', () => {
  it.each([
    ['MultiTenant', 'AzureADMultipleOrgs', 'pass'],
    ['MultiTenant', 'AzureADandPersonalMicrosoftAccount', 'pass'],
    ['MultiTenant', 'AzureADMyOrg', 'fail'],
    ['SingleTenant', 'AzureADMyOrg', 'pass'],
    ['SingleTenant', 'AzureADMultipleOrgs', 'warn'],
  ] as const)('%s bot with %s -> %s', (type, audience, status) => {
    expect(audienceVerdict({ credentials: [], signInAudience: audience }, type).status).toBe(status);
  });

  it('skips when Graph gave no audience', () => {
    expect(audienceVerdict({ credentials: [] }, 'SingleTenant').status).toBe('skip');
  });
});
