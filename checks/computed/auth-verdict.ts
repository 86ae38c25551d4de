/**
 * The verdict shared by auth-missing-token and auth-forged-token: classify the answer to the
 * probe, then map the class to a status and a messageId. Pure.
 */
import type { JsonObject, Outcome } from '../core/types';
import type { AuthProbeEvidence } from '../gather/auth-probe';
import { classifyAuthAnswer } from './auth-answer';
import { scanBody } from './disclosure';
import { notProbedText, phaseText } from './not-probed';

export const AUTH_MESSAGE_IDS = [
  'rejected', 'accepted', 'signInRedirect', 'appServiceAuth401', 'redirect', 'gatewayBlock', 'notFound',
  'methodNotAllowed', 'badRequest', 'serverError', 'gatewayError', 'other', 'noAnswer', 'notProbed',
] as const;
export type AuthMessageId = (typeof AUTH_MESSAGE_IDS)[number];

/** Messages for the answers both auth probes classify the same way (each rule adds rejected/accepted). */
export const AUTH_ANSWER_MESSAGES = {
  signInRedirect: 'The request was redirected (HTTP {{status}}) to a sign-in page on {{locationHost}}: App Service Authentication (Easy Auth) sits in front of the bot. Teams\' requests carry a Bot Framework token, not a user sign-in, so they are likely to be redirected too and never reach the bot.',
  appServiceAuth401: 'HTTP 401 came with an Entra ID sign-in challenge: App Service Authentication (Easy Auth) answered, not the bot. It is likely to reject Teams\' Bot Framework tokens too, and whether the bot checks tokens itself cannot be seen.',
  redirect: 'The endpoint answered with a redirect (HTTP {{status}}) to {{location}} instead of handling the activity; it was not followed.',
  gatewayBlock: 'HTTP {{status}} came from {{gateway}}, not from the bot: it blocked the request before the bot could judge the token. Whether the bot itself checks tokens cannot be seen from here.',
  notFound: 'HTTP 404: nothing answers at {{path}}, so Teams would get the same answer.',
  methodNotAllowed: 'HTTP 405: the endpoint does not accept POST, but the Bot Connector delivers every activity with a POST.',
  badRequest: 'HTTP 400: a well-formed Teams message activity was refused as a bad request before its token could be judged.',
  serverError: 'HTTP {{status}}: the endpoint failed on the request instead of rejecting it cleanly{{leak}}.',
  gatewayError: 'HTTP {{status}} from {{gateway}}: the gateway could not get an answer from the bot.',
  other: 'Unexpected HTTP {{status}}: the request was neither accepted nor rejected as unauthenticated.',
  noAnswer: 'No answer to judge: {{phase}} failed ({{message}}). See endpoint-reachable.',
  notProbed: 'Not checked: {{reason}}.',
} as const;

/** How to fix each of those answers (each rule adds its own for accepted). */
export const AUTH_ANSWER_REMEDIATION = {
  signInRedirect: 'Turn off App Service Authentication for the bot app, or exclude the messaging path from it (Easy Auth "Allow unauthenticated requests", or an excluded path in the auth configuration); the Bot Framework SDK authenticates the Bot Connector\'s requests itself.',
  appServiceAuth401: 'Let the messaging path through App Service Authentication (allow unauthenticated requests or exclude the path); the Bot Framework SDK validates the Bot Connector\'s tokens itself.',
  redirect: 'Register the final URL (after the redirect) as the messaging endpoint, and make the server answer POSTs on it directly (no HTTP to HTTPS or trailing-slash redirects).',
  gatewayBlock: 'Make sure the gateway or WAF lets the Bot Connector\'s POSTs to the messaging path through (WAF rules often block JSON bodies or unknown clients), then run the check again to see the bot\'s own answer.',
  notFound: 'Check the path of the messaging endpoint: it must be the route the bot listens on (the SDK samples use /api/messages) and it must match the endpoint registered on the Azure Bot.',
  methodNotAllowed: 'Point the messaging endpoint at the route that handles POST (for example /api/messages), or allow POST on it.',
  badRequest: 'Let the SDK adapter handle the raw request (CloudAdapter.process), so that authentication runs before any validation of your own, and check that body parsing accepts application/json.',
  serverError: 'Check the bot\'s logs for this request. Authentication failures should become 401, not a crash; with the SDK, pass requests to CloudAdapter.process and do not throw from middleware that runs before it.',
  gatewayError: 'The gateway is up but the bot behind it is not answering: check the backend health, its port and its logs.',
  other: 'Check what in front of the bot produces this status; the bot should answer 401 for a request without a token.',
  noAnswer: 'Fix reachability first (see endpoint-reachable), then run the check again.',
} as const;

export function authVerdict(e: AuthProbeEvidence): Outcome & { messageId: AuthMessageId } {
  if (!e.probed) return { status: 'skip', messageId: 'notProbed', data: { reason: notProbedText(e.reason) }, evidence: { reason: e.reason } };
  if (!e.ok) {
    return {
      status: 'warn',
      messageId: 'noAnswer',
      data: { phase: phaseText(e.failure.phase), message: e.failure.message },
      evidence: { url: e.url, sent: e.sent, failure: e.failure } as unknown as JsonObject,
    };
  }
  const answer = classifyAuthAnswer({ status: e.status, headers: e.headers, body: e.body, redirect: e.redirect });
  const leaks = scanBody(e.body, 'body').filter((f) => f.kind !== 'version-header');
  const path = (() => { try { return new URL(e.url).pathname; } catch { return e.url; } })();
  const data = {
    status: e.status,
    path,
    gateway: answer.gateway ?? 'a gateway or web application firewall',
    location: answer.location ?? '(no Location header)',
    locationHost: answer.locationHost ?? 'an unknown host',
    leak: leaks.length ? ', and its body shows a stack trace or server internals (see endpoint-error-disclosure)' : '',
    aud: e.sent.token?.aud ?? '',
    ms: e.timings.totalMs,
  };
  const evidence = {
    url: e.url,
    sent: e.sent,
    status: e.status,
    classification: answer.class,
    ...(answer.gateway ? { gateway: answer.gateway } : {}),
    headers: e.headers,
    body: e.body.slice(0, 512),
    hops: e.hops,
    ...(e.redirect ? { redirect: e.redirect } : {}),
    ...(e.proxy ? { proxy: e.proxy } : {}),
    totalMs: e.timings.totalMs,
  } as unknown as JsonObject;
  const out = (status: Outcome['status'], messageId: AuthMessageId): Outcome & { messageId: AuthMessageId } => ({ status, messageId, data, evidence });
  switch (answer.class) {
    case 'rejected': return out('pass', 'rejected');
    case 'accepted': return out('fail', 'accepted');
    case 'sign-in-redirect': return out('warn', 'signInRedirect');
    case 'app-service-auth-401': return out('warn', 'appServiceAuth401');
    case 'redirect': return out('warn', 'redirect');
    case 'gateway-block': return out('warn', 'gatewayBlock');
    case 'not-found': return out('fail', 'notFound');
    case 'method-not-allowed': return out('fail', 'methodNotAllowed');
    case 'bad-request': return out('warn', 'badRequest');
    case 'server-error': return out('warn', 'serverError');
    case 'gateway-error': return out('warn', 'gatewayError');
    default: return out('warn', 'other');
  }
}
