import { describe, expect, it } from 'vitest';
import { runChecks, manifestSuite } from '../../checks/entry/browser';
import { registrationSuite } from '../../checks/suites/registration';
import { residencySuite } from '../../checks/suites/residency';
import { EXAMPLE_BOT, EXAMPLE_ENDPOINT, EXAMPLE_MANIFEST, EXAMPLE_MANIFEST_NAME, EXAMPLE_SERVICE_URL, EXAMPLE_TEAMS_CHANNEL, pretty } from './examples';

/** The "Load example" documents go through the same in-page engine the widgets use. */
describe('widget examples', () => {
  it('the manifest is valid against its official schema and names the registration\'s app id', async () => {
    const report = await runChecks({ suite: manifestSuite, environment: 'browser', input: { manifestText: pretty(EXAMPLE_MANIFEST), manifestName: EXAMPLE_MANIFEST_NAME } });
    const byId = Object.fromEntries(report.results.map((r) => [r.id, r.status]));
    expect(byId['manifest-json']).toBe('pass');
    expect(byId['manifest-schema']).toBe('pass');
    expect(byId['manifest-bot-id']).toBe('pass');
    expect(report.counts.fail + report.counts.error).toBe(0);
  });

  it('the registration, with its channel and the manifest, runs every check, registration-manifest-match included', async () => {
    const report = await runChecks({
      suite: registrationSuite,
      environment: 'browser',
      input: {
        bot: pretty(EXAMPLE_BOT), botLabel: 'bot.json', channel: pretty(EXAMPLE_TEAMS_CHANNEL), channelLabel: 'teams-channel.json',
        manifestText: pretty(EXAMPLE_MANIFEST), manifestName: EXAMPLE_MANIFEST_NAME, url: EXAMPLE_ENDPOINT,
      },
    });
    const byId = Object.fromEntries(report.results.map((r) => [r.id, r.status]));
    expect(byId['registration-manifest-match']).toBe('pass');
    expect(byId['registration-endpoint']).toBe('pass');
    expect(byId['registration-teams-channel']).toBe('pass');
    expect(report.counts.fail + report.counts.error).toBe(0);
  });

  it('the serviceUrl is a recognised public-cloud host in EMEA', async () => {
    const report = await runChecks({ suite: residencySuite, environment: 'browser', input: { serviceUrl: EXAMPLE_SERVICE_URL } });
    expect(report.results[0]).toMatchObject({ status: 'info', evidence: { cloud: 'public', region: 'emea' } });
  });
});
