/**
 * Client-credentials token request to Entra ID for a bot, as the Bot Framework SDKs make it
 * (POST <login host>/<tenant>/oauth2/v2.0/token, scope https://api.botframework.com/.default or
 * the US Government one). Node only. The client secret goes in the form body and nowhere else;
 * the access token is decoded for its non-secret claims and then dropped.
 */
import { decodeJwt } from 'jose';
import type { Dispatcher } from 'undici';
import { adviceFor, aadstsCode } from '../computed/entra-advice';
import { controlRequest, retryAfterSeconds } from './registration-http';
import type { JsonObject } from '../core/types';
import { scrubStrings } from '../core/redact';

const SERVICE = 'the Entra ID token endpoint';

export interface TokenRequest {
  /** https://login.microsoftonline.com (or .us); tests point it at a local server. */
  authority: string;
  /** The bot's tenant (SingleTenant) or the cloud's multi-tenant bot tenant (botframework.com). */
  tenant: string;
  clientId: string;
  /** Secret: sent in the form body only. */
  clientSecret: string;
  scope: string;
  timeoutMs?: number;
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
}

import type { TokenClaims, TokenOutcome } from '../computed/credentials-model';

export type { TokenClaims, TokenOutcome } from '../computed/credentials-model';

export function tokenEndpoint(authority: string, tenant: string): string {
  return `${authority.replace(/\/+$/, '')}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
}

function pickClaims(payload: Record<string, unknown>): TokenClaims {
  const claims: TokenClaims = {};
  for (const key of ['aud', 'iss', 'tid', 'appid', 'azp', 'ver'] as const) {
    const v = payload[key];
    if (typeof v === 'string') claims[key] = v;
    else if (key === 'aud' && Array.isArray(v) && typeof v[0] === 'string') claims.aud = v[0];
  }
  for (const key of ['iat', 'exp'] as const) {
    const v = payload[key];
    if (typeof v === 'number') claims[key] = v;
  }
  return claims;
}

function str(obj: JsonObject, key: string): string | undefined {
  const v = obj[key];
  return typeof v === 'string' ? v : undefined;
}

export async function requestBotToken(req: TokenRequest): Promise<TokenOutcome> {
  const endpoint = tokenEndpoint(req.authority, req.tenant);
  const res = await controlRequest(endpoint, {
    service: SERVICE,
    method: 'POST',
    form: { grant_type: 'client_credentials', client_id: req.clientId, client_secret: req.clientSecret, scope: req.scope },
    ...(req.timeoutMs !== undefined ? { timeoutMs: req.timeoutMs } : {}),
    ...(req.dispatcher ? { dispatcher: req.dispatcher } : {}),
    ...(req.signal ? { signal: req.signal } : {}),
  });
  const body: JsonObject = res.json && typeof res.json === 'object' && !Array.isArray(res.json) ? res.json : {};
  if (res.status === 200 && typeof body.access_token === 'string') {
    let claims: TokenClaims = {};
    try {
      claims = pickClaims(decodeJwt(body.access_token) as Record<string, unknown>);
    } catch {
      claims = {};
    }
    const out: TokenOutcome = { ok: true, tokenEndpoint: endpoint, claims };
    if (claims.exp !== undefined) out.expiresAt = new Date(claims.exp * 1000).toISOString();
    const type = str(body, 'token_type');
    if (type) out.tokenType = type;
    // Every string here came from the endpoint: none may carry the secret, in any form.
    return scrubStrings(out, [req.clientSecret]);
  }
  const errorCodes = Array.isArray(body.error_codes) ? body.error_codes.filter((c): c is number => typeof c === 'number') : [];
  const rawDescription = str(body, 'error_description');
  const code = aadstsCode(errorCodes, rawDescription);
  const out: TokenOutcome = { ok: false, tokenEndpoint: endpoint, status: res.status, errorCodes };
  const error = str(body, 'error');
  if (error) out.error = error;
  if (code !== undefined) {
    out.aadsts = code;
    const advice = adviceFor(code);
    if (advice) out.advice = advice;
  }
  if (rawDescription) {
    const firstLine = rawDescription.split(/\r?\n/)[0]?.slice(0, 400) ?? '';
    out.description = firstLine;
  }
  const traceId = str(body, 'trace_id');
  const correlationId = str(body, 'correlation_id');
  if (traceId) out.traceId = traceId;
  if (correlationId) out.correlationId = correlationId;
  const retry = retryAfterSeconds(res.headers['retry-after']);
  if (retry !== undefined) out.retryAfterSeconds = retry;
  return scrubStrings(out, [req.clientSecret]);
}
