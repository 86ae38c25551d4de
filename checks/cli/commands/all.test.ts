import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../testing/cli';
import { startArmMock } from '../../testing/azure-mocks/arm-server';
import type { MockServer } from '../../testing/azure-mocks/http';
import { tempDir, manifestJson, type TempDir } from '../../testing/azure-mocks/files';
import {
  APP_ID, BOT_NAME, botResource, CALLING_WEBHOOK, ENDPOINT, OTHER_ID, RESOURCE_GROUP, SUBSCRIPTION, teamsChannelResource,
} from '../../testing/azure-mocks/fixtures';
import type { Report } from '../../core/types';
import { testPki } from '../../testing/certs';
import { handlers, startConnectProxy, startServer } from '../../testing/servers';

const TOKEN = 'arm-token-all-5a4b';
let dir: TempDir;
let arm: MockServer;
const f: Record<string, string> = {};

beforeAll(async () => {
  dir = await tempDir();
  f.bot = await dir.write('bot.json', botResource());
  f.channel = await dir.write('channel.json', teamsChannelResource());
  f.callingChannel = await dir.write('calling.json', teamsChannelResource({ enableCalling: true, callingWebhook: CALLING_WEBHOOK }));
  f.sameWebhook = await dir.write('same.json', teamsChannelResource({ enableCalling: true, callingWebHook: ENDPOINT }));
  f.noTenantBot = await dir.write('no-tenant.json', botResource({ msaAppTenantId: null }));
  f.manifest = await dir.write('manifest.json', manifestJson(APP_ID));
  f.otherManifest = await dir.write('other.json', manifestJson(OTHER_ID));
  f.callingManifest = await dir.write('calling-manifest.json', manifestJson(APP_ID, { supportsCalling: true }));
  f.ssoManifest = await dir.write('sso-manifest.json', manifestJson(APP_ID, {}, { webApplicationInfo: { id: APP_ID, resource: `api://botid-${OTHER_ID}` } }));
  f.config = await dir.write('botflow.json', { manifest: 'manifest.json', bot: 'bot.json', channel: 'channel.json' });
  f.secretConfig = await dir.write('secret.json', { bot: 'bot.json', clientSecret: 'do-not-store-me' });
  f.typoConfig = await dir.write('typo.json', { bots: 'bot.json' });
  f.cloudConfig = await dir.write('cloud.json', { bot: 'bot.json', azure: { cloud: 'azurechina' } });
  f.brokenConfig = await dir.write('broken-config.json', '{\n  "bot": "bot.json",\n  "manifest": manifest.json\n}');
  f.brokenChannel = await dir.write('broken-channel.json', '{"properties": {"channelName": "MsTeamsChannel", "properties": {"isEnabled": true,}}}');
  f.liveConfig = await dir.write('live.json', { manifest: 'manifest.json', azure: { subscription: SUBSCRIPTION, resourceGroup: RESOURCE_GROUP, name: BOT_NAME } });
  arm = await startArmMock({ token: TOKEN, bots: [{ subscription: SUBSCRIPTION, resourceGroup: RESOURCE_GROUP, name: BOT_NAME, bot: botResource(), channels: { MsTeamsChannel: teamsChannelResource() } }] });
});
afterAll(async () => {
  await arm.close();
  await dir.remove();
});

async function all(args: string[], env: Record<string, string> = {}): Promise<{ code: number; report?: Report; stderr: string; byId: Record<string, string> }> {
  const run = await runCli(['all', ...args, '--format', 'json'], { env });
  const report = run.stdout ? (JSON.parse(run.stdout) as Report) : undefined;
  const byId = Object.fromEntries((report?.results ?? []).map((r) => [r.id, r.status]));
  return { code: run.code, stderr: run.stderr, byId, ...(report ? { report } : {}) };
}

