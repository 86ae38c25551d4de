/**
 * A local server shaped like Microsoft Graph v1.0 for GET /v1.0/applications(appId='{appId}'):
 * the application resource (signInAudience, passwordCredentials with secretText null and a hint,
 * keyCredentials) or Graph's error body { error: { code, message, innerError } } for 401, 403,
 * 404 and 429. Test-only.
 */
import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../../core/types';
import { sendJson, startMockServer, type MockServer } from './http';

export interface GraphMockOptions {
  token: string;
  applications: JsonObject[];
  forbidden?: boolean;
  throttle?: { count: number; retryAfter: string };
}

function graphError(code: string, message: string): JsonObject {
  return { error: { code, message, innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': randomUUID(), 'client-request-id': randomUUID() } } };
}

export function applicationResource(appId: string, extra: JsonObject = {}): JsonObject {
  return {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#applications(id,appId,displayName,signInAudience,passwordCredentials,keyCredentials)/$entity',
    id: '0f3e2d1c-4b5a-4698-8776-a5b4c3d2e1f0',
    appId,
    displayName: 'contoso-helpdesk-bot',
    signInAudience: 'AzureADMyOrg',
    passwordCredentials: [],
    keyCredentials: [],
    ...extra,
  };
}

export function passwordCredential(displayName: string, endDateTime: string, keyId: string = randomUUID()): JsonObject {
  return { customKeyIdentifier: null, displayName, endDateTime, hint: 'Xy7', keyId, secretText: null, startDateTime: '2026-01-01T00:00:00Z' };
}

export function keyCredential(displayName: string, endDateTime: string, keyId: string = randomUUID()): JsonObject {
  return { customKeyIdentifier: 'A1B2C3D4E5F60718293A4B5C6D7E8F9011223344', displayName, endDateTime, key: null, keyId, startDateTime: '2026-01-01T00:00:00Z', type: 'AsymmetricX509Cert', usage: 'Verify' };
}

export function startGraphMock(options: GraphMockOptions): Promise<MockServer> {
  let throttled = 0;
  return startMockServer((req, res, _body, url) => {
    const auth = req.headers.authorization;
    if (!auth?.startsWith('Bearer ') || !auth.slice(7)) {
      sendJson(res, 401, graphError('InvalidAuthenticationToken', 'Access token is empty.'));
      return;
    }
    if (auth.slice(7) !== options.token) {
      sendJson(res, 401, graphError('InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.'));
      return;
    }
    if (options.throttle && throttled < options.throttle.count) {
      throttled += 1;
      sendJson(res, 429, graphError('TooManyRequests', 'Too many requests.'), { 'retry-after': options.throttle.retryAfter });
      return;
    }
    if (options.forbidden) {
      sendJson(res, 403, graphError('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'));
      return;
    }
    const m = /^\/v1\.0\/applications\(appId='([^']+)'\)$/.exec(decodeURIComponent(url.pathname));
    if (req.method !== 'GET' || !m) {
      sendJson(res, 400, graphError('BadRequest', 'Unsupported request in this mock.'));
      return;
    }
    const app = options.applications.find((a) => typeof a.appId === 'string' && a.appId.toLowerCase() === m[1]?.toLowerCase());
    if (!app) {
      sendJson(res, 404, graphError('Request_ResourceNotFound', `Resource '${m[1]}' does not exist or one of its queried reference-property objects are not present.`));
      return;
    }
    sendJson(res, 200, app);
  });
}
