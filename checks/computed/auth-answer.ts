/**
 * Pure classification of the answer an auth probe got: who answered (the bot, App Service
 * Authentication, a WAF or gateway) and what it means. Shared by auth-missing-token and
 * auth-forged-token.
 */

export type AuthAnswerClass =
  /** 401 or 403 from the application: authentication enforced. */
  | 'rejected'
  /** 401 whose WWW-Authenticate names Entra ID sign-in: App Service Authentication answered, not the bot. */
  | 'app-service-auth-401'
  /** 2xx: the activity was accepted. */
  | 'accepted'
  /** 3xx to a Microsoft sign-in page or /.auth/login: App Service Authentication (Easy Auth) in front. */
  | 'sign-in-redirect'
  /** Any other 3xx. */
  | 'redirect'
  /** 403/406/429 HTML page or a known gateway header: a WAF or reverse proxy blocked it. */
  | 'gateway-block'
  | 'not-found'
  | 'method-not-allowed'
  | 'bad-request'
  /** 5xx from the application. */
  | 'server-error'
  /** 502/503/504 from a gateway that could not reach the bot. */
  | 'gateway-error'
  | 'other';

export interface AuthAnswerInput {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string;
  redirect?: { to: string } | undefined;
}

export interface AuthAnswer {
  class: AuthAnswerClass;
  status: number;
  /** Who seems to have answered, when a gateway or proxy is recognisable. */
  gateway?: string;
  location?: string;
  locationHost?: string;
}

const SIGN_IN_HOSTS = /^(login\.microsoftonline\.(com|us)|login\.windows\.net|login\.live\.com|login\.partner\.microsoftonline\.cn|login\.chinacloudapi\.cn|[a-z0-9-]+\.b2clogin\.com)$/i;

/** Names a gateway/WAF/CDN from response headers and body, when one is recognisable. */
export function detectGateway(headers: Readonly<Record<string, string>>, body: string): string | undefined {
  const server = headers.server ?? '';
  if (/Application-Gateway/i.test(server) || /Microsoft-Azure-Application-Gateway/i.test(body)) return 'Azure Application Gateway';
  if (headers['x-azure-ref'] || headers['x-msedge-ref']) return 'Azure Front Door';
  if (headers['cf-ray'] || /cloudflare/i.test(server)) return 'Cloudflare';
  if (headers['x-amz-cf-id'] || /CloudFront/i.test(server)) return 'Amazon CloudFront';
  if (/awselb/i.test(server)) return 'AWS Elastic Load Balancing';
  if (/AkamaiGHost/i.test(server)) return 'Akamai';
  if (/^nginx/i.test(server) && /<center>nginx/i.test(body)) return 'nginx';
  return undefined;
}

function isHtml(headers: Readonly<Record<string, string>>, body: string): boolean {
  return /text\/html/i.test(headers['content-type'] ?? '') || /^\s*<(!doctype html|html)/i.test(body);
}

export function classifyAuthAnswer(a: AuthAnswerInput): AuthAnswer {
  const { status, headers, body } = a;
  const gateway = detectGateway(headers, body);
  const base = { status, ...(gateway ? { gateway } : {}) };
  if (status >= 300 && status < 400) {
    const location = a.redirect?.to ?? headers.location;
    let host: string | undefined;
    let path = '';
    try {
      if (location) { const u = new URL(location); host = u.hostname; path = u.pathname; }
    } catch { /* unparseable Location */ }
    const withLocation = { ...base, ...(location ? { location } : {}), ...(host ? { locationHost: host } : {}) };
    if ((host && SIGN_IN_HOSTS.test(host)) || path.startsWith('/.auth/login')) return { class: 'sign-in-redirect', ...withLocation };
    return { class: 'redirect', ...withLocation };
  }
  if (status >= 200 && status < 300) return { class: 'accepted', ...base };
  if (status === 401) {
    const challenge = headers['www-authenticate'] ?? '';
    if (/authorization_uri="?https:\/\/login\.(microsoftonline|windows)/i.test(challenge)) return { class: 'app-service-auth-401', ...base };
    return { class: 'rejected', ...base };
  }
  if (status === 403 || status === 406 || status === 429) {
    if (gateway || isHtml(headers, body)) return { class: 'gateway-block', ...base };
    return status === 403 ? { class: 'rejected', ...base } : { class: 'other', ...base };
  }
  if (status === 404) return { class: 'not-found', ...base };
  if (status === 405) return { class: 'method-not-allowed', ...base };
  if (status === 400) return { class: 'bad-request', ...base };
  if (status >= 500) {
    if ((status === 502 || status === 503 || status === 504) && gateway) return { class: 'gateway-error', ...base };
    return { class: 'server-error', ...base };
  }
  return { class: 'other', ...base };
}
