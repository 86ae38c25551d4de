import { describe, expect, it } from 'vitest';
import { runChecks } from '../core/runner';
import { registrationSuite } from '../suites/registration';
import { APP_ID, botResource, CALLING_WEBHOOK, teamsChannelResource } from '../testing/azure-mocks/fixtures';
import { buildRegistrationEvidence, readTeamsChannel } from '../computed/registration-model';

describe('registration documents -> evidence', () => {
  it('reads the fields of a GetBot-shaped document', () => {
    const ev = buildRegistrationEvidence({ source: 'document', bot: botResource(), botLabel: 'bot.json' });
    expect(ev).toMatchObject({
      msaAppId: APP_ID, msaAppType: 'SingleTenant', location: 'global', sku: 'S1', publicNetworkAccess: 'Enabled',
      teams: { source: 'channel-lists', found: true, listedEnabled: true },
    });
    expect(ev).not.toHaveProperty('msaAppMSIResourceId');
  });

  it('reads callingWebhook and callingWebHook both', () => {
    expect(readTeamsChannel(teamsChannelResource({ enableCalling: true, callingWebhook: CALLING_WEBHOOK }), 'c.json'))
      .toMatchObject({ enableCalling: true, callingWebhook: CALLING_WEBHOOK, callingWebhookKeys: ['callingWebhook'] });
    // The shape a real `az bot msteams create` printed: the other spelling null, this one set.
    expect(readTeamsChannel(teamsChannelResource({ enableCalling: true, callingWebhook: null, callingWebHook: CALLING_WEBHOOK }), 'c.json'))
      .toMatchObject({ callingWebhook: CALLING_WEBHOOK, callingWebhookKeys: ['callingWebHook'] });
    const both = readTeamsChannel(teamsChannelResource({ callingWebhook: CALLING_WEBHOOK, callingWebHook: 'https://old.example/api/calling' }), 'c.json');
    expect(both.webhookConflict).toEqual({ callingWebhook: CALLING_WEBHOOK, callingWebHook: 'https://old.example/api/calling' });
  });

  it.each([
    ['an array (az bot list)', [], /is a JSON list/],
    ['a string', 'bot', /not a JSON object/],
    ['the --msbot shape', { type: 'abs', id: 'x', name: 'x', appId: APP_ID }, /is a "abs" resource/],
    ['a resource without properties', { id: 'x', name: 'y' }, /has no "properties" object/],
    ['another resource type', { type: 'Microsoft.Web/sites', properties: {} }, /Microsoft\.Web\/sites/],
  ])('refuses %s with a clear input error', (_name, doc, message) => {
    expect(() => buildRegistrationEvidence({ source: 'document', bot: doc, botLabel: 'bot.json' })).toThrow(message);
  });

  it('refuses a channel document of another channel', () => {
    const email = { location: 'global', properties: { channelName: 'EmailChannel', properties: { isEnabled: true } } };
    expect(() => readTeamsChannel(email, 'channel.json')).toThrow(/EmailChannel, not the Teams channel/);
  });
});

describe('registration suite (offline)', () => {
  const now = () => new Date('2026-06-01T12:00:00Z');

  it('runs all eight checks from JSON text', async () => {
    const report = await runChecks({
      suite: registrationSuite,
      input: { bot: JSON.stringify(botResource()), botLabel: 'bot.json', channel: JSON.stringify(teamsChannelResource()), channelLabel: 'channel.json' },
      now,
      environment: 'browser',
    });
    expect(report.results.map((r) => [r.id, r.status])).toEqual([
      ['registration-app-type', 'pass'],
      ['registration-tenant', 'pass'],
      ['registration-endpoint', 'pass'],
      ['registration-teams-channel', 'pass'],
      ['registration-calling', 'pass'],
      ['registration-public-access', 'pass'],
      ['registration-manifest-match', 'skip'],
      ['registration-region', 'info'],
    ]);
    expect(report.target).toEqual({ bot: 'bot.json', channel: 'channel.json' });
  });

  it('turns malformed JSON into error results with the input code and position', async () => {
    const report = await runChecks({ suite: registrationSuite, input: { bot: '{"properties": {,}}', botLabel: 'bot.json' }, now });
    const result = report.results[0];
    expect(result?.status).toBe('error');
    expect(result?.error?.code).toBe('CHK_ERR_INVALID_INPUT');
    expect(result?.message).toContain('bot.json is not valid JSON');
    expect(result?.message).toContain('line 1, column 17');
  });
});
