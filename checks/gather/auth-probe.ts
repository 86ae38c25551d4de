/**
 * The auth probe both auth gatherers run: POST well-formed Teams activities to the endpoint
 * (a `message` asking for its replies in the response, and an `invoke` no bot handles; see
 * teams-probe.ts), with no Authorization header or with a forged token, and record each answer
 * as it came (status, selected headers, the start of the body, every hop, timings). Redirects are
 * never followed: the Location is reported and, for an IP literal, classified.
 */
import type { GatherContext } from '../core/gatherer';
import { CHANNEL_WINDOW_MS } from '../computed/channel-window';
import { endpointTarget } from './dns-resolution';
import { failureOf, netOptions, type NotProbed, type ProbeFailure } from './endpoint-probe-context';
import { safeRequest, type HopTimings, type RedirectNote, type Resolution, type TlsInfo } from './net';
import {
  forgedToken, probeActivity, PROBE_INVOKE_NAME, type ForgedTokenClaims, type ProbeActivityType, type ProbeKind, type TeamsProbeActivity,
} from './teams-probe';

/** Response headers kept as evidence (no cookies, nothing that could carry a secret). */
export const KEPT_HEADERS = [
  'content-type', 'content-length', 'location', 'www-authenticate', 'server', 'x-powered-by', 'x-aspnet-version',
  'x-aspnetmvc-version', 'via', 'x-azure-ref', 'x-msedge-ref', 'cf-ray', 'x-amz-cf-id', 'x-cache', 'x-ms-request-id',
  'x-ms-middleware-request-id', 'allow',
] as const;

/** Characters of the response body kept as evidence. */
export const KEPT_BODY_CHARS = 4_096;

/**
 * How long a probe that carries a token waits for the answer: the channel's window. A bot that
 * has not answered by then would miss it for a real activity too (endpoint-latency).
 */
export const TOKEN_PATH_WAIT_MS = CHANNEL_WINDOW_MS;

export interface AuthProbeSent {
  method: 'POST';
  activity: { type: 'message'; channelId: 'msteams'; serviceUrl: string; text: string; deliveryMode: 'expectReplies' };
  invoke: { type: 'invoke'; name: typeof PROBE_INVOKE_NAME };
  authorization: 'none' | 'forged-bearer-token';
  /** Claims of the forged token (the token itself is never stored). */
  token?: ForgedTokenClaims;
}

/** One answer to one POST, as it came, or the network failure that stopped it. */
export type ProbeAnswer =
  | {
    ok: true;
    status: number;
    headers: Record<string, string>;
    body: string;
    bodyBytes: number;
    truncated: boolean;
    hops: Array<{ url: string; status: number; location?: string }>;
    redirect?: RedirectNote;
    tls?: TlsInfo;
    address?: string;
    proxy?: string;
    timings: HopTimings;
  }
  | { ok: false; failure: ProbeFailure };

/**
 * The evidence: the answer to the message activity at the top level (what "the probe" got), and
 * the answer to the invoke activity beside it.
 */
export type AuthProbeEvidence =
  | NotProbed
  | ({ probed: true; kind: ProbeKind; url: string; sent: AuthProbeSent; invoke: ProbeAnswer } & ProbeAnswer);

function keptHeaders(all: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = all[name];
    if (value !== undefined) out[name] = value.slice(0, 512);
  }
  return out;
}

export interface PostProbeOptions {
  body: string;
  authorization?: string;
  /** Wait for the response headers this long (ms) unless the run sets its own timeout. */
  firstByteMs?: number;
}

/** POSTs one probe body to the endpoint and records the answer; network failures become evidence. */
export async function postProbe(ctx: GatherContext, url: URL, resolution: Resolution | undefined, options: PostProbeOptions): Promise<ProbeAnswer> {
  const net = netOptions(ctx, url, resolution, false);
  const timeouts = net.timeouts ?? (options.firstByteMs ? { firstByte: options.firstByteMs } : undefined);
  try {
    const res = await safeRequest(url, {
      ...net,
      ...(timeouts !== undefined ? { timeouts } : {}),
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        ...(options.authorization ? { authorization: options.authorization } : {}),
      },
      body: options.body,
      rejectUnauthorized: false,
      maxRedirects: 0,
    });
    return {
      ok: true,
      status: res.status,
      headers: keptHeaders(res.headers),
      body: res.body.slice(0, KEPT_BODY_CHARS),
      bodyBytes: res.bodyBytes,
      truncated: res.truncated || res.body.length > KEPT_BODY_CHARS,
      hops: res.hops.map((h) => ({ url: h.url, status: h.status, ...(h.location ? { location: h.location } : {}) })),
      ...(res.redirect ? { redirect: res.redirect } : {}),
      ...(res.tls ? { tls: res.tls } : {}),
      ...(res.address ? { address: res.address } : {}),
      ...(res.proxy ? { proxy: res.proxy } : {}),
      timings: res.timings,
    };
  } catch (err) {
    return { ok: false, failure: failureOf(err) };
  }
}

export async function runAuthProbe(ctx: GatherContext, kind: ProbeKind): Promise<AuthProbeEvidence> {
  const now = ctx.now();
  const message = probeActivity(kind, now, ctx.input.appId);
  const activities: Record<ProbeActivityType, TeamsProbeActivity> = { message, invoke: probeActivity(kind, now, ctx.input.appId, 'invoke') };
  // The RSA key is generated while the name resolves.
  const signing = kind === 'forged-token' ? forgedToken({ ...(ctx.input.appId ? { appId: ctx.input.appId } : {}), serviceUrl: message.serviceUrl, now }) : undefined;
  signing?.catch(() => undefined);
  const target = await endpointTarget(ctx);
  if ('probed' in target) return target;
  const forged = signing ? await signing : undefined;
  const sent: AuthProbeSent = {
    method: 'POST',
    activity: { type: 'message', channelId: message.channelId, serviceUrl: message.serviceUrl, text: message.text, deliveryMode: message.deliveryMode },
    invoke: { type: 'invoke', name: PROBE_INVOKE_NAME },
    authorization: forged ? 'forged-bearer-token' : 'none',
    ...(forged ? { token: forged.claims } : {}),
  };
  const post = (type: ProbeActivityType): Promise<ProbeAnswer> => postProbe(ctx, target.url, target.resolution, {
    body: JSON.stringify(activities[type]),
    ...(forged ? { authorization: `Bearer ${forged.token}`, firstByteMs: TOKEN_PATH_WAIT_MS } : {}),
  });
  const [messageAnswer, invokeAnswer] = await Promise.all([post('message'), post('invoke')]);
  return { probed: true, kind, url: target.url.href, sent, invoke: invokeAnswer, ...messageAnswer };
}
