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
