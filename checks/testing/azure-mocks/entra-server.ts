/**
 * A local server shaped like the Entra ID v2.0 token endpoint for the client-credentials grant:
 * POST /{tenant}/oauth2/v2.0/token (form body) -> 200 { token_type, expires_in, ext_expires_in,
 * access_token } or the documented error body { error, error_description ("AADSTS<code>: ...
 * Trace ID ... Correlation ID ... Timestamp ..."), error_codes, timestamp, trace_id,
 * correlation_id, error_uri }. Tokens are RS256 JWTs with the claims Entra puts in app tokens.
 * Test-only.
 */
import { randomUUID } from 'node:crypto';
import { generateKeyPair, SignJWT } from 'jose';
import { sendJson, startMockServer, type MockServer } from './http';

/** The botframework.com tenant id (issuer of Bot Framework tokens in the public cloud). */
export const BOTFRAMEWORK_TENANT_ID = 'd6d49420-f39b-4df7-a1dc-d59a935871db';

export interface EntraApp {
  clientId: string;
  secrets: Array<{ value: string; keyId: string; expired?: boolean }>;
}

export interface EntraTenant {
  /** Names this tenant answers to: its GUID and domains (botframework.com, contoso.onmicrosoft.com). */
  names: string[];
  id: string;
  apps: EntraApp[];
}

export interface EntraMockOptions {
  tenants: EntraTenant[];
  /** Scopes accepted (resource + "/.default"). */
  scopes?: string[];
  /** Misbehave: repeat the client_secret inside error_description (tests redaction). */
  echoSecret?: boolean;
  /** The first `count` requests get 429 with Retry-After. */
  throttle?: { count: number; retryAfter: string };
  /** Never answer. */
  hang?: boolean;
  /** Issued tokens (for asserting they never leak). */
  issued?: string[];
}

const DEFAULT_SCOPES = ['https://api.botframework.com/.default', 'https://api.botframework.us/.default'];

function stamp(now: Date): string {
  return now.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export async function startEntraMock(options: EntraMockOptions): Promise<MockServer> {
  const { privateKey } = await generateKeyPair('RS256');
  let throttled = 0;
  return startMockServer(async (req, res, body, url) => {
    if (options.hang) return;
    const now = new Date();
    const traceId = randomUUID();
    const correlationId = randomUUID();
    const fail = (status: number, error: string, code: number, text: string, extra = ''): void => {
      sendJson(res, status, {
        error,
        error_description: `AADSTS${code}: ${text}${extra}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${stamp(now)}`,
        error_codes: [code],
        timestamp: stamp(now),
        trace_id: traceId,
        correlation_id: correlationId,
        error_uri: `https://login.microsoftonline.com/error?code=${code}`,
      });
    };
    const m = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (req.method !== 'POST' || !m) {
      sendJson(res, 404, { error: 'not_found' });
      return;
    }
    if (options.throttle && throttled < options.throttle.count) {
      throttled += 1;
      sendJson(res, 429, { error: 'temporarily_unavailable', error_description: 'Too many requests.' }, { 'retry-after': options.throttle.retryAfter });
      return;
    }
    const form = new URLSearchParams(body);
    const tenantName = decodeURIComponent(m[1] ?? '').toLowerCase();
    const tenant = options.tenants.find((t) => t.names.some((n) => n.toLowerCase() === tenantName) || t.id === tenantName);
    const secret = form.get('client_secret') ?? '';
    const echo = options.echoSecret ? ` (received secret ${secret})` : '';
    if (!tenant) {
      fail(400, 'invalid_request', 90002, `Tenant '${tenantName}' not found in this mock directory.`);
      return;
    }
    if (form.get('grant_type') !== 'client_credentials') {
      fail(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
      return;
    }
    const scope = form.get('scope') ?? '';
    if (!(options.scopes ?? DEFAULT_SCOPES).includes(scope)) {
      fail(400, 'invalid_scope', 70011, `The scope '${scope}' is not valid for this mock.`);
      return;
    }
    const clientId = form.get('client_id') ?? '';
    const app = tenant.apps.find((a) => a.clientId.toLowerCase() === clientId.toLowerCase());
    if (!app) {
      fail(400, 'unauthorized_client', 700016, `Application '${clientId}' is not registered in tenant '${tenantName}'; the request may have gone to the wrong tenant.`);
      return;
    }
    if (!secret) {
      fail(401, 'invalid_client', 7000218, "The request has neither 'client_secret' nor 'client_assertion'.");
      return;
    }
    const match = app.secrets.find((s) => s.value === secret);
    if (match?.expired) {
      fail(401, 'invalid_client', 7000222, `The client secret of app '${clientId}' has expired.`, echo);
      return;
    }
    if (!match) {
      fail(401, 'invalid_client', 7000215, `The client secret for app '${clientId}' is not valid; send the secret value, not its id.`, echo);
      return;
    }
    const iat = Math.floor(now.getTime() / 1000);
    const token = await new SignJWT({
      aud: scope.replace(/\/\.default$/, ''),
      iss: `https://sts.windows.net/${tenant.id}/`,
      idp: `https://sts.windows.net/${tenant.id}/`,
      tid: tenant.id,
      appid: app.clientId,
      appidacr: '1',
      oid: randomUUID(),
      sub: randomUUID(),
      ver: '1.0',
    }).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'mock-key' }).setIssuedAt(iat).setNotBefore(iat).setExpirationTime(iat + 3599).sign(privateKey);
    options.issued?.push(token);
    sendJson(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
  });
}
