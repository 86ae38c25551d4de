/**
 * The trust chain end to end: a real HTTPS bot on loopback (test PKI), its registration and its
 * manifest, run as one `all` suite. The links between layers decide the verdicts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../core/runner';
import type { CheckInput } from '../core/evidence';
import type { Report } from '../core/types';
import { testPki } from '../testing/certs';
import { handlers, loopbackLookup, startServer, type TestServer } from '../testing/servers';
import { manifestJson } from '../testing/azure-mocks/files';
import { APP_ID, botResource, OTHER_ID, teamsChannelResource } from '../testing/azure-mocks/fixtures';
import { allSuite } from './all';
import { endpointSuite } from './endpoint';

const HOST = 'bot.contoso.example';
const at = (server: TestServer): string => `https://${HOST}:${server.port}/api/messages`;
let secure: TestServer;
let open: TestServer;
let ca: string;

beforeAll(async () => {
  ca = (await testPki()).caPem;
  // A public-looking name (the registration check refuses loopback names); the probes resolve it to 127.0.0.1.
  secure = await startServer({ tls: { kind: 'good', hosts: [HOST] }, handler: handlers.secureBot });
  open = await startServer({ tls: { kind: 'good', hosts: [HOST] }, handler: handlers.anonymousBot });
});
afterAll(async () => {
  await Promise.all([secure.close(), open.close()]);
});

function input(url: string, registeredEndpoint: string, botId: string = APP_ID): CheckInput {
  return {
    url,
    appId: APP_ID,
    bot: JSON.stringify(botResource({ endpoint: registeredEndpoint })),
    botLabel: 'bot.json',
    channel: JSON.stringify(teamsChannelResource()),
    channelLabel: 'channel.json',
    manifestText: JSON.stringify(manifestJson(botId)),
    manifestName: 'manifest.json',
  };
}

async function run(i: CheckInput): Promise<{ report: Report; status: Record<string, string> }> {
  const report = await runChecks({ suite: allSuite, input: i, allowPrivate: true, ca, lookup: loopbackLookup, gathererTimeoutMs: 15_000 });
  return { report, status: Object.fromEntries(report.results.map((r) => [r.id, r.status])) };
}

describe('trust chain against a real endpoint', () => {
  it('has the checks of all three layers', () => {
    const ids = allSuite.checks.map((c) => c.meta.id);
    for (const c of endpointSuite.checks) expect(ids).toContain(c.meta.id);
    expect(ids).toContain('manifest-bot-id');
    expect(ids).toContain('registration-endpoint');
  });

  it('a consistent chain: the registered endpoint is the one probed, it rejects anonymous calls, ids agree', async () => {
    const { report, status } = await run(input(at(secure), at(secure)));
    expect(report.suite).toBe('all');
    expect(status).toMatchObject({
      'endpoint-https': 'pass',
      'auth-missing-token': 'pass',
      'registration-endpoint': 'pass',
      'registration-manifest-match': 'pass',
      'manifest-bot-id': 'pass',
    });
    expect(secure.requests.length).toBeGreaterThan(0);
  }, 60_000);

  it('each broken link fails on its own check', async () => {
    const moved = await run(input(at(secure), 'https://old-bot.contoso.example/api/messages'));
    expect(moved.status['registration-endpoint']).toBe('fail');
    expect(moved.status['auth-missing-token']).toBe('pass');

    const otherBot = await run(input(at(secure), at(secure), OTHER_ID));
    expect(otherBot.status['registration-manifest-match']).toBe('fail');
    expect(otherBot.status['manifest-bot-id']).toBe('fail');

    const unauthenticated = await run(input(at(open), at(open)));
    expect(unauthenticated.status['registration-endpoint']).toBe('pass');
    expect(unauthenticated.status['auth-missing-token']).toBe('fail');
  }, 90_000);
});
