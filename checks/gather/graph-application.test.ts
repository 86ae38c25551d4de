import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../core/errors';
import { applicationResource, keyCredential, passwordCredential, startGraphMock, type GraphMockOptions } from '../testing/azure-mocks/graph-server';
import type { MockServer } from '../testing/azure-mocks/http';
import { APP_ID, OTHER_ID } from '../testing/azure-mocks/fixtures';
import { readGraphApplication } from './graph-application';

const TOKEN = 'graph-test-token';
const servers: MockServer[] = [];
afterEach(async () => { await Promise.all(servers.splice(0).map((s) => s.close())); });

async function graph(extra: Partial<GraphMockOptions> = {}): Promise<MockServer> {
  const s = await startGraphMock({
    token: TOKEN,
    applications: [applicationResource(APP_ID, { passwordCredentials: [passwordCredential('prod', '2027-01-01T00:00:00Z', OTHER_ID)], keyCredentials: [keyCredential('cert', '2028-01-01T00:00:00Z')] })],
    ...extra,
  });
  servers.push(s);
  return s;
}

async function failure(p: Promise<unknown>): Promise<Error & { status: number; code: string }> {
  try { await p; } catch (err) { return err as Error & { status: number; code: string }; }
  throw new Error('expected a rejection');
}

describe('readGraphApplication', () => {
  it('reads audience and credentials by appId with $select, never secret values', async () => {
    const s = await graph();
    const app = await readGraphApplication({ baseUrl: s.url, token: TOKEN, appId: APP_ID });
    expect(app).toMatchObject({ appId: APP_ID, signInAudience: 'AzureADMyOrg' });
    expect(app.credentials).toEqual([
      { kind: 'secret', keyId: OTHER_ID, displayName: 'prod', startDateTime: '2026-01-01T00:00:00Z', endDateTime: '2027-01-01T00:00:00Z' },
      expect.objectContaining({ kind: 'certificate', displayName: 'cert', endDateTime: '2028-01-01T00:00:00Z' }),
    ]);
    expect(decodeURIComponent(s.requests[0]!.url)).toBe(`/v1.0/applications(appId='${APP_ID}')?$select=id,appId,displayName,signInAudience,passwordCredentials,keyCredentials`);
    expect(s.requests[0]!.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it.each([
    ['a rejected token', {}, 'wrong', APP_ID, 401, ErrorCodes.AZURE_TOKEN_REJECTED, /rejected the Graph token \(401 InvalidAuthenticationToken\)/],
    ['missing permissions', { forbidden: true }, TOKEN, APP_ID, 403, ErrorCodes.AZURE_ACCESS_DENIED, /Application\.Read\.All/],
    ['an unknown app', {}, TOKEN, OTHER_ID, 404, ErrorCodes.AZURE_NOT_FOUND, /found no app registration with app id/],
    ['throttling', { throttle: { count: 1, retryAfter: '17' } }, TOKEN, APP_ID, 429, ErrorCodes.AZURE_THROTTLED, /retry after 17 s/],
  ])('explains %s', async (_name, extra, token, appId, status, code, message) => {
    const s = await graph(extra);
    const err = await failure(readGraphApplication({ baseUrl: s.url, token, appId }));
    expect(err.status).toBe(status);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain(token === TOKEN ? TOKEN : 'wrong-token-never');
  });
});
