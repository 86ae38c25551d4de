/**
 * Reads the bot's app registration from Microsoft Graph (GET /v1.0/applications(appId='...'))
 * with a Graph token the user supplies: sign-in audience and the expiry of its client secrets
 * and certificates. Node only. Secret values are never returned by Graph; key ids, names and
 * dates are what is kept.
 */
import type { Dispatcher } from 'undici';
import { azureErrorCode, CheckEngineError } from '../core/errors';
import type { JsonObject, JsonValue } from '../core/types';
import { controlRequest, retryAfterSeconds } from './registration-http';
import type { AppCredential, GraphApplication } from '../computed/graph-types';
import { isJsonObject } from '../computed/json';

export type { AppCredential, GraphApplication } from '../computed/graph-types';

const SERVICE = 'Microsoft Graph';

export interface GraphRequest {
  /** https://graph.microsoft.com (or the national cloud's); tests point it at a local server. */
  baseUrl: string;
  /** Graph access token with Application.Read.All (or ownership of the app). Secret. */
  token: string;
  appId: string;
  timeoutMs?: number;
  dispatcher?: Dispatcher;
}

/** A Graph HTTP error; `code` is CHK_ERR_AZURE_* by status (401, 403, 404, 429, other). */
export class GraphRequestError extends CheckEngineError {
  readonly status: number;
  constructor(message: string, status: number) {
    super(azureErrorCode(status), message, { details: { status } });
    this.name = 'GraphRequestError';
    this.status = status;
  }
}

export function applicationUrl(baseUrl: string, appId: string): string {
  const select = 'id,appId,displayName,signInAudience,passwordCredentials,keyCredentials';
  return `${baseUrl.replace(/\/+$/, '')}/v1.0/applications(appId='${encodeURIComponent(appId)}')?$select=${select}`;
}


function s(obj: JsonObject, key: string): string | undefined {
  const v = obj[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function credentials(list: JsonValue | undefined, kind: AppCredential['kind']): AppCredential[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isJsonObject).map((c) => {
    const out: AppCredential = { kind };
    for (const key of ['keyId', 'displayName', 'startDateTime', 'endDateTime'] as const) {
      const v = s(c, key);
      if (v) out[key] = v;
    }
    return out;
  });
}

export async function readGraphApplication(req: GraphRequest): Promise<GraphApplication> {
  const res = await controlRequest(applicationUrl(req.baseUrl, req.appId), {
    service: SERVICE,
    headers: { authorization: `Bearer ${req.token}` },
    ...(req.timeoutMs !== undefined ? { timeoutMs: req.timeoutMs } : {}),
    ...(req.dispatcher ? { dispatcher: req.dispatcher } : {}),
  });
  const body = isJsonObject(res.json) ? res.json : {};
  if (res.status === 200) {
    const app: GraphApplication = {
      credentials: [...credentials(body.passwordCredentials, 'secret'), ...credentials(body.keyCredentials, 'certificate')],
    };
    for (const key of ['id', 'appId', 'displayName', 'signInAudience'] as const) {
      const v = s(body, key);
      if (v) app[key] = v;
    }
    return app;
  }
  const err = isJsonObject(body.error) ? body.error : {};
  const code = s(err, 'code');
  const tag = `${res.status}${code ? ` ${code}` : ''}`;
  switch (res.status) {
    case 401:
      throw new GraphRequestError(`${SERVICE} rejected the Graph token (${tag}): it is missing, expired or for another cloud. Get one with az account get-access-token --resource-type ms-graph --query accessToken -o tsv.`, 401);
    case 403:
      throw new GraphRequestError(`${SERVICE} refused to read the app registration (${tag}): the token needs Application.Read.All, or its user must own the app.`, 403);
    case 404:
      throw new GraphRequestError(`${SERVICE} found no app registration with app id ${req.appId} in the token's tenant (${tag}). A managed-identity bot has no app registration; otherwise use a Graph token from the app's tenant.`, 404);
    case 429: {
      const after = retryAfterSeconds(res.headers['retry-after']);
      throw new GraphRequestError(`${SERVICE} is throttling requests (${tag}): retry after ${after ?? 60} s.`, 429);
    }
    default:
      throw new GraphRequestError(`${SERVICE} answered ${tag} while reading the app registration.`, res.status);
  }
}
