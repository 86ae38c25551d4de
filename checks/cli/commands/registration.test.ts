import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../testing/cli';
import { startArmMock } from '../../testing/azure-mocks/arm-server';
import type { MockServer } from '../../testing/azure-mocks/http';
import { tempDir, manifestJson, type TempDir } from '../../testing/azure-mocks/files';
import { APP_ID, BOT_NAME, botResource, CALLING_WEBHOOK, ENDPOINT, OTHER_ID, RESOURCE_GROUP, SUBSCRIPTION, teamsChannelResource } from '../../testing/azure-mocks/fixtures';
import type { Report } from '../../core/types';

const TOKEN = 'arm-token-9f8e7d';
let dir: TempDir;
let arm: MockServer;
let files: Record<string, string>;

beforeAll(async () => {
  dir = await tempDir();
  files = {
    bot: await dir.write('bot.json', botResource()),
    channel: await dir.write('channel.json', teamsChannelResource()),
    callingChannel: await dir.write('calling.json', teamsChannelResource({ enableCalling: true, callingWebHook: CALLING_WEBHOOK })),
    broken: await dir.write('broken.json', '{\n  "properties": {\n    "endpoint": "https://x"\n    "msaAppId": "y"\n  }\n}\n'),
    msbot: await dir.write('msbot.json', { type: 'abs', id: 'x', name: 'x', appId: APP_ID }),
    manifest: await dir.write('manifest.json', manifestJson(APP_ID)),
    otherManifest: await dir.write('other-manifest.json', manifestJson(OTHER_ID)),
  };
  arm = await startArmMock({ token: TOKEN, bots: [{ subscription: SUBSCRIPTION, resourceGroup: RESOURCE_GROUP, name: BOT_NAME, bot: botResource(), channels: { MsTeamsChannel: teamsChannelResource() } }] });
});
afterAll(async () => {
  await arm.close();
  await dir.remove();
});

function statuses(stdout: string): Record<string, string> {
  const report = JSON.parse(stdout) as Report;
  return Object.fromEntries(report.results.map((r) => [r.id, r.status]));
}

const live = ['--subscription', SUBSCRIPTION, '--resource-group', RESOURCE_GROUP, '--name', BOT_NAME];

describe('botflow registration (files)', () => {
  it('passes a healthy bot and channel (exit 0, JSON report on stdout)', async () => {
    const run = await runCli(['registration', files.bot!, '--channel', files.channel!, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(statuses(run.stdout)).toMatchObject({ 'registration-app-type': 'pass', 'registration-teams-channel': 'pass', 'registration-manifest-match': 'skip' });
  });

  it('fails when the endpoint under test is not the registered one (exit 1)', async () => {
    const run = await runCli(['registration', files.bot!, '--endpoint', 'https://staging.contoso.example/api/messages', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(statuses(run.stdout)['registration-endpoint']).toBe('fail');
  });

  it('compares the manifest bot id and calling (exit 1 on mismatch)', async () => {
    const ok = await runCli(['registration', files.bot!, '--manifest', files.manifest!, '--endpoint', ENDPOINT, '--format', 'json']);
    expect(statuses(ok.stdout)['registration-manifest-match']).toBe('pass');
    expect(ok.code).toBe(0);
    const bad = await runCli(['registration', files.bot!, '--channel', files.callingChannel!, '--manifest', files.otherManifest!, '--format', 'json']);
    expect(bad.code).toBe(1);
    expect(statuses(bad.stdout)).toMatchObject({ 'registration-manifest-match': 'fail', 'registration-calling': 'warn' });
  });

  it('rejects malformed JSON with the file, line and column (exit 2, no stack)', async () => {
    const run = await runCli(['registration', files.broken!]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('botflow: broken.json is not valid JSON: expected "," or "}" after a property value but found """ at line 4, column 5. Fix the file or save the command\'s output again.\n');
  });

  it.each([
    ['a missing file', ['registration', 'nope.json'], /cannot read the Azure Bot JSON "nope\.json": no such file/],
    ['the --msbot shape', ['registration', 'MSBOT'], /is a "abs" resource/],
    ['no input at all', ['registration'], /give the bot JSON file/],
    ['file and live mode together', ['registration', 'BOT', ...live], /not both/],
    ['half of the live flags', ['registration', '--subscription', SUBSCRIPTION], /needs --subscription, --resource-group and --name together/],
    ['a bad subscription id', ['registration', '--subscription', 'abc', '--resource-group', 'g', '--name', 'botname'], /is not a subscription id/],
    ['a bad endpoint URL', ['registration', 'BOT', '--endpoint', 'bot.contoso'], /--endpoint "bot\.contoso" is not an absolute http\(s\) URL/],
    ['a token on the command line', ['registration', ...live, '--token=supersecret-on-argv'], /--token is not accepted/],
    ['live mode without a token', ['registration', ...live], /no ARM access token: set the BOTFLOW_ARM_TOKEN/],
  ])('refuses %s with exit 2 and one clear line', async (_name, argv, message) => {
    const args = argv.map((a) => (a === 'MSBOT' ? files.msbot! : a === 'BOT' ? files.bot! : a));
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toContain('supersecret-on-argv');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('botflow registration (live ARM)', () => {
  it('reads the bot from ARM with the token from the environment', async () => {
    const before = arm.requests.length;
    const run = await runCli(['registration', ...live, '--format', 'json'], { env: { BOTFLOW_ARM_TOKEN: TOKEN, BOTFLOW_ARM_URL: arm.url } });
    expect(run.code).toBe(0);
    expect(statuses(run.stdout)['registration-teams-channel']).toBe('pass');
    expect(arm.requests.slice(before).every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('reads the token from stdin with --token-stdin, with or without a "Bearer " prefix', async () => {
    const run = await runCli(['registration', ...live, '--token-stdin', '--arm-url', arm.url, '--format', 'json'], { stdin: `${TOKEN}\n` });
    expect(run.code).toBe(0);
    const prefixed = await runCli(['registration', ...live, '--token-stdin', '--arm-url', arm.url, '--format', 'json'], { stdin: `Bearer ${TOKEN}\n` });
    expect(prefixed.code).toBe(0);
  });

  it('reports a rejected token as errors with exit 3 and a clear message', async () => {
    const run = await runCli(['registration', ...live, '--format', 'json'], { env: { BOTFLOW_ARM_TOKEN: 'stale-token-123', BOTFLOW_ARM_URL: arm.url } });
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.counts.error).toBe(8);
    expect(report.results[0]?.message).toContain('rejected the token (401 InvalidAuthenticationToken)');
    expect(run.stdout + run.stderr).not.toContain('stale-token-123');
  });

  it('refuses a plain-http ARM URL that is not loopback', async () => {
    const run = await runCli(['registration', ...live, '--arm-url', 'http://management.example.com'], { env: { BOTFLOW_ARM_TOKEN: TOKEN } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('must use https');
  });
});