describe('botflow all with the endpoint probed (real HTTPS bot on loopback)', () => {
  it('passes --ca, --allow-private and --timeout to the endpoint layer and judges the registered endpoint', async () => {
    const server = await startServer({ tls: { kind: 'good' }, handler: handlers.secureBot });
    try {
      const ca = await dir.write('ca.pem', (await testPki()).caPem);
      const bot = await dir.write('local-bot.json', botResource({ endpoint: server.url }));
      const run = await all(['--bot', bot, '--manifest', f.manifest!, '--ca', ca, '--allow-private', '--timeout', '5000']);
      expect(server.requests.length).toBeGreaterThan(0);
      expect(run.byId['endpoint-https']).toBe('pass');
      expect(run.byId['auth-missing-token']).toBe('pass');
      // Teams cannot reach a loopback registration, even when probing it locally is allowed.
      expect(run.byId['registration-endpoint']).toBe('fail');
      expect(run.report?.target).toMatchObject({ endpoint: { url: server.url } });
      expect(run.code).toBe(1);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('sends the endpoint probes through HTTPS_PROXY', async () => {
    const server = await startServer({ tls: { kind: 'good' }, handler: handlers.secureBot });
    const proxy = await startConnectProxy();
    try {
      const ca = await dir.write('ca2.pem', (await testPki()).caPem);
      const bot = await dir.write('proxied-bot.json', botResource({ endpoint: server.url }));
      const run = await all(['--bot', bot, '--ca', ca, '--allow-private'], { HTTPS_PROXY: proxy.origin });
      expect(proxy.tunnels.length).toBeGreaterThan(0);
      expect(run.byId['auth-missing-token']).toBe('pass');
    } finally {
      await Promise.all([server.close(), proxy.close()]);
    }
  }, 60_000);
});

describe('botflow all: the trust chain', () => {
  it('produces one report with suite "all" and per-layer targets, and links the layers', async () => {
    const run = await all(['--bot', f.bot!, '--channel', f.channel!, '--manifest', f.manifest!, '--no-probe']);
    expect(run.report?.suite).toBe('all');
    expect(run.report?.target).toMatchObject({ manifest: expect.any(Object), registration: { bot: 'bot.json', channel: 'channel.json', endpointUnderTest: ENDPOINT } });
    expect(run.byId).toMatchObject({
      'registration-manifest-match': 'pass', 'registration-endpoint': 'pass', 'registration-calling': 'pass', 'registration-tenant': 'pass',
    });
    expect(run.report?.notes).toEqual(expect.arrayContaining([
      `App id taken from the registration's msaAppId (${APP_ID}).`,
      `Endpoint under test taken from the registration (${ENDPOINT}).`,
    ]));
    expect(run.code).toBe(run.report!.counts.fail > 0 ? 1 : run.report!.counts.error > 0 ? 3 : 0);
  });

  it('reads the same from a botflow.json config', async () => {
    const run = await all(['--config', f.config!, '--no-probe']);
    expect(run.byId['registration-manifest-match']).toBe('pass');
    expect(run.byId['registration-teams-channel']).toBe('pass');
  });

  it.each([
    ['manifest botId is not msaAppId', ['--bot', 'bot', '--manifest', 'otherManifest'], 'registration-manifest-match'],
    ['endpoint under test is not the registered one', ['--bot', 'bot', '--manifest', 'manifest', '--endpoint', 'https://staging.contoso.example/api/messages'], 'registration-endpoint'],
    ['supportsCalling without calling on the channel', ['--bot', 'bot', '--channel', 'channel', '--manifest', 'callingManifest'], 'registration-calling'],
    ['calling webhook under test differs from the channel', ['--bot', 'bot', '--channel', 'callingChannel', '--manifest', 'callingManifest', '--calling-webhook', 'https://calls.contoso.example/api/calling'], 'registration-calling'],
    ['SSO resource names another bot', ['--bot', 'bot', '--manifest', 'ssoManifest'], 'registration-manifest-match'],
    ['single-tenant app type without a tenant', ['--bot', 'noTenantBot', '--manifest', 'manifest'], 'registration-tenant'],
  ])('fails the chain when the %s (exit 1)', async (_name, args, id) => {
    const argv = args.map((a, i) => (i % 2 === 1 && f[a] ? f[a]! : a));
    const run = await all([...argv, '--no-probe']);
    expect(run.byId[id]).toBe('fail');
    expect(run.code).toBe(1);
  });

  it('warns, not fails, when the calling webhook equals the messaging endpoint (Microsoft does not say they must differ)', async () => {
    const run = await all(['--bot', f.bot!, '--channel', f.sameWebhook!, '--manifest', f.callingManifest!, '--no-probe']);
    expect(run.byId['registration-calling']).toBe('warn');
  });

  it('takes the calling webhook under test from the Teams channel', async () => {
    const run = await all(['--bot', f.bot!, '--channel', f.callingChannel!, '--manifest', f.callingManifest!, '--no-probe']);
    expect(run.byId['registration-calling']).toBe('pass');
    expect(run.report?.notes).toContain(`Calling webhook under test taken from the Teams channel (${CALLING_WEBHOOK}).`);
  });

  it('skips the cross-layer checks with a reason when the manifest is missing', async () => {
    const run = await all(['--bot', f.bot!, '--no-probe']);
    const match = run.report?.results.find((r) => r.id === 'registration-manifest-match');
    expect(match?.status).toBe('skip');
    expect(match?.message).toContain('No manifest was given');
    expect(run.report?.notes).toContain('No manifest was given: the manifest checks were not run, and the checks that compare with it skip.');
  });

  it('reads the registration live from ARM in the same run', async () => {
    const run = await all(['--config', f.liveConfig!, '--no-probe'], { BOTFLOW_ARM_TOKEN: TOKEN, BOTFLOW_ARM_URL: arm.url });
    expect(run.byId).toMatchObject({ 'registration-manifest-match': 'pass', 'registration-teams-channel': 'pass' });
    expect(run.report?.target).toMatchObject({ registration: { azure: { name: BOT_NAME } } });
  });

  it('keeps the other layers when ARM refuses the token: registration checks error, one report', async () => {
    const run = await all(['--config', f.liveConfig!, '--no-probe'], { BOTFLOW_ARM_TOKEN: 'revoked-token', BOTFLOW_ARM_URL: arm.url });
    const reg = run.report!.results.filter((r) => r.id.startsWith('registration-'));
    expect(reg).toHaveLength(8);
    expect(reg.every((r) => r.status === 'error' && r.message.includes('rejected the token'))).toBe(true);
    expect(JSON.stringify(run.report)).not.toContain('revoked-token');
    expect([1, 3]).toContain(run.code);
  });

  it.each([
    ['a secret in the config file', ['--config', 'secretConfig'], /"clientSecret" looks like a secret/],
    ['an unknown config key', ['--config', 'typoConfig'], /unknown key "bots"/],
    ['nothing to check', [], /nothing to check/],
    ['a malformed config file', ['--config', 'brokenConfig'], /broken-config\.json is not valid JSON: expected a value but found "m" at line 3, column 15/],
    ['a malformed channel file', ['--bot', 'bot', '--channel', 'brokenChannel'], /broken-channel\.json is not valid JSON: JSON does not allow a comma after the last property at line 1, column 82/],
    ['a channel without a bot', ['--channel', 'channel'], /--channel needs --bot/],
    ['a bad app id', ['--bot', 'bot', '--app-id', 'not-a-guid'], /--app-id "not-a-guid" is not a GUID/],
    ['an unknown cloud in the config', ['--config', 'cloudConfig'], /cloud "azurechina" is not one of public, gcc, gcch, dod/],
    ['a bad timeout', ['--bot', 'bot', '--timeout', '5s'], /--timeout must be a whole number of milliseconds between 50 and 120000 \(got "5s"\)/],
  ])('refuses %s (exit 2)', async (_name, args, message) => {
    const argv = args.map((a, i) => (i % 2 === 1 && f[a] ? f[a]! : a));
    const run = await runCli(['all', ...argv]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain('do-not-store-me');
  });
});
