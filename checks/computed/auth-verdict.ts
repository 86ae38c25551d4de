/**
 * The verdict shared by auth-missing-token and auth-forged-token. Pure.
 *
 * 1. Did the bot's own code run? Either answer shows it when it is a 2xx, when the invoke got the
 *    SDK's 501 for an invoke no handler took, or when a body carries the Bot Connector's refusal
 *    of the bot's reply or a stack trace through the SDK's send path. Then the probe was accepted,
 *    whatever the status: an anonymous bot fails even when its failed reply turned into a 401.
 * 2. For the token-bearing probe: a rejection that says the bot cannot fetch its signing keys,
 *    has no credentials, or no answer within the channel's window while requests without a
 *    token are rejected at once, is a bot that rejects genuine Teams traffic too: it fails.
 * 3. Otherwise the answer to the message activity is classified (auth-answer.ts): a rejection
 *    passes; App Service Authentication in front fails; gateways and crashes warn.
 */
import type { JsonObject, Outcome } from '../core/types';
import type { AuthProbeEvidence, ProbeAnswer } from '../gather/auth-probe';
import { classifyAuthAnswer } from './auth-answer';
import { CHANNEL_WINDOW_MS } from './channel-window';
import { decodedText, scanBody } from './disclosure';
import { notProbedText, phaseText } from './not-probed';
import { SDK_NAMES, type SdkIdentity } from './sdk-identity';
import { sdkFix } from './sdk-settings';

/** Verdicts only the token-bearing probe gives. */
export const TOKEN_PATH_MESSAGE_IDS = ['anonymous', 'keysUnavailable', 'notConfigured', 'tokenPathHangs'] as const;
export const AUTH_MESSAGE_IDS = [
  'rejected', 'accepted', 'signInRedirect', 'appServiceAuth401', 'redirect', 'gatewayBlock', 'notFound',
  'methodNotAllowed', 'badRequest', 'serverError', 'gatewayError', 'other', 'noAnswer', 'notProbed',
] as const;
export type NoTokenMessageId = (typeof AUTH_MESSAGE_IDS)[number];
export type AuthMessageId = NoTokenMessageId | (typeof TOKEN_PATH_MESSAGE_IDS)[number];

/** Messages of the verdicts only the token-bearing probe gives (auth-forged-token adds `anonymous`). */
export const TOKEN_PATH_MESSAGES = {
  keysUnavailable: 'The token was rejected (HTTP {{status}}), but the answer says why: the bot could not fetch the signing keys it checks tokens with ("{{reason}}"). It rejects genuine Teams requests the same way, so Teams cannot reach it.',
  notConfigured: 'The token was rejected (HTTP {{status}}) because the bot has no credentials configured ("{{reason}}"): it rejects every request, genuine ones from Teams included.',
  tokenPathHangs: 'A request with a token got no answer within {{waitMs}} ms, while the request without one was rejected in {{noTokenMs}} ms: the bot hangs while it validates tokens, most likely waiting for its signing keys. Genuine Teams requests would wait as long and miss the channel\'s window.',
} as const;

