import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../core/errors';
import { runChecks } from '../core/runner';
import { registrationSuite } from '../suites/registration';
import { startArmMock, type ArmMockOptions } from '../testing/azure-mocks/arm-server';
import type { MockServer } from '../testing/azure-mocks/http';
import { APP_ID, BOT_NAME, botResource, RESOURCE_GROUP, SUBSCRIPTION, teamsChannelResource } from '../testing/azure-mocks/fixtures';
import { azureRegistrationGatherer, fetchRegistrationFromArm, withGatherer, type ArmClientOptions } from './registration-arm';

const TOKEN = 'arm-token-for-tests';
const target = { subscription: SUBSCRIPTION, resourceGroup: RESOURCE_GROUP, name: BOT_NAME };
const servers: MockServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function arm(options: Partial<ArmMockOptions> = {}, channels: Record<string, ReturnType<typeof teamsChannelResource>> = { MsTeamsChannel: teamsChannelResource() }): Promise<MockServer> {
  const server = await startArmMock({ token: TOKEN, bots: [{ ...target, bot: botResource(), channels }], ...options });
  servers.push(server);
  return server;
}

function client(server: MockServer, extra: Partial<ArmClientOptions> = {}): ArmClientOptions {
  return { token: TOKEN, baseUrl: server.url, ...extra };
}

async function failure(promise: Promise<unknown>): Promise<Error & { code: string; status?: number }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { code: string; status?: number };
  }
  throw new Error('expected a rejection');
}

