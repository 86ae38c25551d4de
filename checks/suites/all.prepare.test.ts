/**
 * The trust chain takes what the user left out from the registration, inside the run: the
 * registration is gathered once (documents here; live ARM in checks/cli/commands/all.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../core/runner';
import { APP_ID, botResource, ENDPOINT } from '../testing/azure-mocks/fixtures';
import { allSuiteFor, NO_ENDPOINT_NOTE } from './all';
import { endpointSuite } from './endpoint';

const bot = (properties = {}) => ({ bot: JSON.stringify(botResource(properties)), botLabel: 'bot.json' });

describe('allSuiteFor: the input completed from the registration', () => {
  it('takes the endpoint under test and the app id from the registration, with notes', async () => {
    let gathered = 0;
    const report = await runChecks({
      suite: allSuiteFor(['registration']), input: bot(),
      onEvent: (e) => { if (e.type === 'gather-start' && e.evidence === 'AzureRegistration') gathered += 1; },
    });
    expect(gathered).toBe(1);
    expect(report.results.find((r) => r.id === 'registration-endpoint')?.message).toContain('is the endpoint under test');
    expect(report.target).toMatchObject({ registration: { endpointUnderTest: ENDPOINT } });
    expect(report.notes).toEqual([`App id taken from the registration's msaAppId (${APP_ID}).`, `Endpoint under test taken from the registration (${ENDPOINT}).`]);
  });

  it('keeps what the user gave and says when it differs from the registration', async () => {
    const other = 'https://staging.contoso.example/api/messages';
    const report = await runChecks({ suite: allSuiteFor(['registration']), input: { ...bot(), url: other, appId: '00000000-1111-2222-3333-444444444444' } });
    expect(report.results.find((r) => r.id === 'registration-endpoint')?.status).toBe('fail');
    expect(report.notes).toEqual([`--app-id 00000000-1111-2222-3333-444444444444 is not the registration's msaAppId ${APP_ID}; the endpoint and manifest checks use 00000000-1111-2222-3333-444444444444.`]);
  });

  it('leaves the endpoint checks out when neither the user nor the registration names an endpoint', async () => {
    const report = await runChecks({ suite: allSuiteFor(['endpoint', 'registration']), input: bot({ endpoint: '' }) });
    const ids = report.results.map((r) => r.id);
    for (const c of endpointSuite.checks) expect(ids).not.toContain(c.meta.id);
    expect(report.results.find((r) => r.id === 'registration-endpoint')?.status).toBe('fail');
    expect(report.notes).toContain(NO_ENDPOINT_NOTE);
  });

  it('fills nothing when the registration cannot be read; its checks error and the run completes', async () => {
    const report = await runChecks({ suite: allSuiteFor(['endpoint', 'registration']), input: { azure: { subscription: '00000000-0000-0000-0000-000000000000', resourceGroup: 'rg', name: 'bot' } } });
    expect(report.results.filter((r) => r.id.startsWith('registration-')).every((r) => r.status === 'error')).toBe(true);
    expect(report.results.some((r) => r.id === 'endpoint-https')).toBe(false);
    expect(report.notes).toEqual([NO_ENDPOINT_NOTE]);
  });
});