/** Messages for the answers both auth probes classify the same way (each rule adds rejected/accepted). */
export const AUTH_ANSWER_MESSAGES = {
  signInRedirect: 'The request was redirected (HTTP {{status}}) to a sign-in page on {{locationHost}}: App Service Authentication (Easy Auth) sits in front of the bot and sends requests without a user sign-in to log in. Teams\' requests carry a Bot Framework token, not a user sign-in, so they are redirected too and never reach the bot.',
  appServiceAuth401: 'HTTP 401 came with an Entra ID sign-in challenge: App Service Authentication (Easy Auth) answered, not the bot. It rejects requests that carry no token of its own Entra app, and Teams\' Bot Framework tokens are not such tokens, so Teams\' requests are rejected too and never reach the bot.',
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

/** How to fix the token-path verdicts. */
export const TOKEN_PATH_REMEDIATION = {
  keysUnavailable: 'Let the bot\'s host reach the Bot Framework\'s OpenID metadata and signing keys over HTTPS (login.botframework.com, and login.microsoftonline.com for Entra-issued tokens): open them in the firewall or proxy, then check from the host with `botflow egress` (see egress-openid-metadata).',
  notConfigured: 'Give the bot its identity. {{credentialsFix}}',
  tokenPathHangs: 'Check from the bot\'s host that it reaches the Bot Framework\'s OpenID metadata and signing keys quickly (`botflow egress`, see egress-openid-metadata); a firewall that drops (rather than refuses) these connections makes every token check wait for the SDK\'s own timeout.',
} as const;

/** How to fix each of the shared answers (each rule adds its own for accepted). */
export const AUTH_ANSWER_REMEDIATION = {
  signInRedirect: 'Let the messaging path through App Service Authentication: allow unauthenticated requests (unauthenticatedClientAction "AllowAnonymous") or exclude the path in the auth configuration. The bot\'s SDK authenticates the Bot Connector\'s requests itself.',
  appServiceAuth401: 'Let the messaging path through App Service Authentication (allow unauthenticated requests or exclude the path); the bot\'s SDK validates the Bot Connector\'s tokens itself.',
  redirect: 'Register the final URL (after the redirect) as the messaging endpoint, and make the server answer POSTs on it directly (no HTTP to HTTPS or trailing-slash redirects).',
  gatewayBlock: 'Make sure the gateway or WAF lets the Bot Connector\'s POSTs to the messaging path through (WAF rules often block JSON bodies or unknown clients), then run the check again to see the bot\'s own answer.',
  notFound: 'Check the path of the messaging endpoint: it must be the route the bot listens on (the SDKs\' samples use /api/messages) and it must match the endpoint registered on the Azure Bot.',
  methodNotAllowed: 'Point the messaging endpoint at the route that handles POST (for example /api/messages), or allow POST on it.',
  badRequest: 'Let the SDK handle the raw request (botbuilder and the Agents SDK: adapter.process; the Teams SDK: its own HTTP server), so that authentication runs before any validation of your own, and check that body parsing accepts application/json.',
  serverError: 'Check the bot\'s logs for this request. A request that fails authentication should get 401, not a crash: do not throw from middleware that runs before the SDK authenticates the request.',
  gatewayError: 'The gateway is up but the bot behind it is not answering: check the backend health, its port and its logs.',
  other: 'Check what in front of the bot produces this status; the bot should answer 401 for a request without a token.',
  noAnswer: 'Fix reachability first (see endpoint-reachable), then run the check again.',
} as const;

type Answered = Extract<ProbeAnswer, { ok: true }>;

/** The Bot Connector's body when it refuses a reply without a valid token. */
const CONNECTOR_REFUSAL = /Authorization has been denied for this request/i;
/** Frames of an SDK sending the bot's reply (botbuilder, Agents SDK, Teams SDK). */
const SEND_PATH = /\b(?:sendActivit(?:y|ies)|replyToActivity|sendToConversation|ConnectorClient|ConversationsOperations|ActivitySender|HttpClient\.request|ConversationClient)\b/;

/** Texts in a rejection that say the bot could not get its signing keys. */
const KEY_FETCH_FAILURE = [
  // jsonwebtoken's wrapper of a key-fetch error; "Unable to find a signing key" means the keys came and lack the kid.
  /error in secret or public key callback:\s*(?!\s|Unable to find a signing key)[^"\n]+/i,
  /request to (https:\/\/[^\s]*(?:openidconfiguration|openid-configuration|\/keys)[^\s]*) failed(?:, reason: ([^"\n]*))?/i,
  /(?:Failed to|Unable to|could not) (?:fetch|get|retrieve|download) (?:the )?(?:openid|signing|jwks?)[^"\n]*/i,
  /\bJwksError\b[^"\n]*/,
  /getaddrinfo ENOTFOUND login\.(?:botframework|microsoftonline)[^"\n]*/i,
];
const NOT_CONFIGURED = /Authentication not configured/i;

function isAnswered(a: ProbeAnswer | undefined): a is Answered {
  return Boolean(a && a.ok);
}

function repliesIn(body: string): number | undefined {
  try {
    const v = JSON.parse(body) as { activities?: unknown };
    return Array.isArray(v.activities) ? v.activities.length : undefined;
  } catch { return undefined; }
}

/** What in this answer shows the bot's own code ran, in words; undefined when nothing does. */
export function turnEvidence(a: ProbeAnswer | undefined, activity: 'message' | 'invoke'): string | undefined {
  if (!isAnswered(a)) return undefined;
  const what = activity === 'message' ? 'the message activity' : 'the invoke activity (a name no bot handles)';
  if (a.status >= 200 && a.status < 300) {
    const replies = activity === 'message' ? repliesIn(a.body) : undefined;
    return replies !== undefined
      ? `${what} was answered HTTP ${a.status} with the bot's ${replies} ${replies === 1 ? 'reply' : 'replies'} in the body (it asked for them with deliveryMode "expectReplies")`
      : `${what} was answered HTTP ${a.status}`;
  }
  if (activity === 'invoke' && a.status === 501 && a.body.trim() === '') {
    return `${what} was answered HTTP 501, the SDK's own answer for an invoke no handler took, which it gives only after authentication let the request in`;
  }
  const text = decodedText(a.body, a.headers);
  if (CONNECTOR_REFUSAL.test(text)) return `${what} was answered HTTP ${a.status} with the Bot Connector's refusal of the bot's reply ("Authorization has been denied for this request."): the bot ran and tried to reply`;
  if (a.status >= 400 && SEND_PATH.test(text) && /\bat\s/.test(text)) return `${what} was answered HTTP ${a.status} with a stack trace through the SDK's code that sends the bot's reply: the bot ran and tried to reply`;
  return undefined;
}

function firstMatch(text: string, patterns: readonly RegExp[]): string | undefined {
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return m[0].trim().slice(0, 200);
  }
  return undefined;
}

export interface AuthVerdictContext {
  identity: SdkIdentity;
  /** The missing-token evidence, when judging the forged-token probe. */
  noToken?: AuthProbeEvidence;
}

function pathOf(url: string): string {
  try { return new URL(url).pathname; } catch { return url; }
}

/** The verdict of auth-missing-token. */
export function missingTokenVerdict(e: AuthProbeEvidence, identity: SdkIdentity): Outcome & { messageId: NoTokenMessageId } {
  // Without `noToken` and for a missing-token probe, no token-path verdict can come out.
  return authVerdict(e, { identity }) as Outcome & { messageId: NoTokenMessageId };
}

/** The verdict of auth-forged-token, which also sees the missing-token probe. */
export function forgedTokenVerdict(e: AuthProbeEvidence, identity: SdkIdentity, noToken: AuthProbeEvidence): Outcome & { messageId: AuthMessageId } {
  return authVerdict(e, { identity, noToken });
}

function authVerdict(e: AuthProbeEvidence, ctx: AuthVerdictContext): Outcome & { messageId: AuthMessageId } {
  if (!e.probed) return { status: 'skip', messageId: 'notProbed', data: { reason: notProbedText(e.reason) }, evidence: { reason: e.reason } };
  const identity = ctx.identity;
  const sdkText = identity.sdk === 'unknown' ? 'not identified' : SDK_NAMES[identity.sdk];
  const seen = [turnEvidence(e.ok ? e : undefined, 'message'), turnEvidence(e.invoke, 'invoke')].filter((s): s is string => Boolean(s));
  const main: Answered | undefined = e.ok ? e : e.invoke.ok ? e.invoke : undefined;
  const noTokenMain = ctx.noToken?.probed && ctx.noToken.ok ? ctx.noToken : undefined;
  const base = {
    path: pathOf(e.url),
    aud: e.sent.token?.aud ?? '',
    sdk: sdkText,
    sdkFix: sdkFix('enableAuth', identity),
    credentialsFix: sdkFix('configureCredentials', identity),
    seen: seen.join('; ') || 'nothing',
    waitMs: e.ok ? e.timings.totalMs : (e.failure.timeoutMs ?? 0),
    noTokenMs: noTokenMain ? noTokenMain.timings.totalMs : 0,
  };
  const evidence = (extra: Record<string, unknown> = {}): JsonObject => ({
    url: e.url,
    sent: e.sent,
    message: e.ok ? summary(e) : { failure: e.failure },
    invoke: e.invoke.ok ? summary(e.invoke) : { failure: e.invoke.failure },
    sdk: { guess: identity.sdk, signals: identity.signals.map((s) => s.signal), ...(identity.version ? { version: identity.version } : {}) },
    ...(e.ok && e.proxy ? { proxy: e.proxy } : {}),
    ...extra,
  } as unknown as JsonObject);
  const data = (extra: Record<string, string | number> = {}): Record<string, string | number> => ({
    status: main?.status ?? 0,
    gateway: 'a gateway or web application firewall',
    location: '(no Location header)',
    locationHost: 'an unknown host',
    leak: '',
    reason: '',
    phase: '',
    message: '',
    ...base,
    ...extra,
  });
  const out = (status: Outcome['status'], messageId: AuthMessageId, extra: Record<string, string | number> = {}, ev: Record<string, unknown> = {}) =>
    ({ status, messageId, data: data(extra), evidence: evidence(ev) });

  if (seen.length) return out('fail', 'accepted', {}, { turnRan: seen });

  // The token-bearing probe: rejected, but is the token path itself working?
  if (e.kind === 'forged-token' && ctx.noToken?.probed) {
    const noTokenSeen = [turnEvidence(ctx.noToken.ok ? ctx.noToken : undefined, 'message'), turnEvidence(ctx.noToken.invoke, 'invoke')].filter(Boolean);
    if (noTokenSeen.length) return out('fail', 'anonymous', {}, { noTokenTurnRan: noTokenSeen });
    if (!e.ok && !e.invoke.ok && e.failure.phase === 'firstByte' && e.failure.code === 'CHK_ERR_PROBE_TIMEOUT' && noTokenMain
      && (e.failure.timeoutMs ?? 0) >= CHANNEL_WINDOW_MS) {
      return out('fail', 'tokenPathHangs', { waitMs: e.failure.timeoutMs ?? 0 });
    }
  }
  if (!main) {
    const f = e.ok ? e.invoke : e;
    const failure = !f.ok ? f.failure : undefined;
    return out('warn', 'noAnswer', { phase: failure ? phaseText(failure.phase) : 'the request', message: failure?.message ?? 'no answer' });
  }
  const text = decodedText(main.body, main.headers);
  if (e.kind === 'forged-token') {
    const keys = firstMatch(text, KEY_FETCH_FAILURE);
    if (keys && main.status >= 400) return out('fail', 'keysUnavailable', { reason: keys });
    if (NOT_CONFIGURED.test(text) && main.status === 401) return out('fail', 'notConfigured', { reason: 'Authentication not configured' });
  }

  const answer = classifyAuthAnswer({ status: main.status, headers: main.headers, body: main.body, redirect: main.redirect });
  const leaks = scanBody(main.body, 'body', main.headers).filter((f) => f.kind !== 'version-header');
  const extra = {
    ...(answer.gateway ? { gateway: answer.gateway } : {}),
    ...(answer.location ? { location: answer.location } : {}),
    ...(answer.locationHost ? { locationHost: answer.locationHost } : {}),
    leak: leaks.length ? ', and its body shows a stack trace or server internals (see endpoint-error-disclosure)' : '',
  };
  const ev = { classification: answer.class, ...(answer.gateway ? { gateway: answer.gateway } : {}) };
  switch (answer.class) {
    case 'rejected': return out('pass', 'rejected', extra, ev);
    case 'accepted': return out('fail', 'accepted', extra, ev);
    case 'sign-in-redirect': return out('fail', 'signInRedirect', extra, ev);
    case 'app-service-auth-401': return out('fail', 'appServiceAuth401', extra, ev);
    case 'redirect': return out('warn', 'redirect', extra, ev);
    case 'gateway-block': return out('warn', 'gatewayBlock', extra, ev);
    case 'not-found': return out('fail', 'notFound', extra, ev);
    case 'method-not-allowed': return out('fail', 'methodNotAllowed', extra, ev);
    case 'bad-request': return out('warn', 'badRequest', extra, ev);
    case 'server-error': return out('warn', 'serverError', extra, ev);
    case 'gateway-error': return out('warn', 'gatewayError', extra, ev);
    default: return out('warn', 'other', extra, ev);
  }
}

/** What a report keeps of one answer. */
function summary(a: Answered): Record<string, unknown> {
  return {
    status: a.status,
    headers: a.headers,
    body: a.body.slice(0, 512),
    hops: a.hops,
    ...(a.redirect ? { redirect: a.redirect } : {}),
    totalMs: a.timings.totalMs,
  };
}