describe('ARM registration reader', () => {
  it('reads the bot and its Teams channel with api-version 2022-09-15 and the bearer token', async () => {
    const server = await arm();
    const ev = await fetchRegistrationFromArm(target, client(server));
    expect(ev).toMatchObject({ source: 'arm', msaAppId: APP_ID, teams: { source: 'channel', found: true, isEnabled: true } });
    expect(server.requests.map((r) => r.url)).toEqual([
      `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.BotService/botServices/${BOT_NAME}?api-version=2022-09-15`,
      `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.BotService/botServices/${BOT_NAME}/channels/MsTeamsChannel?api-version=2022-09-15`,
    ]);
    expect(server.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('treats a 404 on the Teams channel as a missing channel, not an error', async () => {
    const server = await arm({}, {});
    const ev = await fetchRegistrationFromArm(target, client(server));
    expect(ev.teams).toMatchObject({ source: 'channel', found: false });
  });

  it('explains a 401 without echoing the token', async () => {
    const server = await arm();
    const err = await failure(fetchRegistrationFromArm(target, client(server, { token: 'expired-token-value' })));
    expect(err.code).toBe(ErrorCodes.AZURE_TOKEN_REJECTED);
    expect(err.status).toBe(401);
    expect(err.message).toContain('rejected the token (401 InvalidAuthenticationToken)');
    expect(err.message).not.toContain('expired-token-value');
  });

  it('explains a 403 (RBAC)', async () => {
    const server = await arm({ forbidden: true });
    const err = await failure(fetchRegistrationFromArm(target, client(server)));
    expect(err.status).toBe(403);
    expect(err.code).toBe(ErrorCodes.AZURE_ACCESS_DENIED);
    expect(err.message).toMatch(/may not read the Azure Bot "contoso-helpdesk".*\(403 AuthorizationFailed\).*Reader/);
  });

  it('explains a 404 on the bot', async () => {
    const server = await arm();
    const err = await failure(fetchRegistrationFromArm({ ...target, name: 'other-bot' }, client(server)));
    expect(err.status).toBe(404);
    expect(err.code).toBe(ErrorCodes.AZURE_NOT_FOUND);
    expect(err.message).toContain('found no Azure Bot "other-bot" in resource group "rg-contoso-bots"');
    expect(err.message).toContain('404 ResourceNotFound');
  });

  it('waits for Retry-After on 429 and then succeeds', async () => {
    const server = await arm({ throttle: { count: 2, retryAfter: '3' } });
    const waits: number[] = [];
    const ev = await fetchRegistrationFromArm(target, client(server, { wait: async (ms) => { waits.push(ms); } }));
    expect(ev.msaAppId).toBe(APP_ID);
    expect(waits).toEqual([3000, 3000]);
    expect(server.requests).toHaveLength(4);
  });

  it('really sleeps for a short Retry-After', async () => {
    const server = await arm({ throttle: { count: 1, retryAfter: '1' } });
    const t0 = Date.now();
    await fetchRegistrationFromArm(target, client(server));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('gives up after the retries with the Retry-After value', async () => {
    const server = await arm({ throttle: { count: 10, retryAfter: '2' } });
    const err = await failure(fetchRegistrationFromArm(target, client(server, { wait: async () => {} })));
    expect(err.status).toBe(429);
    expect(err.code).toBe(ErrorCodes.AZURE_THROTTLED);
    expect(err.message).toBe('Azure Resource Manager is throttling requests (429 TooManyRequests) while reading the bot resource after 2 retries: retry after 2 s.');
  });

  it('does not wait for a Retry-After longer than allowed', async () => {
    const server = await arm({ throttle: { count: 1, retryAfter: '120' } });
    const waits: number[] = [];
    const err = await failure(fetchRegistrationFromArm(target, client(server, { wait: async (ms) => { waits.push(ms); } })));
    expect(waits).toEqual([]);
    expect(err.message).toContain('retry after 120 s');
  });

  it('times out a server that never answers', async () => {
    const server = await arm({ hang: true });
    const err = await failure(fetchRegistrationFromArm(target, client(server, { timeoutMs: 300 })));
    expect(err.code).toBe(ErrorCodes.PROBE_TIMEOUT);
    expect(err.message).toContain('did not answer within 300 ms');
  });

  it('stops reading an oversized body', async () => {
    const server = await arm({ hugeBody: 400_000 });
    const err = await failure(fetchRegistrationFromArm(target, client(server)));
    expect(err.code).toBe(ErrorCodes.TOO_LARGE);
  });

  it('reports a refused connection as a network error', async () => {
    const server = await arm();
    const url = server.url;
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const err = await failure(fetchRegistrationFromArm(target, { token: TOKEN, baseUrl: url }));
    expect(err.code).toBe(ErrorCodes.PROBE_NETWORK);
    expect(err.message).toContain('ECONNREFUSED');
  });

  it('runs the registration suite live, and ARM errors become error results with a clear message', async () => {
    const server = await arm({}, {});
    const suite = withGatherer(registrationSuite, azureRegistrationGatherer);
    const input = { azure: { ...target, armUrl: server.url } };
    const report = await runChecks({ suite, input, credentials: { armToken: TOKEN } });
    expect(report.results.find((r) => r.id === 'registration-teams-channel')?.status).toBe('fail');
    expect(report.target).toMatchObject({ azure: { name: BOT_NAME, cloud: 'public' } });
    expect(JSON.stringify(report)).not.toContain(TOKEN);
    expect(JSON.stringify(report)).not.toContain(server.url);

    const bad = await runChecks({ suite, input, credentials: { armToken: 'wrong' } });
    expect(bad.counts.error).toBe(8);
    expect(bad.results[0]?.error?.code).toBe(ErrorCodes.AZURE_TOKEN_REJECTED);
    expect(bad.results[0]?.message).toContain('rejected the token');
  });

  it('is one gatherer for both modes: without a token live mode errors, without input.azure it reads the documents', async () => {
    const server = await arm();
    const suite = withGatherer(registrationSuite, azureRegistrationGatherer);
    const noToken = await runChecks({ suite, input: { azure: { ...target, armUrl: server.url } } });
    expect(noToken.counts.error).toBe(8);
    expect(noToken.results[0]?.message).toContain('needs an ARM access token');
    expect(server.requests).toHaveLength(0);
    const documents = await runChecks({ suite, input: { bot: JSON.stringify(botResource()), botLabel: 'bot.json' }, credentials: { armToken: TOKEN } });
    expect(documents.results.find((r) => r.id === 'registration-app-type')?.status).toBe('pass');
    expect(server.requests).toHaveLength(0);
  });
});
